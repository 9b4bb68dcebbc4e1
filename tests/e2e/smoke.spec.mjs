// Smoke test: the built demo page loads the widget under the strict CSP and it renders.
import { DemoPage } from './pages/demo-page.mjs';
import { expect, test } from './fixtures.mjs';

test('the demo page renders the widget without errors', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.goto();
  await expect(demo.heading).toBeVisible();
  await expect(demo.heading).toContainText(/knee/i);
});

test('the demo page is served with the strict CSP', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
});
