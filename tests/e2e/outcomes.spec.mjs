// Every outcome and every card of the judgement (issue #12), in both languages, walked by
// mouse on the demo page and compared with the native engine (`knee-check score`).
import { expect, test } from './fixtures.mjs';
import { scoreWithCli } from './engine.mjs';
import { isFocused } from './pages/keyboard.mjs';
import { LABELS, outcomeHeading, QUESTIONNAIRE } from './pages/labels.mjs';
import { CARD_PATHS, RESULT_PATHS, SOON_PATH } from './pages/paths.mjs';
import { IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { RedFlagScreen } from './pages/red-flag-screen.mjs';
import { ResultScreen } from './pages/result-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';

// Fourteen steps by mouse on a shared machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

async function walk(page, lang, answers) {
  const host = new WidgetPage(page);
  await host.goto(lang === 'es' ? { lang: 'es' } : {});
  await new IntroScreen(host, lang).startByMouse();
  const question = new QuestionScreen(host, lang);
  for (const [i, [linkId, code]] of answers.entries()) {
    await question.expectQuestion(linkId, i + 1, 14, { focused: false });
    await question.answer(linkId, code);
  }
  return host;
}

const signStatus = (t, status) => ({ fits: t.matched, 'does-not-fit': t.notMatched, 'not-sure': t.notSure })[status];

for (const lang of ['en', 'es']) {
  const t = LABELS[lang];
  for (const [outcome, answers] of RESULT_PATHS) {
    test(`${outcome}: the result in ${lang}, in the brief's order, agrees with the engine`, async ({ page }) => {
      const report = scoreWithCli(Object.fromEntries(answers));
      expect(report.outcome).toBe(outcome);
      const host = await walk(page, lang, answers);
      const result = new ResultScreen(host, lang);
      await expect(result.result).toHaveAttribute('data-outcome', outcome);
      await expect(result.heading).toHaveText(outcomeHeading(outcome, lang));
      await expect.poll(() => isFocused(result.heading), 'focus is on the outcome heading').toBe(true);
      const rule = QUESTIONNAIRE.outcomes.find((o) => o.id === outcome);
      await expect(result.result.getByText(rule.summary[lang], { exact: true })).toBeVisible();
      await expect(result.result.getByText(rule.nextStep[lang], { exact: true })).toBeVisible();
      // Each sign as the engine judged it.
      await expect(result.signs).toHaveCount(4);
      for (const { sign, status } of report.signs) {
        await expect(result.signs.filter({ hasText: t.sign(sign) })).toContainText(signStatus(t, status));
      }
      // Action first: the next step comes before why, the safety net, meanwhile and the
      // evaluation; the versions are not on the page, the review status is.
      const order = [result.heading, result.nextStep, result.whyHeading, result.safetyNetHeading, result.meanwhileHeading, result.evaluationHeading];
      const tops = [];
      for (const locator of order) tops.push((await locator.boundingBox()).y);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      await expect(result.notReviewed).toBeVisible();
      await expect(result.result).not.toContainText(lang === 'en' ? 'scoring version' : 'versión del cálculo');
      expect(await host.completedOutcomes()).toEqual([outcome]);
    });
  }

  for (const [outcome, answers] of CARD_PATHS) {
    test(`${outcome}: the card in ${lang} puts the action first and offers a way back`, async ({ page }) => {
      expect(scoreWithCli(Object.fromEntries(answers)).outcome).toBe(outcome);
      const host = await walk(page, lang, answers);
      const card = new RedFlagScreen(host, lang);
      await expect(card.card).toHaveAttribute('data-outcome', outcome);
      await expect(card.heading).toHaveText(outcomeHeading(outcome, lang));
      if (outcome === 'red-flag-emergency') {
        await expect(card.callLink()).toHaveAttribute('href', 'tel:911');
      } else {
        await expect(card.card.getByRole('link', { name: t.call('911'), exact: true })).toHaveCount(0);
      }
      // Today, and under 18 (which stops the check before any red-flag question), keep
      // the emergency number at hand as the second, smaller choice.
      if (outcome === 'red-flag-today' || outcome === 'under-18') {
        await expect(card.unwellLink()).toHaveAttribute('href', 'tel:911');
      }
      if (outcome === 'under-18') {
        await expect(card.card).toContainText(lang === 'en' ? 'Go to an emergency room now if' : 'Vaya ahora a una sala de urgencias si');
      }
      expect(await host.completedOutcomes()).toEqual([outcome]);
      // "I answered this by mistake" goes back to the question, unanswered.
      await card.mistakeByMouse();
      const question = new QuestionScreen(host, lang);
      const [linkId] = answers[answers.length - 1];
      await question.expectQuestion(linkId, answers.length, 14, { focused: false });
      expect(await question.checkedCodes(linkId)).toEqual([]);
    });
  }

  test(`a soon answer in ${lang} does not stop the check and opens the result`, async ({ page }) => {
    const host = await walk(page, lang, SOON_PATH);
    const result = new ResultScreen(host, lang);
    await expect(result.result).toHaveAttribute('data-outcome', 'knee-likely');
    await expect(result.soonHeading).toHaveText(QUESTIONNAIRE.cards.soon.heading[lang]);
    await expect.poll(() => isFocused(result.soonHeading), 'focus is on the soon advice').toBe(true);
    expect((await result.soonHeading.boundingBox()).y).toBeLessThan((await result.heading.boundingBox()).y);
  });
}
