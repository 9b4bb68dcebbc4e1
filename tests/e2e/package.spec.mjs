// Getting the widget without Rust (issue #15): the npm package served from a second
// origin as a CDN serves it, loaded by the configurator's own snippet with its SRI value;
// the same inside a sandboxed srcdoc iframe (how Wix's HTML embed runs code); a Vite app
// built against the package; the configurator's checks and preview; the demo pages'
// favicon.
//
// The package comes from `make package` and is installed offline into a fresh project by
// tests/package/package.test.mjs, which make test runs before this spec.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { expect, test } from './fixtures.mjs';
import { CLASSIC_BACK, EmbeddedWidget } from './pages/embedded-widget.mjs';

const CONSUMER = resolve('target/package-tests/consumer');
const INSTALLED = join(CONSUMER, 'node_modules', 'knee-check');
const PAGES = resolve('target/package-tests/pages');
const VERSION = readFileSync('Cargo.toml', 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
const CDN_PREFIX = 'https://cdn.jsdelivr.net/npm/';

/** Fills the configurator with a clinic's details and returns its snippets. */
async function configure(page, { own = false } = {}) {
  await page.goto('/configurator.html');
  await page.getByLabel('Clinic name').fill('Lakeside Physical Therapy');
  await page.getByLabel('Clinic phone').fill('+1 (847) 555-0100');
  await page.getByLabel('Booking link (https://…)').fill('https://example.org/lakeside/book');
  if (own) await page.getByLabel('Your own web server').check();
  await expect(page.getByLabel('For pages that allow scripts')).toHaveValue(/clinic-phone/);
  return {
    element: await page.getByLabel('For pages that allow scripts').inputValue(),
    iframe: await page.getByLabel('For pages that only allow an iframe').inputValue(),
  };
}

test.describe('the npm package on a CDN', () => {
  // Each test loads the package from a local CDN into a fresh page (some in a sandboxed
  // frame, which compiles the wasm again): slow on a busy 2-core machine.
  test.describe.configure({ timeout: 90_000 });
  let cdn;
  let site;
  test.beforeAll(async () => {
    if (!existsSync(join(INSTALLED, 'package.json'))) {
      throw new Error('no installed package: run node scripts/package.mjs && node --test tests/package/ first (make test does)');
    }
    mkdirSync(PAGES, { recursive: true });
    // The installed package under a jsDelivr-like address, on its own origin.
    cdn = await startServer({ root: PAGES, port: 0, mounts: { [`/npm/knee-check@${VERSION}/`]: INSTALLED } });
    site = await startServer({ root: PAGES, port: 0 });
  });
  test.afterAll(async () => {
    await cdn?.close();
    await site?.close();
  });

  /** The snippet with the CDN's address swapped for the local one (localhost: another origin). */
  const onLocalCdn = (snippet) => {
    const local = new URL(cdn.url);
    local.hostname = 'localhost';
    return snippet.replaceAll(CDN_PREFIX, new URL('/npm/', local).href);
  };
  // Each page gets a name of its own: two workers (or a retry beside a first try) must
  // never load a page the other wrote, which names the other's CDN server.
  const writePage = (stem, body) => {
    const name = stem.replace(/\.html$/, `-${process.pid}-${Date.now()}.html`);
    writeFileSync(join(PAGES, name), `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A plain page</title>\n<link rel="icon" href="data:,">\n</head>\n<body>\n<h1>A plain page</h1>\n${body}\n</body>\n</html>\n`);
    return new URL(name, site.url).href;
  };

  test('the configurator’s CDN snippet, pinned to this version with its SRI, works in a plain page', async ({ page }) => {
    const { element } = await configure(page);
    expect(element).toContain(`src="${CDN_PREFIX}knee-check@${VERSION}/knee-check.js"`);
    expect(element).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);

    await page.goto(writePage('cdn.html', onLocalCdn(element)));
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.complete(CLASSIC_BACK);
    await expect(widget.scope.getByText('Lakeside Physical Therapy', { exact: false }).first()).toBeVisible();
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/lakeside/book');
  });

  test.describe('with a wrong integrity value', () => {
    test.use({ expectedConsole: [/integrity/i] });
    test('the browser refuses the module: no widget', async ({ page }) => {
      const { element } = await configure(page);
      const tampered = element.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`);
      await page.goto(writePage('cdn-tampered.html', onLocalCdn(tampered)));
      await expect.poll(() => page.evaluate(() => customElements.get('knee-check') === undefined)).toBe(true);
      await expect(new EmbeddedWidget(page.locator('knee-check')).startButton).toHaveCount(0);
    });
  });

  test('in a sandboxed srcdoc iframe without allow-same-origin (Wix’s HTML embed), the snippet works', async ({ page }) => {
    const { element } = await configure(page);
    const srcdoc = onLocalCdn(element).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
    await page.goto(writePage('wix.html', `<iframe title="Embedded code" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" width="100%" height="700" srcdoc="${srcdoc}"></iframe>`));
    const widget = new EmbeddedWidget(page.frameLocator('iframe').locator('knee-check'));
    await widget.complete([0]);
    await expect(widget.alert).toBeVisible();
  });

  test('a Vite app that imports knee-check and calls mount() runs', async ({ page }) => {
    const built = join(CONSUMER, 'app', 'dist');
    const server = await startServer({ root: built, port: 0 });
    try {
      await page.goto(server.url);
      const widget = new EmbeddedWidget(page.locator('#self-check'));
      await widget.start();
      await expect(page.locator('#events')).toHaveText('started');
      await expect(widget.progress).toBeVisible();
    } finally {
      await server.close();
    }
  });
});

test.describe('the configurator checks what it is given', () => {
  test('each field is checked by the widget’s own rules, and the message sits beside it', async ({ page }) => {
    await page.goto('/configurator.html');
    const cases = [
      ['Clinic phone', 'ext. 4', 'clinic-phone', /^This will be left out: “ext\. 4” .*phone/],
      ['Booking link (https://…)', 'www.example.org/book', 'booking-url', /^This will be left out: .*“www\.example\.org\/book”.*https:\/\//],
      ['Accent colour', 'teal green', 'accent', /^This will be left out: “teal green” .*colou?r/],
      // A word the widget's rules let through, but no colour: the browser is asked.
      ['Accent colour', 'banana', 'accent', /^This will be left out: “banana” .*colou?r/],
    ];
    for (const [label, value, name, message] of cases) {
      const field = page.getByLabel(label);
      await field.fill(value);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator(`#${name}-problem`)).toHaveText(message);
      // The field's accessible description carries the message too.
      await expect(field).toHaveAccessibleDescription(message);
      await expect(page.getByLabel('For pages that allow scripts')).not.toHaveValue(new RegExp(name));
    }
    await page.getByLabel('Clinic phone').fill('+1 847 555 0100');
    await expect(page.locator('#clinic-phone-problem')).toHaveCount(0);
    await expect(page.getByLabel('Clinic phone')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('For pages that allow scripts')).toHaveValue(/clinic-phone="\+1 847 555 0100"/);
  });

  test('an accent that fails AA contrast is flagged, with the nearest colour that passes', async ({ page }) => {
    await page.goto('/configurator.html');
    await page.getByLabel('Accent colour').fill('gold');
    const warning = page.locator('#accent-contrast-text');
    await expect(warning).toHaveText(/White text on this colour has a contrast of 1\.4:1\. It needs at least 4\.5:1.*The nearest colour that passes is #[0-9a-f]{6}\./);
    const suggested = (await warning.textContent()).match(/#[0-9a-f]{6}/)[0];
    await page.getByRole('button', { name: `Use ${suggested}` }).click();
    await expect(page.getByLabel('Accent colour')).toHaveValue(suggested);
    await expect(warning).toBeHidden();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(suggested.slice(i, i + 2), 16));
    await expect(new EmbeddedWidget(page.locator('#preview')).startButton).toHaveCSS('background-color', `rgb(${r}, ${g}, ${b})`);
    // A colour that passes raises nothing.
    await page.getByLabel('Accent colour').fill('#0b5cad');
    await expect(warning).toBeHidden();
  });

  test.describe('with the shadow roots the browser makes', () => {
    // The suite's fixtures open every shadow root; an editor's browser does not. The
    // preview answers its widget's questions through that widget's root.
    test.use({ realShadowRoots: true });

    test('the preview reaches a question and a result, and a reader’s widget stays closed', async ({ page }) => {
      await configure(page);
      await page.getByRole('radio', { name: 'A question' }).check();
      const preview = page.locator('#preview');
      await expect(preview.getByText(/^Question 1 of \d+$/)).toBeVisible();
      await page.getByRole('radio', { name: 'Result: back likely' }).check();
      await expect(preview.getByRole('link', { name: /book/i })).toHaveAttribute('href', 'https://example.org/lakeside/book');
      // Only the preview's root is opened: a widget made anywhere else stays closed.
      expect(await page.evaluate(() => {
        const element = document.createElement('div');
        document.body.append(element);
        const open = element.attachShadow({ mode: 'closed' }) && element.shadowRoot !== null;
        element.remove();
        return open;
      })).toBe(false);
    });
  });

  test('the preview shows every screen, each result with the clinic’s call to action', async ({ page }) => {
    await configure(page);
    const preview = new EmbeddedWidget(page.locator('#preview'));
    const screens = page.getByRole('group', { name: 'Screen to show' }).getByRole('radio');
    await expect(screens.first()).toBeVisible();
    const names = await screens.evaluateAll((radios) => radios.map((radio) => radio.value));
    expect(names.slice(0, 2)).toEqual(['intro', 'question']);
    // The cards that stop the check: the red flags and the under-18 stop.
    const isCard = (n) => n.startsWith('red-flag-') || n === 'under-18';
    expect(names.filter(isCard).length).toBeGreaterThanOrEqual(1);
    const results = names.filter((n) => n !== 'intro' && n !== 'question' && !isCard(n));
    expect(results.length).toBeGreaterThanOrEqual(2);
    // Named in words an editor reads, not as ids.
    await expect(page.getByRole('radio', { name: 'Result: can’t tell' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Card: under 18' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Warning card: emergency' })).toBeVisible();

    await expect(preview.startButton).toBeVisible();
    await page.getByRole('radio', { name: 'A question' }).check();
    await expect(preview.progress).toHaveText(/^Question 1 of \d+$/);
    for (const name of names.slice(2)) {
      await page.locator(`#screen-${name}`).check();
      if (isCard(name)) {
        await expect(preview.alert).toBeVisible();
      } else {
        await expect(preview.bookLink).toHaveAttribute('href', 'https://example.org/lakeside/book');
        await expect(preview.scope.getByText('Lakeside Physical Therapy', { exact: false }).first()).toBeVisible();
      }
    }
    // A change of detail reaches the screen on show, which stays.
    await page.getByLabel('Clinic name').fill('Harbor Physio');
    await expect(preview.scope.getByText('Harbor Physio', { exact: false }).first()).toBeVisible();
  });

  test('a snippet is copied in one click', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { element } = await configure(page);
    await page.getByRole('button', { name: 'Copy element snippet' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the element snippet.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(element);
  });

  test('the iframe snippet sizes itself: full width, no border, a first height', async ({ page }) => {
    const { iframe } = await configure(page, { own: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // Pasted alone, without frame-host.js and without any CSS of the page.
    await page.setContent(`<!doctype html><html lang="en"><head><title>Bare</title></head><body>${iframe.replace(/<script[^>]*><\/script>/, '')}</body></html>`);
    const frame = page.locator('iframe');
    const box = await frame.evaluate((el) => {
      const style = getComputedStyle(el);
      return { width: el.getBoundingClientRect().width, body: document.body.clientWidth, border: style.borderTopWidth, height: el.getBoundingClientRect().height };
    });
    expect(box.width).toBe(box.body);
    expect(box.border).toBe('0px');
    expect(box.height).toBeGreaterThanOrEqual(500);
  });
});

test('the demo, clinic, configurator and frame pages name a favicon that is there', async ({ page, request }) => {
  for (const path of ['/', '/clinic.html', '/configurator.html', '/embed.html']) {
    await page.goto(path);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await request.get(new URL(href, page.url()).href);
    expect(response.status(), `${path}: ${href}`).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
  }
});
