// The questionnaire check page (web/questionnaire-check.html), as a clinician who adapted
// the questionnaire file meets it: without Rust or a terminal, they choose the file and
// see every problem with its place in the file, or the widget running with it. The
// problems are the widget's own checker's (compared with `knee-check validate`), and
// the file goes nowhere.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.mjs';
import { EmbeddedWidget } from './pages/embedded-widget.mjs';
import { validateWithCli } from './engine.mjs';

const PAGE = '/questionnaire-check.html';
const MANY_PROBLEMS = 'tests/fixtures/invalid/many-problems.json';
const MINIMAL = 'tests/fixtures/valid/minimal.json';

/** The page, its file input, and what it reports. */
function checkPage(page) {
  // The report's own heading and list; the widget's headings and lists follow them.
  return {
    file: page.getByLabel('Questionnaire file (.json)'),
    heading: page.locator('#report > h2'),
    problems: page.locator('#problems > li'),
    widget: new EmbeddedWidget(page.locator('#preview knee-check')),
  };
}

test('a file with problems lists every one the command-line checker finds, each at its place in the file', async ({ page }) => {
  await page.goto(PAGE);
  const check = checkPage(page);
  await check.file.setInputFiles(MANY_PROBLEMS);

  const expected = validateWithCli(MANY_PROBLEMS);
  expect(expected.length, 'the fixture has several problems').toBeGreaterThan(3);
  await expect(check.heading).toHaveText(`${expected.length} problems in many-problems.json`);
  await expect(check.heading).toBeFocused();
  // Each as the CLI prints it, the checker's `quotes` curled for reading.
  await expect(check.problems).toHaveText(expected.map((line) => line.replace(/`([^`]*)`/g, '“$1”')));
  await expect(check.problems.filter({ hasText: 'clues[0].sign' }).locator('code')).toHaveText('clues[0].sign');
  await expect(page.locator('#preview knee-check'), 'no widget runs a file it would refuse').toHaveCount(0);
});

test('a file that is not JSON gets the reason and the place the browser found', async ({ page }) => {
  await page.goto(PAGE);
  const check = checkPage(page);
  await check.file.setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": "draft", }') });
  await expect(check.heading).toHaveText('1 problem in draft.json');
  await expect(check.problems).toHaveCount(1);
  await expect(check.problems.first()).toContainText('the file is not valid JSON');
  await expect(check.problems.first()).toContainText(/position|column|line/);
});

test('a sound file runs in the widget, and a file chosen again after a fix is checked again', async ({ page }) => {
  await page.goto(PAGE);
  const check = checkPage(page);
  await check.file.setInputFiles(MANY_PROBLEMS);
  await expect(check.heading).toHaveText(/problems in many-problems\.json$/);

  await check.file.setInputFiles(MINIMAL);
  await expect(check.heading).toHaveText('No problems in minimal.json');
  await expect(check.problems).toHaveCount(0);
  // The widget runs the chosen questionnaire, not the built-in one.
  await expect(check.widget.heading('Minimal check')).toBeVisible();
  await check.widget.start();
  await expect(check.widget.scope.getByRole('group', { name: 'How old are you?' })).toBeVisible();

  // The same file chosen again, now broken: checked again, and the preview goes.
  await check.file.setInputFiles({ name: 'minimal.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
  await expect(check.heading).toHaveText(/^1 problem in minimal\.json$/);
  await expect(page.locator('#preview knee-check')).toHaveCount(0);
});

test('the built-in questionnaire offered to start from is the one the widget runs, and it passes', async ({ page, request }) => {
  await page.goto(PAGE);
  const link = page.getByRole('link', { name: 'knee-or-back.json' });
  const response = await request.get(new URL(await link.getAttribute('href'), page.url()).href);
  expect(response.ok()).toBe(true);
  const served = await response.text();
  expect(served).toBe(readFileSync('questionnaires/knee-or-back.json', 'utf8'));

  const check = checkPage(page);
  await check.file.setInputFiles({ name: 'knee-or-back.json', mimeType: 'application/json', buffer: Buffer.from(served) });
  await expect(check.heading).toHaveText('No problems in knee-or-back.json');
  await expect(check.widget.startButton).toBeVisible();
});

test('the chosen file is sent nowhere: after choosing it, the page only fetches its own wasm', async ({ page, baseURL }) => {
  await page.goto(PAGE);
  const requests = [];
  page.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
  const check = checkPage(page);
  await check.file.setInputFiles(MINIMAL);
  await expect(check.widget.startButton).toBeVisible();
  for (const { method, url } of requests) {
    expect(method, url).toBe('GET');
    expect(url, 'only the page’s own assets').toMatch(new RegExp(`^${baseURL.replace(/[.?]/g, '\\$&')}knee-check(-checker)?\\.[0-9a-f]{16}\\.wasm$`));
  }
  expect(requests.length, 'the checker and the widget').toBeGreaterThan(0);
});
