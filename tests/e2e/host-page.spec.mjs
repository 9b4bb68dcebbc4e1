// Host independence: global styles of the page around the widget must not change it.
// tests/e2e/hosts/global-styles.html is a right-to-left page with `html { font-size:
// 62.5% }`, a struck-through and underlined body, and `@property` registrations of the
// names the widget uses inside. The widget still follows the reader's own text size.
import { expect, test } from './fixtures.mjs';
import { HAND_OVER, IntroScreen } from './pages/intro-screen.mjs';
import { QuestionScreen } from './pages/question-screen.mjs';
import { WidgetPage } from './pages/widget-page.mjs';
import { setTextSize } from './reader-size.mjs';
import { magentaPixels } from './pixels.mjs';

const HOST = '/test-hosts/global-styles.html';

/** The computed font size of the intro's lead paragraph, and the Start button's height, in px. */
async function sizes(host) {
  const lead = host.widget.getByText(/^Knee pain does not always start/);
  const start = new IntroScreen(host).start;
  return {
    text: await lead.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    button: (await start.boundingBox()).height,
  };
}

test("the page's html { font-size: 62.5% } does not shrink the widget's text or targets", async ({ page }) => {
  const host = new WidgetPage(page);
  await host.goto({}, HOST);
  await expect(async () => {
    const { text, button } = await sizes(host);
    expect(text, 'body text at the reader’s default size (16 px) times 1.0625').toBeCloseTo(17, 0);
    expect(button).toBeGreaterThanOrEqual(44);
  }).toPass(HAND_OVER);
  await new IntroScreen(host).startByMouse();
  const radio = await new QuestionScreen(host).radios.first().boundingBox();
  expect(Math.min(radio.width, radio.height), 'a radio is a target of at least 24 px').toBeGreaterThanOrEqual(24);
});

test("the widget follows the reader's own text size on such a page", async ({ page }) => {
  await setTextSize(page, 200);
  const host = new WidgetPage(page);
  await host.goto({}, HOST);
  await expect(async () => {
    const { text } = await sizes(host);
    expect(text, 'twice the reader’s default size of 16 px, times 1.0625').toBeCloseTo(34, 0);
  }).toPass(HAND_OVER);
});

test('a right-to-left page does not mirror the English widget', async ({ page }) => {
  const host = new WidgetPage(page);
  await host.goto({}, HOST);
  const root = host.widget.locator('.kc-root');
  await expect(async () => {
    const box = await root.first().boundingBox();
    const start = await new IntroScreen(host).start.boundingBox();
    expect(start.x - box.x, 'Start sits at the left, where English reads from').toBeLessThan(box.x + box.width - (start.x + start.width));
  }).toPass(HAND_OVER);
  await expect(root).toHaveAttribute('dir', 'ltr');
});

test("the page's text-decoration does not strike through or underline the widget's text", async ({ page, context }) => {
  const host = new WidgetPage(page);
  await host.goto({}, HOST);
  // The page's own heading shows the decoration (magenta), so the probe can see it.
  const onPage = await magentaPixels(context, await page.locator('h1').screenshot());
  expect(onPage, 'the probe sees the page’s decoration').toBeGreaterThan(50);
  await expect(async () => {
    const inWidget = await magentaPixels(context, await host.widget.locator('.kc-root').first().screenshot());
    expect(inWidget, 'pixels of the page’s magenta decoration inside the widget').toBe(0);
  }).toPass(HAND_OVER);
});

test("the page's @property registrations do not reach the widget's colours", async ({ page }) => {
  const host = new WidgetPage(page);
  await host.goto({}, HOST);
  const start = new IntroScreen(host).start;
  await expect(async () => {
    const look = await start.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color, border: s.borderTopColor, radius: s.borderTopLeftRadius };
    });
    expect(look).toEqual({
      background: 'rgb(11, 92, 173)',
      color: 'rgb(255, 255, 255)',
      border: 'rgb(11, 92, 173)',
      radius: '8.5px',
    });
  }).toPass(HAND_OVER);
});
