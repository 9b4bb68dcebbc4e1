// Small helpers that drive one knee-check widget in WebKit through selenium-webdriver,
// the way tests/e2e/pages/ does for Playwright: found by what a reader sees (button
// words, answer labels, headings), never by the widget's CSS classes, so a new
// questionnaire or a restyled screen needs at most new words in tests/e2e/pages/labels.mjs
// and new answers in tests/e2e/pages/paths.mjs.
//
// WebDriver classic cannot pierce a shadow root with a selector, so each helper runs a
// short script that looks inside `knee-check`'s open shadow root and returns the element;
// clicks and keys then go through WebDriver (real input events in WebKit).
import { Key } from 'selenium-webdriver';
import { LABELS, item, optionText } from '../e2e/pages/labels.mjs';
import { until } from './browser.mjs';

/** Runs in the page: the widget's shadow root (the first <knee-check>, or mount()'s host). */
const ROOT = `const host = document.querySelector('knee-check') ?? document.querySelector('#widget knee-check');
  const root = host && host.shadowRoot;`;

export class WebKitWidget {
  /**
   * @param {import('selenium-webdriver').WebDriver} driver
   * @param {'en' | 'es'} lang the language the widget speaks
   */
  constructor(driver, lang = 'en') {
    this.driver = driver;
    this.lang = lang;
    this.t = LABELS[lang];
  }

  /** Runs `body` (a function body using `root`) in the page; `args` as `arguments`. */
  run(body, ...args) {
    return this.driver.executeScript(`${ROOT} if (!root) return null; ${body}`, ...args);
  }

  /** Waits for `body` to return something truthy, and returns it. */
  waitFor(body, what, ms = 20_000, ...args) {
    return until(() => this.run(body, ...args), what, ms);
  }

  /** The widget's text, whitespace collapsed. */
  async text() {
    return (await this.run('return root.textContent.replace(/\\s+/g, " ").trim();')) ?? '';
  }

  /** Waits for a heading whose text is `name`, and returns it. */
  heading(name) {
    return this.waitFor(
      `return [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')].find((h) => h.textContent.trim() === arguments[0]) ?? null;`,
      `the heading "${name}"`,
      20_000,
      name,
    );
  }

  /** Waits for the wasm's own intro: until then the loader shows the one drawn at build
   *  time (ids starting `kcp`), which the wasm's replaces, so an element found in it goes
   *  stale. (The Playwright specs press the drawn one and check the press is replayed.) */
  interactive() {
    return this.waitFor(
      `return !!root.querySelector('.kc-intro') && !root.querySelector('.kc-lang[aria-labelledby^="kcp"]');`,
      'the wasm’s own intro',
    );
  }

  /** Waits for a button (or button-styled link) whose words are `name`. */
  button(name) {
    return this.waitFor(
      `return [...root.querySelectorAll('button, a')].find((b) => b.textContent.trim() === arguments[0]) ?? null;`,
      `the button "${name}"`,
      20_000,
      name,
    );
  }

  /** Waits for the answer labelled `text` on screen; returns { label, input }. */
  async answer(text) {
    const [label, input] = await this.waitFor(
      `const label = [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === arguments[0]);
       return label ? [label, label.control] : null;`,
      `the answer "${text}"`,
      20_000,
      text,
    );
    return { label, input };
  }

  /** Whether `element` has focus (inside the shadow root too) and the page has focus. */
  isFocused(element) {
    return this.driver.executeScript(
      'return arguments[0].getRootNode().activeElement === arguments[0] && document.hasFocus();',
      element,
    );
  }

  /** Presses Tab until `element` has focus; fails after `max` presses. */
  async tabTo(element, what, max = 40) {
    for (let i = 0; i < max; i++) {
      if (await this.isFocused(element)) return;
      await this.driver.actions().sendKeys(Key.TAB).perform();
    }
    if (!(await this.isFocused(element))) throw new Error(`could not reach ${what} with ${max} presses of Tab`);
  }

  /** Presses `name` with the mouse, or by Tab and Enter. */
  async press(name, how) {
    const button = await this.button(name);
    if (how === 'keyboard') {
      await this.tabTo(button, `the button "${name}"`);
      await this.driver.actions().sendKeys(Key.ENTER).perform();
    } else {
      await button.click();
    }
  }

  /** Waits for question `linkId` to be on screen as question `n`. */
  async expectQuestion(linkId, n, total) {
    await this.heading(item(linkId).text[this.lang]);
    const progress = this.t.progress(n, total);
    await this.waitFor(
      `return [...root.querySelectorAll('p')].some((p) => p.textContent.trim() === arguments[0]);`,
      `"${progress}"`,
      20_000,
      progress,
    );
  }

  /** Picks answer `code` of question `linkId` (clicking its words, or Tab then Space/arrows). */
  async choose(linkId, code, how) {
    const { label, input } = await this.answer(optionText(linkId, code, this.lang));
    const checkbox = await this.driver.executeScript("return arguments[0].type === 'checkbox';", input);
    if (how === 'keyboard' && checkbox) {
      // Checkboxes are each a tab stop; Space ticks the focused one.
      await this.tabTo(input, `"${code}"`);
      await this.driver.actions().sendKeys(Key.SPACE).perform();
    } else if (how === 'keyboard') {
      const first = await this.run(
        `return [...root.querySelectorAll('input')].find((i) => i.type === 'radio' || i.type === 'checkbox') ?? null;`,
      );
      await this.tabTo(first, 'the first answer');
      if (await this.isFocused(input)) {
        await this.driver.actions().sendKeys(Key.SPACE).perform();
      } else {
        for (let i = 0; i < 12 && !(await this.isFocused(input)); i++) {
          await this.driver.actions().sendKeys(Key.ARROW_DOWN).perform();
        }
      }
    } else {
      await label.click();
    }
    await until(() => this.driver.executeScript('return arguments[0].checked;', input), `"${code}" to be checked`);
  }

  /**
   * Walks `answers` ([linkId, code] pairs in the order asked) from the intro, by mouse
   * or keyboard, checking each question as it comes.
   */
  async walk(answers, how, total = answers.length) {
    await this.heading(this.introTitle);
    await this.interactive();
    await this.press(this.t.start, how);
    for (const [i, [linkId, code]] of answers.entries()) {
      await this.expectQuestion(linkId, i + 1, total);
      // A multiple-choice answer is a list of codes, each ticked in turn.
      for (const one of [code].flat()) await this.choose(linkId, one, how);
      await this.press(this.t.continue, how);
    }
  }

  /** Waits for the outcome (a result or a red-flag card) and returns its id. */
  outcome() {
    return this.waitFor(`return root.querySelector('[data-outcome]')?.getAttribute('data-outcome') ?? null;`, 'an outcome');
  }

  /** Sets the intro's title (the questionnaire's), which `walk` waits for first. */
  withIntro(title) {
    this.introTitle = title;
    return this;
  }
}
