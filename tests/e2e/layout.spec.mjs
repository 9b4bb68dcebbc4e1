// Large text and narrow screens (WCAG 2.2 1.4.4 Resize text, 1.4.10 Reflow): on every
// screen of the check, at twice the reader's text size on a 390 px phone, at 320 CSS px,
// and at both at once (the smallest phones at large text, where a line holds about 13
// characters), no word is split inside, no paragraph is squeezed into a column narrower
// than about 20 characters, buttons stack instead of wrapping side by side, and nothing
// sticks out sideways. What counts as a problem is in reader-size.mjs.
import { expect, test } from './fixtures.mjs';
import { IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { RedFlagScreen } from './pages/red-flag-screen.mjs';
import { ResultScreen } from './pages/result-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';
import { BACK_PATH, CARD_PATHS } from './pages/paths.mjs';
import { layoutProblems, setTextSize } from './reader-size.mjs';

const CLINIC = {
  'clinic-name': 'Lakeside Physical Therapy',
  'clinic-phone': '+1 (847) 555-0100',
  'booking-url': 'https://example.org/book',
};

const SIZES = [
  { name: '200% text on a 390 x 844 phone', viewport: { width: 390, height: 844 }, text: 200 },
  { name: '320 CSS px', viewport: { width: 320, height: 640 }, text: 100 },
  { name: '200% text on a 320 x 640 phone', viewport: { width: 320, height: 640 }, text: 200 },
];

for (const size of SIZES) {
  for (const lang of ['en', 'es']) {
    test(`at ${size.name} (${lang}) every screen keeps words whole, columns wide and buttons stacked`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(size.viewport);
      await setTextSize(page, size.text);
      const host = new WidgetPage(page);
      await host.goto({ ...CLINIC, ...(lang === 'es' ? { lang: 'es' } : {}) });
      const found = [];
      const look = async (screen) => {
        for (const problem of await layoutProblems(page)) found.push(`${screen}: ${problem}`);
      };

      const intro = new IntroScreen(host, lang);
      await expect(intro.start).toBeVisible();
      await look('intro');
      await intro.startByMouse();

      const question = new QuestionScreen(host, lang);
      await question.expectQuestion('age', 1, BACK_PATH.length, { focused: false });
      await question.continueByMouse();
      await expect(question.errorSummary).toBeVisible();
      await look('error summary');

      // Each card, reached and left by "I answered this by mistake".
      const card = new RedFlagScreen(host, lang);
      for (const [outcome, answers] of CARD_PATHS) {
        for (const [linkId, code] of answers.slice(0, -1)) {
          await question.expectQuestion(linkId, answers.findIndex(([id]) => id === linkId) + 1, BACK_PATH.length, { focused: false });
          await question.answer(linkId, code);
        }
        const [lastId, lastCode] = answers.at(-1);
        await question.chooseByMouse(lastId, lastCode);
        await question.continueByMouse();
        await expect(card.card).toHaveAttribute('data-outcome', outcome);
        await look(`${outcome} card`);
        await card.mistakeByMouse();
        // Back to the first question for the next card.
        for (let n = answers.length - 1; n > 0; n--) {
          await question.expectQuestion(answers[n][0], n + 1, BACK_PATH.length, { focused: false });
          await question.backButton.click();
        }
      }

      for (const [n, [linkId, code]] of BACK_PATH.entries()) {
        await question.expectQuestion(linkId, n + 1, BACK_PATH.length, { focused: false });
        await look(`question ${n + 1} (${linkId})`);
        await question.answer(linkId, code);
      }
      const result = new ResultScreen(host, lang);
      await expect(result.result).toHaveAttribute('data-outcome', 'back-likely');
      await look('result');

      expect(found, 'layout problems a reader would meet').toEqual([]);
    });
  }
}

// The title bar is on every screen: at 200% text on a 390 px phone its two language
// buttons share one row, so the question starts about a button's height higher.
test('at 200% text on a 390 px phone the language buttons share one row', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await setTextSize(page, 200);
  const host = new WidgetPage(page);
  await host.goto();
  await new IntroScreen(host, 'en').startByMouse();
  await new QuestionScreen(host, 'en').expectQuestion('age', 1, BACK_PATH.length, { focused: false });
  const english = await host.languageButton('English').boundingBox();
  const spanish = await host.languageButton('Español').boundingBox();
  expect(Math.abs(english.y - spanish.y), 'rows apart (px)').toBeLessThan(1);
});
