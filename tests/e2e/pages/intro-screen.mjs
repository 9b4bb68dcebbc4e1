// Page object for the intro: the check's title, what it is and is not, and Start.
import { LABELS, QUESTIONNAIRE } from './labels.mjs';
import { tabTo } from './keyboard.mjs';

/**
 * How long a measure of the intro is repeated (`expect(...).toPass(HAND_OVER)`): the
 * intro on screen may be the one drawn at build time, replaced by the wasm's own (the
 * same pixels) at any moment, and a box read from a removed element is null and its
 * computed style empty.
 */
export const HAND_OVER = { timeout: 10_000 };

export class IntroScreen {
  /**
   * @param {import('./widget-page.mjs').WidgetPage} host
   * @param {'en'|'es'} lang
   */
  constructor(host, lang = 'en') {
    this.page = host.page;
    this.lang = lang;
    const t = LABELS[lang];
    this.heading = host.widget.getByRole('heading', { name: QUESTIONNAIRE.title[lang], exact: true });
    this.notDiagnosis = host.widget.getByText(t.notDiagnosis);
    this.privacy = host.widget.getByText(t.privacy);
    this.start = host.widget.getByRole('button', { name: t.start, exact: true });
  }

  async startByMouse() {
    await this.start.click();
  }

  async startByKeyboard() {
    await tabTo(this.page, this.start);
    await this.page.keyboard.press('Enter');
  }
}
