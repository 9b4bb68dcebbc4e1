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
// The widget renders in a closed shadow root, which locators cannot enter. Every page
// therefore gets the init script of open-shadow.mjs (shadow roots forced open, the
// limit README's privacy section names), except in tests that declare
// `test.use({ realShadowRoots: true })` to prove what a page script cannot see.
import { test as base, expect } from '@playwright/test';
import { OPEN_SHADOW_ROOTS } from './open-shadow.mjs';

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
    await use(messages);
  },

  /** Console errors and page errors seen during the test, checked after it. */
  pageProblems: [
    async ({ page, expectedConsole }, use) => {
      const problems = [];
      page.on('console', (message) => {
        const type = message.type();
        const text = message.text();
        const flagged = type === 'error' || (type === 'warning' && text.startsWith('[knee-check]'));
        if (flagged && !expectedConsole.some((pattern) => pattern.test(text))) {
          problems.push(`console ${type}: ${text} (${message.location().url || 'no url'})`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
