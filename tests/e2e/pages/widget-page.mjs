// Page object for a host page with the <knee-check> element, and for what stays on
// screen throughout: the language switcher. Playwright's locators see into the open
// shadow root.

export class WidgetPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.widget = page.locator('knee-check').first();
    /** The language switcher: a group of toggle buttons. */
    this.languages = this.widget.getByRole('group', { name: /^(Language|Idioma)$/ });
  }

  /**
   * Opens the demo page `path`, with `attributes` added to its <knee-check> element as
   * the page would write them (e.g. `{ lang: 'es', theme: 'dark' }`), and waits for the
   * widget to render. `pageLang` replaces the page's own `<html lang>` (null removes
   * it). The page is otherwise served as built, with its CSP.
   */
  async goto(attributes = {}, path = '/', { pageLang } = {}) {
    const names = Object.keys(attributes);
    if (names.length > 0 || pageLang !== undefined) {
      const pattern = path === '/' ? /\/(index\.html)?$/ : `**${path}`;
      await this.page.route(pattern, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const written = names.map((n) => ` ${n}="${String(attributes[n]).replace(/"/g, '&quot;')}"`).join('');
        let body = html.replace(/<knee-check(?=[\s>])/, `<knee-check${written}`);
        if (body === html && names.length > 0) throw new Error(`${path} has no <knee-check> element`);
        // The page's own language: another tag, or none at all (null).
        if (pageLang !== undefined) {
          body = body.replace(/<html lang="[^"]*"/, pageLang === null ? '<html' : `<html lang="${pageLang}"`);
        }
        await route.fulfill({ response, body });
      });
    }
    await this.page.goto(path);
    await this.widget.getByRole('heading').first().waitFor();
    // Record what the widget tells its host, to compare with the engine.
    await this.page.evaluate(() => {
      window.kcOutcomes = [];
      document.addEventListener('knee-check:complete', (event) => window.kcOutcomes.push(event.detail.outcome));
    });
  }

  /** The outcome ids of `knee-check:complete` events so far. */
  async completedOutcomes() {
    return this.page.evaluate(() => window.kcOutcomes);
  }

  /** The switcher's button for a language, by its own name ("English", "Español"). */
  languageButton(name) {
    return this.languages.getByRole('button', { name, exact: true });
  }
}
