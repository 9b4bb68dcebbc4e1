// What a screen reader hears, checked in the accessibility tree (not only with axe):
// each new question's focused heading carries "Question n of N" as its description, so
// the progress is read with every step; the red-flag card is a region named by its
// heading; and each step is announced once: focus moves to it, and no live region
// (alert, status) speaks over it.
import { expect, test } from './fixtures.mjs';
import { IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { RedFlagScreen } from './pages/red-flag-screen.mjs';
import { ResultScreen } from './pages/result-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';
import { LABELS } from './pages/labels.mjs';
import { BACK_PATH, CARD_PATHS } from './pages/paths.mjs';

const EMERGENCY_PATH = CARD_PATHS.find(([outcome]) => outcome === 'red-flag-emergency')[1];

/** Live regions in the widget that have something to say right now. */
async function speakingLiveRegions(host) {
  return host.widget.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('[role="alert"], [role="status"], [role="log"], [aria-live]')]
      .filter((r) => r.getAttribute('aria-live') !== 'off' && r.textContent.trim() !== '')
      .map((r) => r.textContent.trim().slice(0, 40)),
  );
}

for (const lang of ['en', 'es']) {
  test(`each new question is announced once, with its progress (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const host = new WidgetPage(page);
    await host.goto(lang === 'es' ? { lang: 'es' } : {});
    await new IntroScreen(host, lang).startByMouse();
    const question = new QuestionScreen(host, lang);
    for (const [n, [linkId, code]] of BACK_PATH.entries()) {
      await question.expectQuestion(linkId, n + 1);
      await expect(question.heading).toHaveAccessibleDescription(LABELS[lang].progress(n + 1, BACK_PATH.length));
      expect(await speakingLiveRegions(host), `live regions on question ${n + 1}`).toEqual([]);
      await question.answer(linkId, code);
    }
    const result = new ResultScreen(host, lang);
    await expect(result.result).toHaveAttribute('data-outcome', 'back-likely');
    expect(await speakingLiveRegions(host), 'live regions on the result').toEqual([]);
  });
}

test('the red-flag card is a region named by its heading, announced once by focus', async ({ page }) => {
  const host = new WidgetPage(page);
  await host.goto();
  await new IntroScreen(host).startByMouse();
  const question = new QuestionScreen(host);
  for (const [linkId, code] of EMERGENCY_PATH) await question.answer(linkId, code);
  const card = new RedFlagScreen(host);
  await expect(card.card).toBeFocused();
  await expect(card.card).toHaveAccessibleName('Call the emergency number now');
  await expect(card.card).toMatchAriaSnapshot(`
    - region "Call the emergency number now":
      - heading "Call the emergency number now" [level=2]
      - link "Call 911"
      - paragraph
      - paragraph:
        - button "I answered this by mistake"
  `);
  expect(await speakingLiveRegions(host), 'live regions besides the focused card').toEqual([]);
});
