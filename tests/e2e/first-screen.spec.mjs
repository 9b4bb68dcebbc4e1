// The first screen before the wasm (issue #17): the loader shows the intro the build drew
// with the app's own views at once, fetches the wasm only when the widget comes near the
// screen, and hands over to the wasm's own intro without a visible change, without
// losing a Start or language click made meanwhile, and without moving focus.
//
// The wasm is held back by a route until the test lets it through, so "before the wasm"
// is a state the test controls, not a race. Which intro is on screen is told by the id
// prefix of its language group: the drawn one's ids start `kcp`, the wasm's `kc<n>-`.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.mjs';
import { EmbeddedWidget } from './pages/embedded-widget.mjs';

const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
const WASM = manifest.files['knee-check.wasm'].file;

/** Holds every request for the widget's wasm until `release()`; counts them. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const held = { requests: 0, release };
  await page.route(`**/${WASM}`, async (route) => {
    held.requests += 1;
    await released;
    await route.continue();
  });
  return held;
}

/** Who drew the intro on screen: 'build' (the loader's first screen) or 'wasm'.
 *  `page` may be a frame. */
function drawnBy(page, host = 'knee-check') {
  return page.evaluate((selector) => {
    const group = document.querySelector(selector).shadowRoot.querySelector('.kc-lang');
    return group?.getAttribute('aria-labelledby').startsWith('kcp') ? 'build' : 'wasm';
  }, host);
}

/** The text of the element focused inside the widget (its shadow root's activeElement). */
function focusedInWidget(page) {
  return page.evaluate(() => {
    const host = document.querySelector('knee-check');
    return document.activeElement === host ? host.shadowRoot.activeElement?.textContent.trim() : null;
  });
}

test.describe('before the wasm arrives', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the intro is on screen at once, and the wasm’s own takes its place without a pixel moving', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/first-screen.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.startButton).toBeVisible();
    await expect(widget.heading('Is my knee pain coming from my back?', 2)).toBeVisible();
    await expect.poll(() => held.requests, 'the widget is in view, so its wasm is on its way').toBe(1);
    expect(await drawnBy(page)).toBe('build');
    const after = page.locator('#after');
    const before = { box: await after.boundingBox(), picture: await page.screenshot() };

    held.release();
    await expect.poll(() => drawnBy(page)).toBe('wasm');
    expect(await after.boundingBox(), 'the text below the widget did not move').toEqual(before.box);
    expect((await page.screenshot()).equals(before.picture), 'the page looks exactly the same').toBe(true);
    // One intro, and it works.
    await expect(widget.startButton).toHaveCount(1);
    await widget.start();
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
  });

  test('a Start pressed meanwhile is not lost: the first question follows, with focus on it', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/first-screen.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.start();
    expect(await drawnBy(page)).toBe('build');
    held.release();
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
    await expect.poll(() => page.evaluate(() => document.querySelector('knee-check').shadowRoot.activeElement?.tagName)).toBe('H2');
  });

  test('a language chosen meanwhile shows at once and stays, with focus kept on its button', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/first-screen.html');
    const english = new EmbeddedWidget(page.locator('knee-check'));
    await expect(english.startButton).toBeVisible();
    await page.locator('knee-check').getByRole('button', { name: 'Español' }).click();
    const spanish = new EmbeddedWidget(page.locator('knee-check'), 'es');
    await expect(spanish.startButton).toBeVisible();
    expect(await focusedInWidget(page)).toBe('Español');

    held.release();
    await expect.poll(() => drawnBy(page)).toBe('wasm');
    await expect(spanish.startButton).toBeVisible();
    await expect(page.locator('knee-check').getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    expect(await focusedInWidget(page), 'focus stayed where the reader put it').toBe('Español');
    await spanish.start();
    await expect(spanish.progress).toHaveText(/^Pregunta 1 de \d+$/);
  });

  test('focus the reader gave the drawn Start button stays on the real one', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/first-screen.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.startButton.focus();
    expect(await focusedInWidget(page)).toBe('Start the check');
    held.release();
    await expect.poll(() => drawnBy(page)).toBe('wasm');
    expect(await focusedInWidget(page)).toBe('Start the check');
    await page.keyboard.press('Enter');
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
  });
});

test.describe('the iframe mode', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /** The frame's document (sandboxed, so reached through Playwright, not the page). */
  const embedFrame = (page) => page.frames().find((frame) => frame.url().includes('/embed.html'));

  test('the intro is drawn in the frame at once, the frame fits it, and the wasm changes neither', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/iframe.html');
    const iframe = page.locator('iframe.knee-check-frame');
    const widget = new EmbeddedWidget(page.frameLocator('iframe.knee-check-frame').locator('knee-check'));
    await expect(widget.startButton).toBeVisible();
    expect(await drawnBy(embedFrame(page))).toBe('build');
    const contentHeight = () => embedFrame(page).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const frameHeight = () => iframe.evaluate((element) => element.clientHeight);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight())), 'the frame fits the drawn intro').toBeLessThanOrEqual(1);
    const before = { height: await frameHeight(), picture: await iframe.screenshot() };

    held.release();
    await expect.poll(() => drawnBy(embedFrame(page))).toBe('wasm');
    expect(await frameHeight(), 'the frame kept its height').toBe(before.height);
    expect((await iframe.screenshot()).equals(before.picture), 'the frame looks exactly the same').toBe(true);
    await widget.start();
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
  });

  // The snippet's frame has loading="lazy": the browser loads it ahead of the reader's
  // scrolling, at a distance of its choosing (Chromium here: not from 4,000 px away;
  // Firefox: already from there). Once the frame has loaded, its wasm must come at once,
  // not wait until the frame is on screen.
  test('a lazy frame below the screen fetches the wasm as soon as it loads, before it is seen', async ({ page }) => {
    const wasmRequests = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasmRequests.push(request.url()));
    await page.goto('/test-hosts/iframe-below.html', { waitUntil: 'networkidle' });
    const frame = page.locator('iframe.knee-check-frame');
    const frameTop = await frame.evaluate((element) => element.getBoundingClientRect().top + scrollY);
    await page.evaluate((top) => scrollTo(0, top - innerHeight - 200), frameTop);
    await expect.poll(() => wasmRequests.length).toBe(1);
    await expect.poll(() => embedFrame(page) && drawnBy(embedFrame(page))).toBe('wasm');
    expect(await frame.evaluate((element) => element.getBoundingClientRect().top > innerHeight), 'the frame is not on screen yet').toBe(true);

    await frame.scrollIntoViewIfNeeded();
    const widget = new EmbeddedWidget(page.frameLocator('iframe.knee-check-frame').locator('knee-check'));
    await widget.start();
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
  });
});

test.describe('what the drawn intro can and cannot be', () => {
  test('two widgets on a page: each drawn intro in its own language, no id used twice', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/two.html');
    await expect(new EmbeddedWidget(page.locator('#first')).startButton).toBeVisible();
    await expect(new EmbeddedWidget(page.locator('#second'), 'es').startButton).toBeVisible();
    const ids = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('knee-check')].flatMap((host) => [...host.shadowRoot.querySelectorAll('[id]')].map((el) => el.id)),
      );
    const drawn = await ids();
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    expect(new Set(drawn).size, `ids ${drawn.join(', ')}`).toBe(drawn.length);
    held.release();
    await expect.poll(() => drawnBy(page, '#second')).toBe('wasm');
    const live = await ids();
    expect(new Set(live).size, `ids ${live.join(', ')}`).toBe(live.length);
  });

  test('under the strict CSP with Trusted Types, the intro is drawn before the wasm with no violation', async ({ page }) => {
    await page.addInitScript(() => {
      window.kcViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.kcViolations.push(event.violatedDirective), true);
    });
    const held = await holdWasm(page);
    await page.goto('/test-strict/');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.startButton).toBeVisible();
    expect(await drawnBy(page)).toBe('build');
    held.release();
    await expect.poll(() => drawnBy(page)).toBe('wasm');
    await widget.start();
    await expect(widget.progress).toBeVisible();
    expect(await page.evaluate(() => window.kcViolations)).toEqual([]);
  });

  test('with a custom questionnaire the space is kept, hidden, until the wasm draws its own intro', async ({ page }) => {
    const held = await holdWasm(page);
    await page.goto('/test-hosts/custom-questionnaire.html');
    const host = page.locator('knee-check');
    await expect.poll(async () => (await host.boundingBox())?.height ?? 0, 'the widget keeps an intro’s height').toBeGreaterThan(200);
    // Nothing of the default questionnaire is shown or read out.
    await expect(host.getByRole('button')).toHaveCount(0);
    await expect(host.getByRole('heading')).toHaveCount(0);
    held.release();
    await expect(new EmbeddedWidget(host).startButton).toBeVisible();
    await expect(host.getByRole('button', { name: 'Start the check' })).toHaveCount(1);
  });
});

test.describe('the wasm is fetched only when the reader comes near', () => {
  test('a page never scrolled to the widget fetches no wasm; scrolling there starts it', async ({ page }) => {
    const wasmRequests = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasmRequests.push(request.url()));
    await page.goto('/test-hosts/below.html', { waitUntil: 'networkidle' });
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.startButton).toBeAttached();
    // Some time for a fetch that should not come: the network stays idle.
    await page.waitForLoadState('networkidle');
    expect(wasmRequests).toEqual([]);

    await page.locator('knee-check').scrollIntoViewIfNeeded();
    await expect.poll(() => wasmRequests.length).toBe(1);
    await widget.start();
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
  });

  test('loading="eager" fetches it at once, however far below the widget is', async ({ page }) => {
    const wasmRequests = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasmRequests.push(request.url()));
    await page.goto('/test-hosts/below-eager.html');
    await expect.poll(() => wasmRequests.length).toBe(1);
  });

  test('mount() takes loading: "eager" too, and never hands it to the widget as an option', async ({ page, consoleMessages }) => {
    const wasmRequests = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasmRequests.push(request.url()));
    await page.goto('/test-hosts/empty.html');
    await page.evaluate(async () => {
      const { mount } = (await import('/test-hosts/loader.js')).widget;
      const far = document.createElement('div');
      far.style.marginTop = '5000px';
      document.body.append(far);
      mount(far, { loading: 'eager', clinicName: 'Far Clinic' });
    });
    await expect.poll(() => wasmRequests.length).toBe(1);
    await page.locator('body > div').last().scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => {
      const root = document.querySelector('body > div:last-child');
      return root.shadowRoot?.querySelector('.kc-lang')?.getAttribute('aria-labelledby') ?? '';
    })).toMatch(/^kc\d+-/);
    expect(consoleMessages.filter(({ text }) => text.startsWith('[knee-check]'))).toEqual([]);
  });
});
