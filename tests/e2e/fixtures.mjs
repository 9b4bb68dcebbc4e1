// Shared test fixtures for the end-to-end specs: import { test, expect } from here,
// not from @playwright/test.
//
// Every test fails if the page (or a frame in it) logged a console error or a
// `[knee-check]` warning, or threw an uncaught error, so no spec has to remember to
// check. A test that provokes such a message on purpose declares it:
//
//   test.use({ expectedConsole: [/^\[knee-check\] ignored options: booking-url/] });
//
// Messages matching one of those patterns are allowed (and left to the test to count,
// through the `consoleMessages` fixture); every other one still fails the test.
//
// The same specs run in Chromium and in Firefox (playwright.config.mjs). What differs
// between the two engines is handled here, not in the specs: see `browserMessage`,
// `catchDownload` and `pressPrint`.
//
// The widget renders in a closed shadow root, which locators cannot enter. Every page
// therefore gets the init script of open-shadow.mjs (shadow roots forced open, the
// limit README's privacy section names), except in tests that declare
// `test.use({ realShadowRoots: true })` to prove what a page script cannot see.
import { readFile } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { OPEN_SHADOW_ROOTS } from './open-shadow.mjs';

/**
 * Firefox reports its own security and resource messages (a resource refused by a
 * Content Security Policy, a failed integrity check, a downloaded font its sanitizer
 * rejects, a WebSocket it cannot connect) to Playwright as page errors, where Chromium
 * logs them to the console. Returns such a message as the console error Chromium would
 * log, so `expectedConsole` applies to it the same way, or null for any other page error.
 */
export function browserMessage(error) {
  const text = String(error?.message ?? error);
  const fromBrowser =
    /^(The page’s settings (blocked|observed)|Content-Security-Policy:|None of the “sha\d+” hashes in the integrity attribute|Subresource Integrity|rejected by sanitizer|Firefox can’t establish a connection to the server)/.test(
      text,
    );
  return fromBrowser ? { type: 'error', text } : null;
}

/**
 * Whether a browser security message concerns the widget: it names one of the widget's
 * own files, or a script or wasm refusal (how a policy stops the widget). Others, such
 * as the browser's own favicon probe refused by a host page's `img-src`, are the host
 * page's business and are not the widget's errors.
 */
export function aboutTheWidget(text) {
  return /knee-check[.-]|embed\.(html|js)|frame-host\.js|script-src|wasm-unsafe-eval|WebAssembly|integrity/.test(text);
}

export const test = base.extend({
  /** Patterns of console errors and `[knee-check]` warnings this test expects. */
  expectedConsole: [[], { option: true }],

  /** Leave the widget's shadow roots closed, as on a real page. */
  realShadowRoots: [false, { option: true }],

  /** Forces shadow roots open (open-shadow.mjs) unless the test asks for real ones. */
  openShadowRoots: [
    async ({ context, realShadowRoots }, use) => {
      if (!realShadowRoots) await context.addInitScript(OPEN_SHADOW_ROOTS);
      await use();
    },
    { auto: true },
  ],

  /** Every console message of the test, as { type, text }, in order. */
  consoleMessages: async ({ page }, use) => {
    const messages = [];
    page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => {
      const message = browserMessage(error);
      if (message && aboutTheWidget(message.text)) messages.push(message);
    });
    await use(messages);
  },

  /** Console errors and page errors seen during the test, checked after it. */
  pageProblems: [
    async ({ page, expectedConsole }, use) => {
      const problems = [];
      const flag = (type, text, url) => {
        if (!expectedConsole.some((pattern) => pattern.test(text))) problems.push(`console ${type}: ${text} (${url || 'no url'})`);
      };
      page.on('console', (message) => {
        const type = message.type();
        const text = message.text();
        if (type === 'error' || (type === 'warning' && text.startsWith('[knee-check]'))) flag(type, text, message.location().url);
      });
      page.on('pageerror', (error) => {
        const message = browserMessage(error);
        if (!message) problems.push(`page error: ${error.message}`);
        else if (aboutTheWidget(message.text)) flag(message.type, message.text, 'the browser');
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Runs `action` (a click that offers a file) and resolves to { name, text } of that file.
 * Chromium reports downloads to Playwright, so there the file is read as the browser
 * saved it. Firefox over WebDriver BiDi does not, so there the page's own hand-over is
 * read: the Blob behind the `<a download>` the widget clicks, with that link's name.
 */
export async function catchDownload(page, action) {
  if (page.context().browser()?.browserType().name() === 'chromium') {
    const [download] = await Promise.all([page.waitForEvent('download'), action()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
  await page.evaluate(() => {
    if (window.kcDownloads) return;
    window.kcDownloads = [];
    const blobs = new Map();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = createObjectURL.call(this, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLElement.prototype.click;
    HTMLElement.prototype.click = function () {
      if (this instanceof HTMLAnchorElement && this.hasAttribute('download') && blobs.has(this.href)) {
        window.kcDownloads.push({ name: this.download, blob: blobs.get(this.href) });
      }
      return click.call(this);
    };
  });
  const before = await page.evaluate(() => window.kcDownloads.length);
  await action();
  await expect.poll(() => page.evaluate(() => window.kcDownloads.length), 'a file was offered').toBeGreaterThan(before);
  return page.evaluate(async (i) => {
    const { name, blob } = window.kcDownloads[i];
    return { name, text: await blob.text() };
  }, before);
}

/**
 * Presses the widget's print button (`button`, a locator) and waits for it to call
 * `window.print()`. Headless Chromium prints to nothing and returns at once; headless
 * Firefox opens a modal print dialog that nothing can close, which would stall the page.
 * So outside Chromium the call is recorded instead of made: what the widget does up to
 * the browser's dialog still runs.
 */
export async function pressPrint(page, button) {
  if (page.context().browser()?.browserType().name() === 'chromium') return button.click();
  await page.evaluate(() => {
    window.kcPrints = 0;
    window.print = () => {
      window.kcPrints += 1;
    };
  });
  await button.click();
  await expect.poll(() => page.evaluate(() => window.kcPrints), 'print() was called').toBe(1);
}

export { expect };
