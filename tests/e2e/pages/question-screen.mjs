// Page object for one question step: a fieldset whose legend is the heading, native
// radios, "Question n of N", Back and Continue, and the error summary.
import { expect } from '@playwright/test';
import { LABELS, item, optionText } from './labels.mjs';
import { isFocused, tabTo } from './keyboard.mjs';

export class QuestionScreen {
  /**
   * @param {import('./widget-page.mjs').WidgetPage} host
   * @param {'en'|'es'} lang
   */
  constructor(host, lang = 'en') {
    this.page = host.page;
    this.widget = host.widget;
    this.lang = lang;
    const t = LABELS[lang];
    this.t = t;
    /** The question's group: the fieldset, named by its legend. */
    this.group = host.widget.getByRole('group').filter({ has: this.page.getByRole('radio') });
    this.heading = this.group.getByRole('heading');
    this.radios = this.group.getByRole('radio');
    this.progress = host.widget.getByText(/^(Question|Pregunta) \d+ (of|de) \d+$/);
    this.continueButton = host.widget.getByRole('button', { name: t.continue, exact: true });
    this.backButton = host.widget.getByRole('button', { name: t.back, exact: true });
    this.errorSummary = host.widget.getByRole('alert', { name: t.errorTitle });
    this.errorLink = this.errorSummary.getByRole('link', { name: t.errorNoAnswer });
  }

  /** Waits for question `linkId`, checks its heading and progress, and that focus moved
   *  to its heading. */
  async expectQuestion(linkId, n, total = 9, { focused = true } = {}) {
    await expect(this.heading).toHaveText(item(linkId).text[this.lang]);
    await expect(this.group).toHaveAccessibleName(item(linkId).text[this.lang]);
    await expect(this.progress).toHaveText(this.t.progress(n, total));
    if (focused) await expect.poll(() => isFocused(this.heading), 'focus is on the question heading').toBe(true);
  }

  radio(linkId, code) {
    return this.group.getByRole('radio', { name: optionText(linkId, code, this.lang), exact: true });
  }

  async chooseByMouse(linkId, code) {
    // A reader clicks the words of the answer; its label checks the radio.
    await this.group.getByText(optionText(linkId, code, this.lang), { exact: true }).click();
    await expect(this.radio(linkId, code)).toBeChecked();
  }

  /** Tab into the radio group, then Space on the first answer or arrow keys to another. */
  async chooseByKeyboard(linkId, code) {
    const target = this.radio(linkId, code);
    const first = this.radios.first();
    await tabTo(this.page, first);
    if (await isFocused(target)) {
      await this.page.keyboard.press('Space');
    } else {
      const count = await this.radios.count();
      for (let i = 0; i < count && !(await isFocused(target)); i++) {
        await this.page.keyboard.press('ArrowDown');
      }
    }
    await expect(target).toBeChecked();
  }

  async continueByMouse() {
    await this.continueButton.click();
  }

  async continueByKeyboard() {
    await tabTo(this.page, this.continueButton);
    await this.page.keyboard.press('Enter');
  }

  /** Answers with `code` and continues, with the mouse or the keyboard only. */
  async answer(linkId, code, how = 'mouse') {
    if (how === 'keyboard') {
      await this.chooseByKeyboard(linkId, code);
      await this.continueByKeyboard();
    } else {
      await this.chooseByMouse(linkId, code);
      await this.continueByMouse();
    }
  }

  /** The codes of the checked answers of question `linkId`. */
  async checkedCodes(linkId) {
    const codes = [];
    for (const option of item(linkId).answerOption) {
      if (await this.radio(linkId, option.code).isChecked()) codes.push(option.code);
    }
    return codes;
  }
}
