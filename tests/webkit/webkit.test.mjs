// The widget in WebKit (Safari's engine): Debian's WebKitGTK MiniBrowser, driven through
// WebKitWebDriver with selenium-webdriver (tests/webkit/browser.mjs), against dist/ served
// exactly as the Playwright suite serves it (tests/webkit/server.mjs, same headers.json).
// Run by `make test` (scripts/test.sh, stage e2e-webkit) as
//   node --test --test-reporter=tap tests/webkit/
// after `make dist`. One browser session for the whole file, a fresh page per test.
//
// Every test ends by checking the page's probe (tests/webkit/probe.js): no console error,
// no `[knee-check]` warning, no uncaught error and no CSP violation unless the test
// expects it, in the page and in the widget's iframe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scoreWithCli } from '../e2e/engine.mjs';
import { LABELS, QUESTIONNAIRE, outcomeHeading } from '../e2e/pages/labels.mjs';
import { BACK_PATH, CARD_PATHS, KNEE_PATH } from '../e2e/pages/paths.mjs';
import { e2eHeaders, startWebKit, until } from './browser.mjs';
import { startTestServer } from './server.mjs';
import { WebKitWidget } from './widget.mjs';

/** The first answer to the first question: "yes" to the emergency red flag. */
const EMERGENCY_PATH = CARD_PATHS.find(([outcome]) => outcome === 'red-flag-emergency')[1];
const TOTAL = BACK_PATH.length;
const FAILURE = { en: /could not start/, es: /no pudo iniciarse/ };

let webkit;
let server;
/** @type {import('selenium-webdriver').WebDriver} */
let driver;

before(async () => {
  server = await startTestServer();
  webkit = await startWebKit();
  driver = webkit.driver;
  console.log(`# WebKitGTK ${webkit.version} (MiniBrowser), serving on ${server.url}`);
});

after(async () => {
  await webkit?.stop();
  await server?.close();
});

/** Opens `path` on the test server and waits for the page to load. */
async function open(path) {
  await driver.switchTo().defaultContent();
  await driver.get(new URL(path, server.url).href);
}

/** What the probe recorded in the current document (null where the probe could not run). */
function probe() {
  return driver.executeScript('return window.__kcProbe ?? null;');
}

/**
 * Fails on any console error, `[knee-check]` warning, uncaught error or CSP violation the
 * probe recorded, except those matching `expected`.
 */
async function expectClean(where, expected = []) {
  const seen = await probe();
  assert.ok(seen, `the probe ran in ${where}`);
  const problems = [
    ...seen.console
      .filter(({ type, text }) => type === 'error' || text.startsWith('[knee-check]'))
      .map(({ type, text }) => `console ${type}: ${text}`),
    ...seen.errors,
    ...seen.violations.map((v) => `CSP violation: ${v}`),
    ...seen.events,
  ].filter((text) => !expected.some((pattern) => pattern.test(text)));
  assert.deepEqual(problems, [], `${where} logged problems`);
  return seen;
}

describe('WebKit', () => {
  test('the intro renders on the demo page, under its CSP', async () => {
    await open('/');
    const widget = new WebKitWidget(driver, 'en');
    await widget.heading(QUESTIONNAIRE.title.en);
    await widget.button(LABELS.en.start);
    assert.match(await widget.text(), new RegExp(LABELS.en.notDiagnosis));
    assert.match(await widget.text(), new RegExp(LABELS.en.privacy.replace('.', '\\.')));
    // The widget's stylesheet applies (constructable stylesheet, adopted in the shadow root).
    const [display, padding] = await widget.run(`const button = root.querySelector('button');
      const style = getComputedStyle(button); return [style.display, style.paddingTop];`);
    assert.notEqual(display, 'inline', 'the widget stylesheet is applied');
    assert.notEqual(padding, '0px', 'the widget stylesheet is applied');
    await expectClean('the demo page');
  });

  // The loader draws the intro before the wasm arrives (first-screen.spec.mjs); a Start
  // pressed on it is replayed once the wasm has taken over. Safari's engine delivers the
  // press as its own events, so the replay and the focus it leaves are checked here too.
  test('a Start pressed before the wasm arrives is kept: the first question follows, focused', async () => {
    const held = server.holdWasm();
    const widget = new WebKitWidget(driver, 'en');
    try {
      await open('/test-hosts/first-screen.html');
      await until(() => held.requests > 0, 'the request for the wasm');
      const drawn = () => widget.run(`return !!root.querySelector('.kc-lang[aria-labelledby^="kcp"]');`);
      assert.equal(await drawn(), true, 'the intro on screen is the one the build drew');
      await widget.press(LABELS.en.start, 'mouse');
      assert.equal(await drawn(), true, 'the wasm is still held back');
    } finally {
      held.release();
    }
    await widget.expectQuestion(BACK_PATH[0][0], 1, TOTAL);
    await until(() => widget.run(`return root.activeElement?.localName === 'h2';`), 'focus on the first question');
    await expectClean('the first-screen page');
  });

  for (const [lang, how, answers] of [
    ['en', 'mouse', KNEE_PATH],
    ['en', 'keyboard', BACK_PATH],
    ['es', 'mouse', BACK_PATH],
    ['es', 'keyboard', KNEE_PATH],
  ]) {
    test(`a full path to the result by ${how} in ${lang}`, async () => {
      await open(lang === 'es' ? '/?lang=es' : '/');
      const widget = new WebKitWidget(driver, lang).withIntro(QUESTIONNAIRE.title[lang]);
      await widget.walk(answers, how);
      const report = scoreWithCli(Object.fromEntries(answers));
      assert.equal(await widget.outcome(), report.outcome, 'the widget agrees with the engine');
      await widget.heading(outcomeHeading(report.outcome, lang));
      const text = await widget.text();
      for (const { sign } of report.signs) {
        assert.match(text, new RegExp(LABELS[lang].sign(sign)));
      }
      assert.match(text, new RegExp(LABELS[lang].disclaimer));
      // Start again forgets the answers: question 1 comes back unanswered.
      await widget.press(LABELS[lang].startAgain, how);
      await widget.press(LABELS[lang].start, how);
      await widget.expectQuestion(answers[0][0], 1, answers.length);
      assert.equal(await widget.run(`return root.querySelectorAll('input:checked').length;`), 0);
      await expectClean('the demo page');
    });
  }

  test('a red-flag card: the alert, its heading and the call link', async () => {
    await open('/');
    const widget = new WebKitWidget(driver, 'en').withIntro(QUESTIONNAIRE.title.en);
    await widget.walk(EMERGENCY_PATH, 'mouse', TOTAL);
    assert.equal(await widget.outcome(), 'red-flag-emergency');
    const heading = outcomeHeading('red-flag-emergency', 'en');
    const alert = await widget.run(`const alert = root.querySelector('[part~="alert"]');
      return alert && [alert.querySelector('h1,h2,h3,h4,h5,h6')?.textContent.trim(),
        [...alert.querySelectorAll('a')].map((a) => [a.textContent.trim(), a.getAttribute('href')])];`);
    assert.deepEqual(alert, [heading, [[LABELS.en.call('911'), 'tel:911']]]);
    await widget.press(LABELS.en.mistake, 'keyboard');
    await widget.expectQuestion('rf-emergency', EMERGENCY_PATH.length, TOTAL);
    await expectClean('the demo page');
  });

  test('the iframe mode works under the policy the server sends for embed.html', async () => {
    // The policy names the frame's origin: 'self' would mean the opaque origin in WebKit.
    const policy = (await fetch(new URL('/embed.html', server.url))).headers.get('content-security-policy');
    assert.match(policy, new RegExp(`script-src ${server.url.slice(0, -1)} 'wasm-unsafe-eval'`));
    assert.doesNotMatch(policy, /'self'/);
    await open('/test-hosts/iframe.html');
    const frame = await driver.findElement({ css: 'iframe.knee-check-frame' });
    await driver.switchTo().frame(frame);
    const widget = new WebKitWidget(driver, 'en').withIntro(QUESTIONNAIRE.title.en);
    await widget.walk(EMERGENCY_PATH, 'keyboard', TOTAL);
    assert.equal(await widget.outcome(), 'red-flag-emergency');
    await expectClean('the iframe');
    await driver.switchTo().defaultContent();
    // frame-host.js heard the frame's height and sized it (150 px is an unsized iframe).
    const height = await until(
      async () => {
        const h = await driver.executeScript('return document.querySelector("iframe.knee-check-frame").getBoundingClientRect().height;');
        return h > 200 && h;
      },
      'the frame to be sized to the widget',
    );
    assert.ok(height > 200, `frame height ${height}`);
    await expectClean('the host page');
  });

  test("with a frame policy that relies on 'self': the frame's own notice, and the host is told", async () => {
    // The policy tests/e2e/headers.json sent before issue 18: WebKit refuses every
    // script and stylesheet of the sandboxed frame, so no widget code can run.
    const broken = await startTestServer({
      headers: {
        ...e2eHeaders(),
        '/embed.html': { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'" },
      },
    });
    try {
      await driver.switchTo().defaultContent();
      await driver.get(new URL('/test-hosts/iframe.html', broken.url).href);
      // frame-host.js gives a silent frame 3 s after its load.
      const events = await until(async () => (await probe()).events.length > 0 && (await probe()).events, 'knee-check:error on the iframe');
      assert.deepEqual(events, ['knee-check:error on iframe']);
      await driver.switchTo().frame(await driver.findElement({ css: 'iframe.knee-check-frame' }));
      const notice = await driver.findElement({ css: '[role="status"]' });
      assert.ok(await notice.isDisplayed(), 'the notice is visible');
      const text = await notice.getText();
      assert.match(text, FAILURE.en);
      assert.match(text, FAILURE.es);
      assert.equal(await driver.executeScript('return document.querySelector("knee-check");'), null, 'no widget ran');
    } finally {
      await driver.switchTo().defaultContent();
      await broken.close();
    }
  });

  test('the strict CSP page completes a full path with no violation', async () => {
    await open('/test-strict/');
    const widget = new WebKitWidget(driver, 'en').withIntro(QUESTIONNAIRE.title.en);
    await widget.walk(BACK_PATH, 'mouse');
    assert.equal(await widget.outcome(), 'back-likely');
    await widget.press('Español', 'mouse');
    await widget.heading(outcomeHeading('back-likely', 'es'));
    const seen = await expectClean('the strict CSP page');
    assert.deepEqual(seen.violations, []);
  });

  test("a page whose CSP lacks 'wasm-unsafe-eval': the notice shows, the host keeps running", async () => {
    await open('/test-hosts/no-wasm-eval.html');
    const widget = new WebKitWidget(driver, 'en');
    await widget.waitFor('return /could not start/.test(root.textContent);', 'the failure notice');
    assert.match(await widget.text(), FAILURE.en);
    assert.equal(await widget.run(`return root.querySelector('[role="status"]')?.textContent ?? null;`), (await widget.text()).trim());
    assert.equal(await widget.run(`return root.querySelectorAll('button').length;`), 0, 'no Start button');
    assert.equal(await driver.executeScript('return document.body.dataset.hostScriptRan;'), 'yes');
    const hostButton = await driver.findElement({ id: 'host-button' });
    await hostButton.click();
    await hostButton.click();
    assert.equal(await driver.findElement({ id: 'host-clicks' }).getText(), '2');
    assert.deepEqual(await driver.executeScript('return window.hostErrors;'), []);
    // One [knee-check] line (an error) and the knee-check:error event the host may listen
    // for; WebKit's own refusal is the CSP violation event.
    const seen = await expectClean('the host page', [/^console error: \[knee-check\] could not start: /, /^CSP violation: wasm-unsafe-eval|^CSP violation: script-src/, /^knee-check:error on knee-check$/]);
    const own = seen.console.filter(({ text }) => text.startsWith('[knee-check]'));
    assert.equal(own.length, 1, JSON.stringify(own));
    assert.equal(own[0].type, 'error');
  });
});
