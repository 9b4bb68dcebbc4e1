// Page object for one question step: a fieldset whose legend is the heading, native
// radios (or checkboxes for a multiple-choice question), "Question n of N", Back and
// Continue, and the error summary.
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
    this.group = host.widget
      .getByRole('group')
      .filter({ has: this.page.locator('input[type="radio"], input[type="checkbox"]') });
    this.heading = this.group.getByRole('heading');
    this.radios = this.group.locator('input[type="radio"], input[type="checkbox"]');
    this.progress = host.widget.getByText(/^(Question|Pregunta) \d+ (of|de) \d+$/);
    this.continueButton = host.widget.getByRole('button', { name: t.continue, exact: true });
    this.backButton = host.widget.getByRole('button', { name: t.back, exact: true });
    this.errorSummary = host.widget.getByRole('alert', { name: t.errorTitle });
    this.errorLink = this.errorSummary.getByRole('link', { name: t.errorNoAnswer });
  }

  /** Waits for question `linkId`, checks its heading and progress, and that focus moved
   *  to its heading. */
  async expectQuestion(linkId, n, total = 14, { focused = true } = {}) {
    await expect(this.heading).toHaveText(item(linkId).text[this.lang]);
    await expect(this.group).toHaveAccessibleName(item(linkId).text[this.lang]);
    await expect(this.progress).toHaveText(this.t.progress(n, total));
    if (focused) await expect.poll(() => isFocused(this.heading), 'focus is on the question heading').toBe(true);
  }

  /** The radio, or the checkbox of a multiple-choice question, of answer `code`. */
  radio(linkId, code) {
    const role = item(linkId).type === 'multiple' ? 'checkbox' : 'radio';
    return this.group.getByRole(role, { name: optionText(linkId, code, this.lang), exact: true });
  }

  async chooseByMouse(linkId, code) {
    // A reader clicks the words of the answer; its label checks the radio.
    await this.group.getByText(optionText(linkId, code, this.lang), { exact: true }).click();
    await expect(this.radio(linkId, code)).toBeChecked();
  }

  /** Tab into the radio group, then Space on the first answer or arrow keys to another. */
  async chooseByKeyboard(linkId, code) {
    const target = this.radio(linkId, code);
    if (item(linkId).type === 'multiple') {
      // Checkboxes are each a tab stop; Space ticks the focused one.
      await tabTo(this.page, target, 40);
      await this.page.keyboard.press('Space');
      await expect(target).toBeChecked();
      return;
    }
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

  /** Answers with `code` (or every code of a list) and continues, with the mouse or the
   *  keyboard only. */
  async answer(linkId, code, how = 'mouse') {
    const codes = Array.isArray(code) ? code : [code];
    for (const one of codes) {
      await (how === 'keyboard' ? this.chooseByKeyboard(linkId, one) : this.chooseByMouse(linkId, one));
    }
    await (how === 'keyboard' ? this.continueByKeyboard() : this.continueByMouse());
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
