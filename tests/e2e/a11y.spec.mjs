// Accessibility: axe-core finds no WCAG 2.2 A/AA violation on any screen of the check,
// in English and Spanish, in the light and dark themes (the reader's colour scheme and
// the host's `theme` attribute; the default is light). axe sees into the widget's open
// shadow root.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.mjs';
import { IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { RedFlagScreen } from './pages/red-flag-screen.mjs';
import { ResultScreen } from './pages/result-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';
import { BACK_PATH } from './pages/paths.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What axe finds on the page, one readable line per node. */
async function violationsOn(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
  );
}

async function expectNoViolations(page, screen) {
  expect(await violationsOn(page), `axe violations on the ${screen}`).toEqual([]);
}

test('axe sees inside the widget: a radio without a label is reported', async ({ page }) => {
  const host = new WidgetPage(page);
  await host.goto();
  await new IntroScreen(host).startByMouse();
  const question = new QuestionScreen(host);
  await question.expectQuestion('age', 1);
  await question.radios.first().evaluate((radio) => radio.labels[0].remove());
  const found = await violationsOn(page);
  expect(found.some((line) => line.startsWith('label '))).toBe(true);
});

const THEMES = [
  { name: 'light', colorScheme: 'light', attributes: {} },
  { name: 'dark (theme="auto" on a dark system)', colorScheme: 'dark', attributes: { theme: 'auto' } },
  { name: 'dark (theme="dark")', colorScheme: 'light', attributes: { theme: 'dark' } },
  { name: 'light (theme="light" on a dark system)', colorScheme: 'dark', attributes: { theme: 'light' } },
];

/** The demo article with a clinic's options, and the clinic page, which also brands the
 *  widget (accent, surface) the way a host would, for the light theme only. */
const PAGES = [
  {
    name: 'article',
    path: '/',
    attributes: {
      'clinic-name': 'Lakeside Physical Therapy',
      'clinic-phone': '+1 (847) 555-0100',
      'booking-url': 'https://example.org/book',
    },
  },
  { name: 'clinic page', path: '/clinic.html', attributes: {} },
];

const CASES = [
  ...['en', 'es'].flatMap((lang) => THEMES.map((theme) => ({ lang, theme, host: PAGES[0] }))),
  ...THEMES.map((theme) => ({ lang: 'en', theme, host: PAGES[1] })),
];

for (const { lang, theme, host: hostPage } of CASES) {
  {
    test(`every screen passes axe in ${lang}, ${theme.name}, ${hostPage.name}`, async ({ page }) => {
      // Six full axe runs on two shared cores.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme.colorScheme });
      const host = new WidgetPage(page);
      await host.goto(
        { ...theme.attributes, ...(lang === 'es' ? { lang: 'es' } : {}), ...hostPage.attributes },
        hostPage.path,
      );

      const intro = new IntroScreen(host, lang);
      await expect(intro.start).toBeVisible();
      await expectNoViolations(page, 'intro');

      await intro.startByMouse();
      const question = new QuestionScreen(host, lang);
      await question.expectQuestion('age', 1);
      await expectNoViolations(page, 'question');

      await question.continueByMouse();
      await expect(question.errorSummary).toBeVisible();
      await expectNoViolations(page, 'error summary');

      const card = new RedFlagScreen(host, lang);
      await question.answer('age', 'under-18');
      await expect(card.card).toHaveAttribute('data-outcome', 'under-18');
      await expectNoViolations(page, 'under-18 card');
      await card.mistakeByMouse();
      await question.answer('age', '50-64');
      await question.answer('rf-emergency', 'yes');
      await expect(card.card).toHaveAttribute('data-outcome', 'red-flag-emergency');
      await expectNoViolations(page, 'emergency card');

      await card.mistakeByMouse();
      await question.answer('rf-emergency', 'no');
      await question.answer('rf-today', 'yes');
      await expect(card.card).toHaveAttribute('data-outcome', 'red-flag-today');
      await expectNoViolations(page, 'see-a-doctor-today card');

      await card.mistakeByMouse();
      // Age and the emergency question are answered already; the rest of the back path.
      for (const [linkId, code] of BACK_PATH.slice(2)) {
        await question.answer(linkId, code);
      }
      const result = new ResultScreen(host, lang);
      await expect(result.result).toHaveAttribute('data-outcome', 'back-likely');
      await expectNoViolations(page, 'result');
    });
  }
}

test('the questionnaire check page passes axe, with problems listed and with the widget running', async ({ page }) => {
  await page.goto('/questionnaire-check.html');
  const file = page.getByLabel('Questionnaire file (.json)');
  await file.setInputFiles('tests/fixtures/invalid/many-problems.json');
  await expect(page.locator('#problems > li')).not.toHaveCount(0);
  await expectNoViolations(page, 'questionnaire check listing problems');
  await file.setInputFiles('tests/fixtures/valid/minimal.json');
  await expect(page.locator('#preview knee-check').getByRole('button', { name: 'Start the check' })).toBeVisible();
  await expectNoViolations(page, 'questionnaire check running the widget');
});
