// Page object for one knee-check widget embedded in a host page: a <knee-check>
// element, an element mount() rendered into, or the widget inside an iframe. Playwright's
// locators see into the open shadow root, so everything is found by role and label, the
// way a reader with a screen reader finds it.

/** The widget's own words that the specs press or look for, per language. */
export const WORDS = {
  en: {
    start: 'Start the check',
    continue: 'Continue',
    book: 'Book an appointment',
    ignored: 'Some settings of this self-check were not valid and were ignored.',
    failure: /could not start/,
  },
  es: {
    start: 'Empezar',
    continue: 'Continuar',
    book: 'Pedir una cita',
    ignored: /no eran válidos/,
    failure: /no pudo iniciarse/,
  },
};

/** The built-in questionnaire answered as the "classic back" vignette, as option
 *  positions (language-independent): it ends on the result screen. */
// 18-49; no red flags; the shin; tingling; none of the knee loads; back movement changes
// it; no mechanical signs; a slow start; the shot and exercises did little; back pain; no
// hip problems.
export const CLASSIC_BACK = [1, 1, 1, 1, 10, 2, 5, 0, 3, 1, 0, 1, 0, 3];

/** The built-in questionnaire's shortest path to a red flag: an adult, "yes" to the
 *  emergency list. */
export const EMERGENCY = [1, 0];

export class EmbeddedWidget {
  /**
   * @param {import('@playwright/test').Locator | import('@playwright/test').FrameLocator} scope
   *   the widget's element (or the frame that holds it)
   * @param {'en' | 'es'} lang the language it speaks
   */
  constructor(scope, lang = 'en') {
    this.scope = scope;
    this.words = WORDS[lang];
    this.startButton = scope.getByRole('button', { name: this.words.start });
    this.continueButton = scope.getByRole('button', { name: this.words.continue });
    this.radios = scope.locator('input[type="radio"], input[type="checkbox"]');
    /** The card that stops the check: a region named by its heading (focus announces it). */
    this.alert = scope.locator('[part~="alert"]');
    this.bookLink = scope.getByRole('link', { name: this.words.book });
    this.ignoredNotice = scope.getByText(this.words.ignored);
    this.failureNotice = scope.getByText(this.words.failure);
    this.progress = scope.getByText(/^(Question|Pregunta) \d+ (of|de) \d+$/);
  }

  /** Any heading of the widget with this name (a string or a pattern). */
  heading(name, level) {
    return this.scope.getByRole('heading', level ? { name, level } : { name });
  }

  async start() {
    await this.startButton.click();
  }

  /** Picks the answer at `position` on the current question and continues. */
  async answer(position) {
    const before = await this.progress.textContent();
    await this.radios.nth(position).check();
    await this.continueButton.click();
    return before;
  }

  /** Starts and answers every question by position; waits for each step to change. */
  async complete(positions) {
    await this.start();
    await this.answerAll(positions);
  }

  /** From the question on screen, answers each question by position in turn. */
  async answerAll(positions) {
    for (const [i, position] of positions.entries()) {
      const isLast = i === positions.length - 1;
      await this.progress.waitFor();
      const before = await this.answer(position);
      if (!isLast) {
        // The next question must be on screen before the next answer is picked.
        await this.progress.filter({ hasNotText: before }).waitFor();
      }
    }
  }
}
