// Shared test fixtures for the end-to-end specs: import { test, expect } from here,
// not from @playwright/test.
//
// Every test fails if the page logged a console error or threw an uncaught error,
// so no spec has to remember to check.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  /** Console errors and page errors seen during the test, checked after it. */
  pageProblems: [
    async ({ page }, use) => {
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`console error: ${message.text()} (${message.location().url || 'no url'})`);
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
