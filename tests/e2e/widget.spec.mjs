// The check end to end, as a reader meets it on the demo page: every path by mouse and
// by keyboard only, in English and Spanish, with the result compared against the native
// engine (`knee-check score`) for the same answers. Also the small-screen and target-size
// requirements of issue #4.
import { expect, test } from './fixtures.mjs';
import { scoreWithCli } from './engine.mjs';
import { isFocused } from './pages/keyboard.mjs';
import { LABELS, outcomeHeading } from './pages/labels.mjs';
import { BACK_PATH, KNEE_PATH } from './pages/paths.mjs';
import { HAND_OVER, IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { RedFlagScreen } from './pages/red-flag-screen.mjs';
import { ResultScreen } from './pages/result-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';

const focused = (locator, what) => expect.poll(() => isFocused(locator), `focus is on ${what}`).toBe(true);

/** Opens the demo page in `lang`: English from the page, Spanish from the `lang` attribute. */
async function open(page, lang) {
  const host = new WidgetPage(page);
  await host.goto(lang === 'es' ? { lang: 'es' } : {});
  return host;
}

/** Checks the result screen against the engine's report for `answers`. */
async function expectResultMatchesEngine(host, answers, lang) {
  const report = scoreWithCli(Object.fromEntries(answers));
  const result = new ResultScreen(host, lang);
  await expect(result.result).toHaveAttribute('data-outcome', report.outcome);
  await expect(result.heading).toHaveText(outcomeHeading(report.outcome, lang));
  await focused(result.heading, 'the outcome heading');
  // The four signs as a checklist, each marked as the engine matched it.
  await expect(result.signsHeading).toBeVisible();
  await expect(result.signs).toHaveCount(4);
  const t = LABELS[lang];
  for (const { sign, status } of report.signs) {
    const row = result.signs.filter({ hasText: t.sign(sign) });
    await expect(row).toContainText({ fits: t.matched, 'does-not-fit': t.notMatched, 'not-sure': t.notSure }[status]);
  }
  await expect(result.evaluationHeading).toBeVisible();
  await expect(result.nextStep).toBeVisible();
  await expect(result.disclaimer).toBeVisible();
  expect(await host.completedOutcomes()).toEqual([report.outcome]);
  return { report, result };
}

for (const lang of ['en', 'es']) {
  for (const how of ['mouse', 'keyboard']) {
    for (const [name, answers, outcome] of [
      ['knee', KNEE_PATH, 'knee-likely'],
      ['back', BACK_PATH, 'back-likely'],
    ]) {
      test(`${name}-pattern path to the result by ${how} in ${lang}`, async ({ page, browserName }) => {
        test.fixme(
          browserName === 'firefox' && how === 'keyboard',
          'in Firefox over BiDi, focus reaches the next heading after the 5 s poll on some of the 14 steps (a Playwright-over-BiDi timing, not the widget’s); Chromium and WebKit walk it by keyboard',
        );
        // Fourteen questions, each checked for focus and an empty start, then Start again.
        test.setTimeout(90_000);
        const host = await open(page, lang);
        const intro = new IntroScreen(host, lang);
        await expect(intro.heading).toBeVisible();
        await expect(intro.notDiagnosis).toBeVisible();
        await expect(intro.privacy).toBeVisible();
        await (how === 'keyboard' ? intro.startByKeyboard() : intro.startByMouse());

        const question = new QuestionScreen(host, lang);
        for (const [i, [linkId, code]] of answers.entries()) {
          await question.expectQuestion(linkId, i + 1);
          expect(await question.checkedCodes(linkId), 'nothing is pre-selected').toEqual([]);
          await question.answer(linkId, code, how);
        }

        const { report, result } = await expectResultMatchesEngine(host, answers, lang);
        expect(report.outcome, 'the path reaches the outcome it was written for').toBe(outcome);

        // Start again forgets every answer.
        await (how === 'keyboard' ? result.startAgainByKeyboard() : result.startAgainByMouse());
        await focused(intro.heading, 'the intro heading');
        await (how === 'keyboard' ? intro.startByKeyboard() : intro.startByMouse());
        await question.expectQuestion('age', 1);
        expect(await question.checkedCodes('age')).toEqual([]);
      });
    }

    test(`red-flag path with "answered by mistake" by ${how} in ${lang}`, async ({ page }) => {
      const host = await open(page, lang);
      await (how === 'keyboard' ? new IntroScreen(host, lang).startByKeyboard() : new IntroScreen(host, lang).startByMouse());
      const question = new QuestionScreen(host, lang);
      const card = new RedFlagScreen(host, lang);

      await question.expectQuestion('age', 1);
      await question.answer('age', '18-49', how);
      await question.expectQuestion('rf-emergency', 2);
      await question.answer('rf-emergency', 'yes', how);
      const emergency = scoreWithCli({ age: '18-49', 'rf-emergency': 'yes' });
      await expect(card.card).toHaveAttribute('data-outcome', emergency.outcome);
      await expect(card.heading).toHaveText(outcomeHeading(emergency.outcome, lang));
      await focused(card.card, 'the red-flag card');
      await expect(card.callLink('911')).toHaveAttribute('href', 'tel:911');

      await (how === 'keyboard' ? card.mistakeByKeyboard() : card.mistakeByMouse());
      await expect(card.card).toHaveCount(0);
      await question.expectQuestion('rf-emergency', 2);
      expect(await question.checkedCodes('rf-emergency'), 'the mistaken answer is gone').toEqual([]);

      await question.answer('rf-emergency', 'no', how);
      await question.expectQuestion('rf-today', 3);
      await question.answer('rf-today', 'yes', how);
      const today = scoreWithCli({ age: '18-49', 'rf-emergency': 'no', 'rf-today': 'yes' });
      await expect(card.card).toHaveAttribute('data-outcome', today.outcome);
      await expect(card.heading).toHaveText(outcomeHeading(today.outcome, lang));
      await focused(card.card, 'the red-flag card');
      await expect(card.unwellLink('911')).toBeVisible();
      expect(await host.completedOutcomes()).toEqual([emergency.outcome, today.outcome]);
    });
  }

  test(`continuing without an answer shows the error summary (${lang})`, async ({ page }) => {
    const host = await open(page, lang);
    await new IntroScreen(host, lang).startByMouse();
    const question = new QuestionScreen(host, lang);
    await question.expectQuestion('age', 1);
    await expect(question.errorSummary).toHaveCount(0);

    await question.continueByMouse();
    await expect(question.errorSummary).toBeVisible();
    await focused(question.errorSummary, 'the error summary');
    await expect(question.group).toContainText(LABELS[lang].errorNoAnswer);
    await question.expectQuestion('age', 1, 14, { focused: false });

    // The summary's link takes the reader to the first answer.
    await question.errorLink.click();
    await focused(question.radios.first(), 'the first answer');
    expect(page.url(), 'the host page URL is untouched').not.toContain('#');
    await page.keyboard.press('Space');
    await expect(question.errorSummary).toHaveCount(0);
  });
}

for (const how of ['mouse', 'keyboard']) {
  test(`switching to Spanish mid-flow by ${how} keeps the answers`, async ({ page }) => {
    const host = await open(page, 'en');
    await new IntroScreen(host, 'en').startByMouse();
    let question = new QuestionScreen(host, 'en');
    for (const [i, [linkId, code]] of BACK_PATH.slice(0, 5).entries()) {
      await question.expectQuestion(linkId, i + 1);
      await question.answer(linkId, code, how);
    }
    // Chosen but not yet continued: the switch must keep it too.
    await question.expectQuestion('pain-quality', 6);
    for (const code of ['ache', 'tingling']) {
      await (how === 'keyboard' ? question.chooseByKeyboard('pain-quality', code) : question.chooseByMouse('pain-quality', code));
    }

    const spanish = host.languageButton('Español');
    if (how === 'keyboard') {
      await page.keyboard.down('Shift');
      for (let i = 0; i < 20 && !(await isFocused(spanish)); i++) await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      await page.keyboard.press('Space');
    } else {
      await spanish.click();
    }
    await expect(spanish).toHaveAttribute('aria-pressed', 'true');
    await expect(host.widget.locator('[lang="es"].kc-root')).toHaveCount(1);

    question = new QuestionScreen(host, 'es');
    await question.expectQuestion('pain-quality', 6, 14, { focused: false });
    expect(await question.checkedCodes('pain-quality')).toEqual(['ache', 'tingling']);
    // Back shows the answer given in English, now in Spanish.
    await question.backButton.click();
    await question.expectQuestion('where', 5);
    expect(await question.checkedCodes('where')).toEqual(['front-thigh', 'inner-knee']);
    await question.continueByMouse();
    for (const [i, [linkId, code]] of BACK_PATH.slice(5).entries()) {
      await question.expectQuestion(linkId, i + 6);
      await question.answer(linkId, code, how);
    }
    await expectResultMatchesEngine(host, BACK_PATH, 'es');
  });
}

/** Every control in the widget: buttons, links and radios. */
function controls(host) {
  return host.widget.locator('button, a[href], input');
}

/** Runs `check` on each screen: intro, question, error summary, red-flag card, result. */
async function onEveryScreen(page, check) {
  const host = new WidgetPage(page);
  await host.goto({ 'clinic-phone': '+1 (847) 555-0100', 'booking-url': 'https://example.org/book', 'clinic-name': 'Lakeside Physical Therapy' });
  const intro = new IntroScreen(host);
  await check(host, 'intro');
  await intro.startByMouse();
  const question = new QuestionScreen(host);
  await question.expectQuestion('age', 1);
  await check(host, 'question');
  await question.continueByMouse();
  await expect(question.errorSummary).toBeVisible();
  await check(host, 'error summary');
  await question.answer('age', '18-49');
  await question.answer('rf-emergency', 'yes');
  const card = new RedFlagScreen(host);
  await expect(card.card).toBeVisible();
  await check(host, 'red-flag card');
  await card.mistakeByMouse();
  for (const [linkId, code] of BACK_PATH.slice(1)) await question.answer(linkId, code);
  await expect(new ResultScreen(host).result).toBeVisible();
  await check(host, 'result');
}

test('at 320 px wide nothing scrolls sideways and every control is in reach', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await onEveryScreen(page, async (host, screen) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${screen}: horizontal scroll`).toBeLessThanOrEqual(0);
    const all = controls(host);
    const count = await all.count();
    expect(count, `${screen}: has controls`).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const control = all.nth(i);
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      expect(box, `${screen}: control ${i} is rendered`).not.toBeNull();
      expect(box.x, `${screen}: control ${i} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${screen}: control ${i} ends on screen`).toBeLessThanOrEqual(320);
    }
  });
});

test('answer options, buttons and links are at least 24 by 24 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await onEveryScreen(page, async (host, screen) => {
    const targets = host.widget.locator('button, a[href], input, label');
    const count = await targets.count();
    for (let i = 0; i < count; i++) {
      const target = targets.nth(i);
      // Links inside running text are exempt from the minimum (WCAG 2.5.8 "inline").
      const inline = await target.evaluate((el) => el.tagName === 'A' && getComputedStyle(el).display === 'inline');
      if (inline) continue;
      const box = await target.boundingBox();
      const name = await target.evaluate((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`);
      expect(box.width, `${screen}: ${name} width`).toBeGreaterThanOrEqual(24);
      expect(box.height, `${screen}: ${name} height`).toBeGreaterThanOrEqual(24);
    }
  });
});

test('no element of the widget has a style attribute', async ({ page }) => {
  await onEveryScreen(page, async (host, screen) => {
    // The locator pierces the shadow root.
    await expect(host.widget.locator('[style]'), screen).toHaveCount(0);
  });
});

test.describe('the language comes from the option, else the page, else the browser', () => {
  test.use({ locale: 'es-ES' });

  for (const [name, attributes, pageLang, want] of [
    ['the lang option wins over the page and the browser', { lang: 'en' }, 'es', 'en'],
    ['the page language wins over the browser', {}, 'en', 'en'],
    ['the page language picks Spanish', {}, 'es-MX', 'es'],
    ['without a page language, the browser language', {}, null, 'es'],
  ]) {
    test(name, async ({ page }) => {
      const host = new WidgetPage(page);
      await host.goto(attributes, '/', { pageLang });
      const intro = new IntroScreen(host, want);
      await expect(intro.heading).toBeVisible();
      await expect(intro.start).toBeVisible();
      await expect(host.languageButton(want === 'es' ? 'Español' : 'English')).toHaveAttribute('aria-pressed', 'true');
    });
  }
});

test('focus is visible on every control reached by keyboard', async ({ page }) => {
  const host = new WidgetPage(page);
  await host.goto();
  const intro = new IntroScreen(host);
  await intro.startByKeyboard();
  const question = new QuestionScreen(host);
  await question.expectQuestion('age', 1);
  // Tab through the question: every stop shows an outline at least 2 px wide.
  const seen = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      if (document.activeElement?.tagName !== 'KNEE-CHECK') return null;
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      return { what: `${el.tagName} ${el.textContent.trim() || el.value}`, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (ring === null) break; // Focus left the widget.
    seen.push(ring.what);
    expect(ring.style, `${ring.what} shows focus`).not.toBe('none');
    expect(ring.width, `${ring.what} outline width`).toBeGreaterThanOrEqual(2);
  }
  expect(seen.some((what) => what.startsWith('INPUT')), `the answers are among ${seen}`).toBe(true);
  expect(seen.some((what) => what.startsWith('BUTTON Continue')), `Continue is among ${seen}`).toBe(true);
});

for (const [motion, animated] of [
  ['reduce', false],
  ['no-preference', true],
]) {
  test(`buttons ${animated ? 'may' : 'do not'} animate with prefers-reduced-motion: ${motion}`, async ({ page, browserName }) => {
    test.fixme(browserName === 'firefox' && motion === 'reduce', 'Playwright 1.64 cannot emulate media features over WebDriver BiDi in Firefox ESR 153 (issue #18); Chromium runs it');
    await page.emulateMedia({ reducedMotion: motion });
    const host = new WidgetPage(page);
    await host.goto();
    await expect(async () => {
      const durations = await new IntroScreen(host).start.evaluate((el) => getComputedStyle(el).transitionDuration);
      expect(durations, 'a computed transition').not.toBe('');
      const moving = durations.split(',').some((d) => parseFloat(d) > 0);
      expect(moving, `transition-duration ${durations}`).toBe(animated);
    }).toPass(HAND_OVER);
  });
}
