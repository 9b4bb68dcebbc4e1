// Page object for the cards that stop the check (emergency, today, under 18): a region
// named by its heading, the action, and "I answered this by mistake".
import { LABELS } from './labels.mjs';
import { tabTo } from './keyboard.mjs';

export class RedFlagScreen {
  /**
   * @param {import('./widget-page.mjs').WidgetPage} host
   * @param {'en'|'es'} lang
   */
  constructor(host, lang = 'en') {
    this.page = host.page;
    this.lang = lang;
    const t = LABELS[lang];
    this.t = t;
    /** A region named by its heading; focus moves to it, so it is announced once. */
    this.card = host.widget.locator('[part~="alert"]');
    this.heading = this.card.getByRole('heading');
    this.mistake = this.card.getByRole('button', { name: t.mistake, exact: true });
  }

  /** The small "if you feel very unwell" link of the today card. */
  unwellLink(number = '911') {
    return this.card.getByRole('link', { name: this.t.todayUnwell(number), exact: true });
  }

  /** The link that calls `number`. */
  callLink(number = '911') {
    return this.card.getByRole('link', { name: this.t.call(number), exact: true });
  }

  async mistakeByMouse() {
    await this.mistake.click();
  }

  async mistakeByKeyboard() {
    await tabTo(this.page, this.mistake);
    await this.page.keyboard.press('Enter');
  }
}
