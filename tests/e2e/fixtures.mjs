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
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  /** Patterns of console errors and `[knee-check]` warnings this test expects. */
  expectedConsole: [[], { option: true }],

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
