// The cards that stop the check, as a reader meets them on a phone: the heading (what to
// do) is on the screen when the card takes focus, at any text size; on the emergency
// card the call is the largest control; on every card "I answered this by mistake" is a
// quiet link-styled control.
// (How the card is announced is announce.spec.mjs's; here it is found by its outcome.)
import { expect, test } from './fixtures.mjs';
import { IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';
import { isFocused } from './pages/keyboard.mjs';
import { setTextSize } from './reader-size.mjs';
import { CARD_PATHS } from './pages/paths.mjs';

/** The card on screen, its heading, its call link and its way back. */
function cardOf(host) {
  const card = host.widget.locator('[part~="alert"]');
  return {
    card,
    heading: card.getByRole('heading'),
    call: card.getByRole('link', { name: 'Call 911', exact: true }),
    mistake: card.getByRole('button', { name: 'I answered this by mistake', exact: true }),
  };
}

const CARDS = CARD_PATHS.map(([outcome, answers]) => ({ outcome, answers }));

for (const text of [100, 200]) {
  for (const { outcome, answers } of CARDS) {
    test(`${outcome}: the heading is on screen when the card takes focus, at ${text}% text`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await setTextSize(page, text);
      const host = new WidgetPage(page);
      await host.goto();
      await new IntroScreen(host).startByMouse();
      const question = new QuestionScreen(host);
      for (const [linkId, code] of answers) await question.answer(linkId, code);
      const card = cardOf(host);
      await expect(card.card).toHaveAttribute('data-outcome', outcome);
      await expect.poll(() => isFocused(card.card), 'focus is on the card').toBe(true);
      const heading = await card.heading.boundingBox();
      expect(heading.y, 'the heading’s top is not above the screen').toBeGreaterThanOrEqual(0);
      expect(heading.y + heading.height, 'the heading’s bottom is on the screen').toBeLessThanOrEqual(844);
      if (outcome === 'red-flag-emergency') {
        // The call is on the same screen, not after the explanation.
        const call = await card.call.boundingBox();
        expect(call.y + call.height, 'the call button is on the screen with the heading').toBeLessThanOrEqual(844);
      }
    });
  }
}

for (const { outcome, answers } of CARDS) {
  const emergency = outcome === 'red-flag-emergency';
  test(`${outcome}: ${emergency ? 'the call is the largest control; ' : ''}the mistake link is quiet`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const host = new WidgetPage(page);
    await host.goto();
    await new IntroScreen(host).startByMouse();
    const question = new QuestionScreen(host);
    for (const [linkId, code] of answers) await question.answer(linkId, code);
    const card = cardOf(host);
    await expect(card.card).toHaveAttribute('data-outcome', outcome);
    const area = async (locator) => {
      const box = await locator.boundingBox();
      return box.width * box.height;
    };
    if (emergency) {
      const call = await area(card.call);
      const mistake = await area(card.mistake);
      expect(call, 'the call link is larger than "I answered this by mistake"').toBeGreaterThan(2 * mistake);
    }
    const look = await card.mistake.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopWidth, background: s.backgroundColor, underline: s.textDecorationLine };
    });
    expect(look, 'no frame, no fill, underlined like a link').toEqual({
      border: '0px',
      background: 'rgba(0, 0, 0, 0)',
      underline: 'underline',
    });
    const box = await card.mistake.boundingBox();
    expect(box.height, 'still a 24 px target').toBeGreaterThanOrEqual(24);
  });
}
