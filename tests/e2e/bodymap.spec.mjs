// The body map (issue 13): on a 390 px phone the "where" question shows a picture of
// the leg over its checkboxes; a reader taps the regions that hurt on the picture, the
// matching checkboxes are ticked, and the result's "Your answers" lists those regions.
import { expect, test } from './fixtures.mjs';
import { item, optionText } from './pages/labels.mjs';
import { BACK_PATH } from './pages/paths.mjs';
import { IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';

const TAPPED = ['front-thigh', 'inner-knee'];

for (const lang of ['en', 'es']) {
  test(`tapping regions on the body map at 390 px answers "where", and the result lists them (${lang})`, async ({ page }) => {
    // Fourteen steps by mouse: longer than the default on a busy machine.
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const host = new WidgetPage(page);
    await host.goto(lang === 'es' ? { lang: 'es' } : {});
    await new IntroScreen(host, lang).startByMouse();

    const question = new QuestionScreen(host, lang);
    for (const [linkId, code] of BACK_PATH) {
      await expect(question.heading).toHaveText(item(linkId).text[lang]);
      if (linkId !== 'where') {
        await question.answer(linkId, code);
        continue;
      }
      const map = question.group.locator('svg.kc-body-map');
      await expect(map).toBeVisible();
      await expect(map).toHaveAttribute('aria-hidden', 'true');
      // The picture sits above the list and fits the phone: no sideways scrolling.
      const mapBox = await map.boundingBox();
      const listBox = await question.group.locator('.kc-options').boundingBox();
      expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(listBox.y + 1);
      expect(mapBox.x).toBeGreaterThanOrEqual(0);
      expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Its own size rule holds (styles/knee-check.css): at most 230 px, so the list of
      // regions starts within the first screen.
      expect(mapBox.width).toBeLessThanOrEqual(230.5);

      for (const region of TAPPED) {
        // A pointer tap on the shape itself (Playwright clicks the middle of it).
        await map.locator(`path[data-code="${region}"]`).click();
        await expect(question.radio('where', region)).toBeChecked();
        await expect(map.locator(`[data-code="${region}"]`)).toHaveClass(/kc-region-on/);
      }
      expect(await question.checkedCodes('where')).toEqual(TAPPED);
      // A ticked region's words are bold, so the choice shows without colour too.
      const weight = (code) =>
        question.radio('where', code).evaluate((input) => Number(getComputedStyle(input.closest('.kc-option').querySelector('.kc-label')).fontWeight));
      expect(await weight(TAPPED[0])).toBeGreaterThanOrEqual(600);
      expect(await weight('back-knee')).toBeLessThan(600);
      await question.continueByMouse();
    }

    const answers = host.widget.locator('.kc-answers .kc-answer').filter({ hasText: item('where').text[lang] });
    await expect(answers.locator('dd > span')).toHaveText(TAPPED.map((c) => optionText('where', c, lang)).join('; '));
  });
}
