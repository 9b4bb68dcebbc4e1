// Page object for the demo page (dist/index.html) and the widget mounted in it.
// One page object per screen: specs talk in terms of what a reader sees, and only
// these files know how to find it (by role and label, as a screen reader would).

export class DemoPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    /** The widget on the host page: the custom element, or a container it mounts into.
     *  Playwright's locators see into its open shadow root. */
    this.widget = page.locator('knee-check, [data-knee-check]').first();
    /** The widget's title. */
    this.heading = this.widget.getByRole('heading').first();
  }

  async goto() {
    await this.page.goto('/');
  }
}
