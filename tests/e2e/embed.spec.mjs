// Embedding (issue #5): the <knee-check> element, the mount() API, options and their
// failures, events, the iframe mode and the configurator's snippets, each in a host
// page of its own. The host pages live in tests/e2e/hosts/ (served at /test-hosts/);
// pages a test writes at run time go to target/e2e/scratch/ (served at /test-scratch/).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCRATCH_DIR } from '../../playwright.config.mjs';
import { expect, test } from './fixtures.mjs';
import { CLASSIC_BACK, EMERGENCY, EmbeddedWidget } from './pages/embedded-widget.mjs';
import { WidgetPage } from './pages/widget-page.mjs';
import { outcomeHeading } from './pages/labels.mjs';

/** The minimal questionnaire (tests/fixtures/valid/minimal.json): an adult, no red
 *  flags, an ache, stairs hurt, which ends on its knee-likely result. */
const MINIMAL_ALL_NO = [1, 1, 1, 1, 0];

test.describe('the <knee-check> element', () => {
  test('still completes a path in a page with hostile global CSS', async ({ page }) => {
    await page.goto('/test-hosts/hostile.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.complete(CLASSIC_BACK);
    await expect(widget.heading('Your answers point to the lower back')).toBeVisible();
    await expect(widget.bookLink).toBeVisible();
    // The host's `button { display: none }` and friends never reach the shadow root...
    await expect(widget.scope.getByRole('button', { name: 'Start again' })).toBeVisible();
    // ...and the widget's stylesheet never reaches the host: its own h1 keeps the host's size.
    const hostHeadingSize = await page.locator('h1').evaluate((h) => getComputedStyle(h).fontSize);
    expect(hostHeadingSize).toBe('200px');
  });

  test('two instances on one page keep separate answers', async ({ page }) => {
    await page.goto('/test-hosts/two.html');
    const first = new EmbeddedWidget(page.locator('#first'));
    const second = new EmbeddedWidget(page.locator('#second'), 'es');
    await first.start();
    await second.start();
    await first.radios.nth(0).check();
    await expect(second.radios.nth(0)).not.toBeChecked();
    await expect(second.radios.nth(1)).not.toBeChecked();
    await first.continueButton.click();
    await expect(first.alert).toBeVisible();
    await expect(second.progress).toHaveText('Pregunta 1 de 14');
    await second.answer(1);
    await expect(second.progress).toHaveText('Pregunta 2 de 14');
    await expect(first.alert).toBeVisible();
    await expect(second.alert).toHaveCount(0);
  });

  test('attribute changes update the call to action live, keeping the answers', async ({ page }) => {
    await page.goto('/test-hosts/plain.html');
    const element = page.locator('knee-check');
    const widget = new EmbeddedWidget(element);
    await widget.complete(CLASSIC_BACK);
    const cta = element.getByText(/offers an evaluation/);
    await expect(cta).toHaveText('First Clinic offers an evaluation by a physical therapist.');
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/first');

    await element.evaluate((el) => {
      el.setAttribute('clinic-name', 'Renamed Clinic');
      el.setAttribute('booking-url', 'https://example.org/renamed');
    });
    await expect(cta).toHaveText('Renamed Clinic offers an evaluation by a physical therapist.');
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/renamed');
    await expect(widget.heading('Your answers point to the lower back')).toBeVisible();

    await element.evaluate((el) => el.removeAttribute('booking-url'));
    await expect(widget.bookLink).toHaveCount(0);
    await expect(cta).toHaveText('Renamed Clinic offers an evaluation by a physical therapist.');
  });

  test('removing the element tears the widget down: no DOM, no events, no errors', async ({ page }) => {
    await page.goto('/test-hosts/plain.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.startButton).toBeVisible();
    const events = await page.evaluateHandle(() => {
      const element = document.querySelector('knee-check');
      const seen = [];
      for (const type of ['knee-check:start', 'knee-check:complete']) {
        element.addEventListener(type, () => seen.push(type));
      }
      // Keep hold of the Start button, as a careless host script might.
      window.heldButton = element.shadowRoot.querySelector('button');
      element.remove();
      return { element, seen };
    });
    // The teardown runs in a microtask after removal: wait for the shadow root to empty.
    await expect
      .poll(() => events.evaluate(({ element }) => element.shadowRoot.querySelectorAll('.kc-root, .kc-mount').length))
      .toBe(0);
    await page.evaluate(() => window.heldButton.click());
    // Let any event a live app would send go through the scheduler before checking.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    expect(await events.evaluate(({ seen }) => seen)).toEqual([]);
  });

  test('a move within the page keeps the reader where they were', async ({ page }) => {
    await page.goto('/test-hosts/plain.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.start();
    await widget.answer(1);
    await expect(widget.progress).toHaveText('Question 2 of 14');
    await page.evaluate(() => document.body.append(document.querySelector('knee-check')));
    await expect(widget.progress).toHaveText('Question 2 of 14');
  });

  // Counting listeners needs Chromium's DevTools protocol (DOMDebugger.getEventListeners);
  // the leak it guards against is in the loader and the wasm, not in the engine.
  test('mounting and removing widgets again and again adds no window or document listeners @chromium-only', async ({ page }) => {
    await page.goto('/test-hosts/empty.html');
    await page.waitForFunction(() => customElements.get('knee-check'));
    const cdp = await page.context().newCDPSession(page);
    const listenerCount = async () => {
      let total = 0;
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        total += listeners.length;
      }
      return total;
    };
    const mountAndRemove = () =>
      page.evaluate(async () => {
        const element = document.createElement('knee-check');
        element.setAttribute('clinic-name', 'Cycle Clinic');
        document.getElementById('slot').append(element);
        // Wait for the app to render, then click Start so its handlers have run once.
        await new Promise((resolve) => {
          const check = () => {
            const button = element.shadowRoot?.querySelector('button.kc-primary');
            if (button) {
              button.click();
              resolve();
            } else requestAnimationFrame(check);
          };
          check();
        });
        element.remove();
        await new Promise((resolve) => queueMicrotask(resolve));
        return element.shadowRoot.childElementCount;
      });
    // The first widget may install page-wide things once (the wasm, a panic hook).
    expect(await mountAndRemove()).toBe(0);
    const before = await listenerCount();
    for (let i = 0; i < 5; i += 1) expect(await mountAndRemove()).toBe(0);
    expect(await listenerCount()).toBe(before);
  });

  test('events reach a listener on document with the outcome id only', async ({ page }) => {
    await page.goto('/test-hosts/plain.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.startButton).toBeVisible();
    await page.evaluate(() => {
      window.seenEvents = [];
      for (const type of ['knee-check:start', 'knee-check:complete']) {
        document.addEventListener(type, (event) => {
          window.seenEvents.push({
            type: event.type,
            target: event.target.localName,
            bubbles: event.bubbles,
            composed: event.composed,
            detail: event.detail,
          });
        });
      }
    });
    await widget.complete(EMERGENCY);
    await expect(widget.alert).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.seenEvents.length)).toBe(2);
    const [start, complete] = await page.evaluate(() => window.seenEvents);
    expect(start).toEqual({ type: 'knee-check:start', target: 'knee-check', bubbles: true, composed: true, detail: null });
    expect(complete).toEqual({
      type: 'knee-check:complete',
      target: 'knee-check',
      bubbles: true,
      composed: true,
      detail: { outcome: 'red-flag-emergency' },
    });
  });

  test('registering twice is harmless: a second copy of the loader changes nothing', async ({ page }) => {
    await page.goto('/test-hosts/twice.html');
    await expect(page.locator('body')).toHaveAttribute('data-second-copy', 'separate');
    await expect(page.locator('body')).toHaveAttribute('data-registered-by', 'first');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.startButton).toHaveCount(1);
    await widget.complete(EMERGENCY);
    await expect(widget.alert).toBeVisible();
  });
});

test.describe('custom questionnaires', () => {
  test('only a page that names one fetches the questionnaire checker, once, at load', async ({ page }) => {
    const wasmFetched = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname.split('/').pop();
      if (name.endsWith('.wasm')) wasmFetched.push(name.replace(/\.[0-9a-f]{16}\./, '.'));
    });
    await page.goto('/test-hosts/plain.html');
    // The drawn intro shows before the wasm is even asked for; the first question needs it.
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.start();
    await expect(widget.progress).toHaveText(/^Question 1 of \d+$/);
    expect(wasmFetched).toEqual(['knee-check.wasm']);

    wasmFetched.length = 0;
    await page.goto('/test-hosts/custom-questionnaire.html');
    await expect(new EmbeddedWidget(page.locator('knee-check')).heading('Minimal check')).toBeVisible();
    expect(wasmFetched.sort()).toEqual(['knee-check-checker.wasm', 'knee-check.wasm']);
  });

  test('a valid questionnaire from an inline JSON script is used, and nothing is fetched', async ({ page }) => {
    await page.goto('/test-hosts/custom-questionnaire.html');
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.heading('Minimal check')).toBeVisible();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await widget.complete(MINIMAL_ALL_NO);
    await expect(widget.heading('It fits the knee')).toBeVisible();
    await expect(widget.scope.getByText('Custom Clinic offers')).toBeVisible();
    expect(requests).toEqual([]);
  });

  test.describe('with a tampered checker', () => {
    // Chromium reports the failed digest itself, then the widget logs its one line.
    test.use({ expectedConsole: [/^\[knee-check\] the questionnaire checker could not load|integrity|SRI/] });

    test('refuses it by its integrity check: the notice shows, one [knee-check] error', async ({ page, consoleMessages }) => {
      // One letter of a checker message changed: the questionnaire is valid, so without
      // the integrity check this checker would run and the check would start.
      await page.route('**/knee-check-checker.*.wasm', async (route) => {
        const response = await route.fetch();
        const bytes = await response.body();
        const at = bytes.indexOf('is not between');
        expect(at).toBeGreaterThan(0);
        const tampered = Buffer.from(bytes);
        tampered[at] = 'I'.charCodeAt(0);
        await route.fulfill({ response, body: tampered });
      });
      await page.goto('/test-hosts/custom-questionnaire.html');
      const widget = new EmbeddedWidget(page.locator('knee-check'));
      await expect(widget.failureNotice).toBeVisible();
      await expect(widget.startButton).toHaveCount(0);
      const logged = consoleMessages.filter(({ text }) => text.startsWith('[knee-check]'));
      expect(logged).toHaveLength(1);
      expect(logged[0].text).toMatch(/^\[knee-check\] the questionnaire checker could not load/);
    });
  });

  test.describe('malformed', () => {
    test.use({ expectedConsole: [/^\[knee-check\] the questionnaire in #broken-check has/] });

    test('shows the failure notice and logs one [knee-check] error', async ({ page, consoleMessages }) => {
      await page.goto('/test-hosts/broken-questionnaire.html');
      const widget = new EmbeddedWidget(page.locator('knee-check'));
      await expect(widget.failureNotice).toBeVisible();
      await expect(widget.startButton).toHaveCount(0);
      const logged = consoleMessages.filter(({ text }) => text.startsWith('[knee-check]'));
      expect(logged).toHaveLength(1);
      expect(logged[0].type).toBe('error');
      // Parsed by the browser's own JSON.parse, whose message says where it stopped.
      expect(logged[0].text).toContain('the file is not valid JSON');
    });
  });

  test.describe('nested too deep', () => {
    test.use({ expectedConsole: [/^\[knee-check\] the questionnaire in #deep-check has/] });

    test('is refused with a message, not a crash', async ({ page, consoleMessages }) => {
      await page.goto('/test-hosts/deep-questionnaire.html');
      const widget = new EmbeddedWidget(page.locator('knee-check'));
      await expect(widget.failureNotice).toBeVisible();
      const logged = consoleMessages.filter(({ text }) => text.startsWith('[knee-check]'));
      expect(logged).toHaveLength(1);
      expect(logged[0].text).toContain('nests deeper than 128 levels');
    });
  });
});

test.describe('bad options', () => {
  test.use({ expectedConsole: [/^\[knee-check\] ignored options: /] });

  test('show a polite notice, log one warning, stay text, and never stop the host page', async ({
    page,
    consoleMessages,
  }) => {
    await page.goto('/test-hosts/bad-options.html');
    await expect(page.locator('body')).toHaveAttribute('data-host-script-ran', 'yes');
    const element = page.locator('knee-check');
    const widget = new EmbeddedWidget(element);
    await expect(widget.ignoredNotice).toBeVisible();
    // The bad accent fell back to the default blue.
    await expect(widget.startButton).toHaveCSS('background-color', 'rgb(11, 92, 173)');

    // A later change of a good option does not repeat the warning.
    await element.evaluate((el) => el.setAttribute('evaluation-name', 'a knee and back check'));
    await widget.complete(MINIMAL_ALL_NO);
    await expect(widget.heading('It fits the knee')).toBeVisible();
    // The clinic's name is shown as text, markup and all; the javascript: link is gone.
    await expect(element.getByText(/offers a knee and back check/)).toHaveText(
      '<img src=x onerror=alert(1)> <b>Bold</b> & Co offers a knee and back check.',
    );
    await expect(element.locator('img, b')).toHaveCount(0);
    await expect(widget.bookLink).toHaveCount(0);

    const warnings = consoleMessages.filter(({ text }) => text.startsWith('[knee-check]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].type).toBe('warning');
    expect(warnings[0].text).toContain('booking-url');
    expect(warnings[0].text).toContain('accent');
  });

  test('a colour the browser does not know is left out, so the buttons keep their colour', async ({
    page,
    consoleMessages,
  }) => {
    // `banana` passes the widget's own rules (it cannot end a declaration), but as
    // --knee-check-accent it would leave Start white on white, with no border.
    await new WidgetPage(page).goto({ accent: 'banana' });
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.ignoredNotice).toBeVisible();
    await expect(widget.startButton).toHaveCSS('background-color', 'rgb(11, 92, 173)');
    const warnings = consoleMessages.filter(({ text }) => text.startsWith('[knee-check]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toContain('`banana` is not a colour');
  });
});

test.describe('the mount() API', () => {
  test('mounts with camelCase options, updates, and destroys', async ({ page }) => {
    await page.goto('/test-hosts/mount-api.html');
    const slot = page.locator('#slot');
    const widget = new EmbeddedWidget(slot);
    // headingLevel: 3 and questionnaire: 'minimal-check' were taken.
    await expect(widget.heading('Minimal check', 3)).toBeVisible();
    await widget.complete(MINIMAL_ALL_NO);
    await expect(slot.getByText('API Clinic offers')).toBeVisible();
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/api');

    await page.evaluate(() =>
      window.kneeCheckHandle.update({
        clinicName: 'Updated Clinic',
        bookingUrl: 'https://example.org/updated',
        headingLevel: 3,
        questionnaire: 'minimal-check',
      }),
    );
    await expect(slot.getByText('Updated Clinic offers')).toBeVisible();
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/updated');
    await expect(widget.heading('It fits the knee', 3)).toBeVisible();

    await page.evaluate(() => {
      window.kneeCheckHandle.destroy();
      window.kneeCheckHandle.destroy(); // twice is harmless
    });
    await expect(slot.getByRole('heading')).toHaveCount(0);
    expect(await slot.evaluate((el) => el.shadowRoot.childElementCount)).toBe(0);
  });

  test.describe('without an element', () => {
    test.use({ expectedConsole: [/^\[knee-check\] cannot mount in this element/] });

    test('never throws into the host page', async ({ page, consoleMessages }) => {
      await page.goto('/test-hosts/mount-api.html');
      await page.waitForFunction(() => window.kneeCheckMount);
      const result = await page.evaluate(() => {
        const handle = window.kneeCheckMount(null, { clinicName: 'Nowhere' });
        handle.update({ clinicName: 'Still nowhere' });
        handle.destroy();
        return typeof handle.update;
      });
      expect(result).toBe('function');
      const errors = consoleMessages.filter(({ type }) => type === 'error');
      expect(errors).toHaveLength(1);
    });
  });
});

test.describe('the iframe mode', () => {
  test('completes a path inside the sandboxed frame, which grows to fit', async ({ page }) => {
    await page.goto('/test-hosts/iframe.html');
    const iframe = page.locator('iframe.knee-check-frame');
    await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
    const frame = page.frameLocator('iframe.knee-check-frame');
    const widget = new EmbeddedWidget(frame.locator('knee-check'));
    await expect(widget.startButton).toBeVisible();
    // frame-host.js fits the frame to the intro (no scrolling inside the frame).
    // The frame's inner height (its border, if the host page leaves one, is outside).
    const frameHeight = () => iframe.evaluate((el) => el.clientHeight);
    const contentHeight = () =>
      page
        .frames()
        .find((f) => f.url().includes('/embed.html'))
        .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
    const introHeight = await frameHeight();

    await widget.complete(CLASSIC_BACK);
    await expect(widget.heading('Your answers point to the lower back')).toBeVisible();
    await expect(widget.scope.getByText('Frame Clinic offers')).toBeVisible();
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/frame');
    await expect.poll(frameHeight).toBeGreaterThan(introHeight + 200);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
  });
});

test.describe('the configurator', () => {
  /** Fills the configurator and returns its two snippets. */
  async function configure(page) {
    await page.goto('/configurator.html');
    const preview = new EmbeddedWidget(page.locator('#preview'), 'es');
    await page.getByLabel('Clinic name').fill('Snippet "Clinic" & <Co>');
    await page.getByLabel('Clinic phone').fill('+1 555 0123');
    await page.getByLabel('Booking link (https://…)').fill('https://example.org/snippet?a=1&b=2');
    await page.getByLabel('Accent colour').fill('#5b2a6e');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    // The files as this server hosts them (the CDN variant: tests/e2e/package.spec.mjs).
    await page.getByLabel('Your own web server').check();
    await expect(preview.startButton).toBeVisible();
    await expect(preview.startButton).toHaveCSS('background-color', 'rgb(91, 42, 110)');
    await expect(page.getByLabel('For pages that allow scripts')).toHaveValue(/clinic-name="Snippet &quot;Clinic&quot; &amp; &lt;Co&gt;"/);
    return {
      element: await page.getByLabel('For pages that allow scripts').inputValue(),
      iframe: await page.getByLabel('For pages that only allow an iframe').inputValue(),
    };
  }

  /**
   * Writes `body` into a blank page and returns its URL on another origin than the
   * widget's: http://localhost instead of http://127.0.0.1. Its CSP (headers.json) is
   * the one the README asks of a host: the widget's origin for scripts, the wasm and
   * frames, and no style-src at all.
   */
  function blankPage(name, body, baseURL) {
    const file = `${name}-${process.pid}-${Date.now()}.html`;
    writeFileSync(
      join(SCRATCH_DIR, file),
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Blank page</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`,
    );
    const url = new URL(`/test-scratch/${file}`, baseURL);
    url.hostname = 'localhost';
    return url.href;
  }

  test('the preview follows the fields, and the element snippet works in a blank page', async ({ page, baseURL }) => {
    const { element } = await configure(page);
    expect(element).toMatch(/^<script type="module" src="http:[^"]+\/knee-check\.[0-9a-f]{16}\.js"\n {2}integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>\n<knee-check/);

    await page.goto(blankPage('element-snippet', element, baseURL));
    const widget = new EmbeddedWidget(page.locator('knee-check'), 'es');
    // Styled (adopted stylesheet, accent through the CSSOM) although the page allows no style.
    await expect(widget.startButton).toHaveCSS('background-color', 'rgb(91, 42, 110)');
    await widget.complete(CLASSIC_BACK);
    await expect(widget.scope.getByText('Snippet "Clinic" & <Co>', { exact: false })).toBeVisible();
    await expect(widget.bookLink).toHaveAttribute('href', 'https://example.org/snippet?a=1&b=2');
  });

  test('the iframe snippet works in a blank page', async ({ page, baseURL, browserName }) => {
    // The widget works there in Firefox too: tried, a click() dispatched inside the frame
    // starts the check. Playwright's pointer input over WebDriver BiDi does not land in
    // a cross-origin sandboxed frame, so the test's own clicks do nothing.
    test.fixme(browserName === 'firefox', "Playwright 1.64's clicks over WebDriver BiDi do not reach a cross-origin sandboxed frame in Firefox ESR 153; Chromium and WebKit run it");
    const { iframe } = await configure(page);
    expect(iframe).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');
    expect(iframe, 'every & in the snippet is escaped').not.toMatch(/&(?!amp;)/);

    await page.goto(blankPage('iframe-snippet', iframe, baseURL));
    const frameElement = page.locator('iframe.knee-check-frame');
    await expect.poll(() => frameElement.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(200);
    const widget = new EmbeddedWidget(page.frameLocator('iframe.knee-check-frame').locator('knee-check'), 'es');
    await widget.complete(EMERGENCY);
    await expect(widget.alert).toBeVisible();
  });

  test('the fixed-height iframe snippet keeps one height and tells the page nothing but that it runs', async ({ page, baseURL, browserName }) => {
    test.fixme(browserName === 'firefox', "Playwright 1.64's clicks over WebDriver BiDi do not reach a cross-origin sandboxed frame in Firefox ESR 153; Chromium and WebKit run it");
    await page.goto('/configurator.html');
    await page.getByLabel('Your own web server').check();
    await page.getByLabel('Keep the frame at one height').check();
    const snippet = page.getByLabel('For pages that only allow an iframe');
    await expect(snippet).toHaveValue(/embed\.html#height=fixed(&amp;|")/);
    const iframe = await snippet.inputValue();
    expect(iframe).toContain('height="720"');
    expect(iframe, 'frame-host.js still reports a frame that cannot start').toContain('frame-host.js');

    await page.addInitScript(() => {
      window.kcMessages = [];
      window.kcErrors = 0;
      window.addEventListener('message', (event) => window.kcMessages.push(event.data?.type));
      document.addEventListener('knee-check:error', () => window.kcErrors++);
    });
    await page.goto(blankPage('iframe-fixed-snippet', iframe, baseURL));
    const frameElement = page.locator('iframe.knee-check-frame');
    const widget = new EmbeddedWidget(page.frameLocator('iframe.knee-check-frame').locator('knee-check'));
    await widget.complete(CLASSIC_BACK);
    await expect(widget.heading(outcomeHeading('back-likely', 'en'))).toBeVisible();
    expect(await frameElement.evaluate((el) => el.getBoundingClientRect().height)).toBe(720);
    // frame-host.js would take 3 s of silence for a failure: the frame said it runs.
    await expect.poll(() => page.evaluate(() => window.kcMessages)).toContain('knee-check:running');
    expect(await page.evaluate(() => window.kcMessages.filter((type) => type !== 'knee-check:running'))).toEqual([]);
    expect(await page.evaluate(() => window.kcErrors)).toBe(0);
  });
});
