// Page object for the result: the outcome as a heading, the four signs as a checklist,
// what an evaluation may include, the clinic's call to action and Start again.
import { LABELS } from './labels.mjs';
import { tabTo } from './keyboard.mjs';

export class ResultScreen {
  /**
   * @param {import('./widget-page.mjs').WidgetPage} host
   * @param {'en'|'es'} lang
   */
  constructor(host, lang = 'en') {
    this.page = host.page;
    this.lang = lang;
    const t = LABELS[lang];
    this.t = t;
    /** The result; `data-outcome` carries the outcome id for hosts and tests. */
    this.result = host.widget.locator('[data-outcome]');
    /** The outcome heading (after the "soon" advice, when there is one). */
    this.heading = this.result.locator('.kc-outcome');
    this.soonHeading = this.result.locator('[data-soon]').getByRole('heading');
    /** The label over the four signs, under the "Why" heading. */
    this.signsHeading = this.result.getByText(t.signsHeading, { exact: true });
    /** The four signs, each a list item opening with "Sign n". */
    this.signs = this.result.getByRole('listitem').filter({ hasText: new RegExp(t.sign('\\d')) });
    this.evaluationHeading = this.result.getByRole('heading', { name: t.evaluationHeading });
    this.nextStep = this.result.getByRole('heading', { name: t.nextStep });
    this.disclaimer = this.result.getByText(t.disclaimer);
    this.whyHeading = this.result.getByRole('heading', { name: t.why, exact: true });
    this.safetyNetHeading = this.result.getByRole('heading', { name: t.safetyNet });
    this.meanwhileHeading = this.result.getByRole('heading', { name: t.meanwhile, exact: true });
    this.notReviewed = this.result.getByText(t.notReviewed);
    this.startAgain = this.result.getByRole('button', { name: t.startAgain, exact: true });
  }

  async outcome() {
    return this.result.getAttribute('data-outcome');
  }

  async startAgainByMouse() {
    await this.startAgain.click();
  }

  async startAgainByKeyboard() {
    await tabTo(this.page, this.startAgain, 80);
    await this.page.keyboard.press('Enter');
  }
}
