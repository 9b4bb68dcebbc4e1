// Privacy (issues #7, #17): the promise that no answer ever leaves the device, proved in
// a real browser. Before the reader's first answer the widget has fetched everything it
// will ever need (the loader module and the wasm; the stylesheet is inlined in the
// loader; the wasm comes when the widget nears the screen); from the first answer on,
// the page makes no request of any kind while the reader goes on to a result, the check
// works offline, and nothing is stored: no web storage, IndexedDB, cookie or Cache
// Storage entry, and no answer left in the widget's DOM after "Start again".
//
// Each recorder is checked against a page that does send and store things (the "canary"
// tests), so a recorder that hears nothing cannot make these tests pass vacuously.
import { readFileSync } from 'node:fs';
import { catchDownload, expect, pressPrint, test } from './fixtures.mjs';
import { CLASSIC_BACK, EMERGENCY, EmbeddedWidget } from './pages/embedded-widget.mjs';

const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));

/**
 * Records every request the page's browser context makes, through two independent
 * channels: Playwright's context-level `request` event (pages, workers, popups; in
 * Firefox through WebDriver BiDi's network events) and, in Chromium, its own network log
 * over CDP (which also names beacons, prefetches, and WebSocket handshakes, seen as
 * `webSocketCreated`). Returns the live list. The canary below proves, in each engine,
 * that what it records hears every kind of request.
 */
async function recordRequests(page) {
  const seen = [];
  page.context().on('request', (request) => seen.push({ via: 'playwright', url: request.url(), type: request.resourceType() }));
  page.on('websocket', (socket) => seen.push({ via: 'playwright', url: socket.url(), type: 'websocket' }));
  if (page.context().browser()?.browserType().name() !== 'chromium') return seen;
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', ({ request, type }) => seen.push({ via: 'cdp', url: request.url, type }));
  cdp.on('Network.webSocketCreated', ({ url }) => seen.push({ via: 'cdp', url, type: 'WebSocket' }));
  await cdp.send('Network.enable');
  return seen;
}

/** The distinct URLs in a slice of the recording, without query strings' order issues. */
const urls = (records) => [...new Set(records.map(({ url }) => url))].sort();

/**
 * Loads the demo page without its CSP, so that any request the widget tried would be
 * made (and recorded) rather than blocked by the policy: the promise is about what the
 * widget does, not about what a strict host would stop.
 */
async function gotoDemoWithoutCsp(page) {
  await page.route(/\/(index\.html)?$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await page.goto('/');
  const widget = new EmbeddedWidget(page.locator('knee-check'));
  await expect(widget.startButton).toBeVisible();
  return widget;
}

/** Goes through a whole result screen's actions: both downloads, copy and print. */
async function useTakeAlong(page, widget) {
  for (const name of ['Download my answers (FHIR file for clinics)', 'Download a text summary']) {
    await catchDownload(page, () => widget.scope.getByRole('button', { name }).click());
  }
  await widget.scope.getByRole('button', { name: 'Copy summary' }).click();
  await expect(widget.scope.getByText(/Summary copied|Copying is blocked/)).toBeVisible();
  await pressPrint(page, widget.scope.getByRole('button', { name: 'Print or save as PDF' }));
}

/** Everything a page can keep on the device, as seen from the page and the context. */
async function storedData(page) {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map(({ name }) => name),
    documentCookie: document.cookie,
    cacheStorage: await caches.keys(),
  }));
  const cookies = (await page.context().cookies()).map(({ name }) => name);
  return { ...inPage, cookies };
}

const NOTHING_STORED = {
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  documentCookie: '',
  cacheStorage: [],
  cookies: [],
};

test.describe('no network', () => {
  test('before the first answer everything is fetched; from the first answer on, nothing is requested', async ({ page, baseURL }) => {
    const requests = await recordRequests(page);
    const widget = await gotoDemoWithoutCsp(page);
    await widget.start();
    await widget.progress.waitFor();

    // Up to the first question: the page, its own stylesheet, the loader and the wasm
    // (and the page's favicon, or the browser's probe for one, whenever the browser asks
    // for it). The widget's stylesheet is inlined.
    const fetched = urls(requests);
    const widgetAssets = [manifest.files['knee-check.js'].file, manifest.files['knee-check.wasm'].file].map(
      (file) => new URL(file, baseURL).href,
    );
    expect(fetched).toEqual(expect.arrayContaining(widgetAssets));
    const allowed = [baseURL, new URL('demo.css', baseURL).href, new URL('favicon.ico', baseURL).href, new URL('favicon.svg', baseURL).href, ...widgetAssets];
    expect(fetched.filter((url) => !allowed.includes(url))).toEqual([]);
    expect(fetched.filter((url) => url.includes('knee-check.') && url.endsWith('.css')), 'the CSS is inlined').toEqual([]);

    const beforeFirstAnswer = requests.length;
    await widget.answerAll(CLASSIC_BACK);
    await expect(widget.heading('Your answers point to the lower back')).toBeVisible();
    await useTakeAlong(page, widget);
    await widget.scope.getByRole('button', { name: 'Start again', exact: true }).click();
    await widget.complete(EMERGENCY);
    await expect(widget.alert).toBeVisible();

    // Downloads are made from Blob URLs on the device; anything else is a request.
    const later = requests.slice(beforeFirstAnswer).filter(({ url }) => !url.startsWith('blob:') && !/\/favicon\.(ico|svg)$/.test(url));
    expect(later).toEqual([]);
  });

  test('with the network gone from the first answer on, a full path still works', async ({ page, context }) => {
    const requests = await recordRequests(page);
    const widget = await gotoDemoWithoutCsp(page);
    await widget.start();
    await widget.progress.waitFor();
    const beforeFirstAnswer = requests.length;
    await context.setOffline(true);
    await widget.answerAll(CLASSIC_BACK);
    await expect(widget.heading('Your answers point to the lower back')).toBeVisible();
    await useTakeAlong(page, widget);
    // Offline, any request would fail and log an error (which fails the test too).
    expect(requests.slice(beforeFirstAnswer).filter(({ url }) => !url.startsWith('blob:') && !/\/favicon\.(ico|svg)$/.test(url))).toEqual([]);
  });

  test.describe('canary', () => {
    // The WebSocket has nobody to talk to, and the probes ask for things that are not there.
    // (One pattern: test.use() would read a two-element array as [value, options].)
    test.use({ expectedConsole: [/WebSocket connection to .* failed|Failed to load resource/] });

    test('the recorder hears fetch, XHR, beacon, WebSocket, image, font and prefetch', async ({ page, baseURL }) => {
      await page.goto('/test-hosts/empty.html');
      const requests = await recordRequests(page);
      const kinds = ['fetch', 'xhr', 'beacon', 'websocket', 'image', 'font', 'prefetch'];
      // A fresh query each run, so no cache (Firefox's image cache outlives a context)
      // answers a probe without a request.
      const fresh = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await page.evaluate(
        async ({ origin, fresh }) => {
          fetch(`/manifest.json?probe=fetch&fresh=${fresh}`);
          const xhr = new XMLHttpRequest();
          xhr.open('GET', `/manifest.json?probe=xhr&fresh=${fresh}`);
          xhr.send();
          navigator.sendBeacon(`/manifest.json?probe=beacon&fresh=${fresh}`, 'answers');
          new WebSocket(`${origin.replace('http', 'ws')}manifest.json?probe=websocket&fresh=${fresh}`);
          new Image().src = `/favicon.ico?probe=image&fresh=${fresh}`;
          new FontFace('Probe', `url(/favicon.ico?probe=font&fresh=${fresh})`).load().catch(() => {});
          const link = document.createElement('link');
          link.rel = 'prefetch';
          link.href = `/manifest.json?probe=prefetch&fresh=${fresh}`;
          document.head.append(link);
        },
        { origin: baseURL, fresh },
      );
      const heard = () => kinds.filter((kind) => requests.some(({ url }) => url.includes(`probe=${kind}&fresh=${fresh}`)));
      await expect.poll(heard).toEqual(kinds);
    });
  });
});

test.describe('no storage', () => {
  test('after a full path nothing is stored, and Start again leaves no answer behind', async ({ page }) => {
    const widget = await gotoDemoWithoutCsp(page);
    const root = page.locator('knee-check');
    await widget.start();

    // Answer the built-in check, remembering each question as the reader saw it.
    const questions = [];
    for (const [i, position] of CLASSIC_BACK.entries()) {
      await widget.progress.waitFor();
      questions.push((await root.locator('legend').first().textContent()).trim());
      const before = await widget.answer(position);
      if (i < CLASSIC_BACK.length - 1) await widget.progress.filter({ hasNotText: before }).waitFor();
    }
    await expect(widget.heading('Your answers point to the lower back')).toBeVisible();
    await useTakeAlong(page, widget);
    // The result lists the answers (the test would be empty-handed otherwise).
    const resultText = await root.evaluate((el) => el.shadowRoot.textContent);
    expect(questions.filter((q) => resultText.includes(q)).length).toBeGreaterThan(0);

    expect(await storedData(page)).toEqual(NOTHING_STORED);

    await widget.scope.getByRole('button', { name: 'Start again', exact: true }).click();
    await expect(widget.startButton).toBeVisible();
    const left = await root.evaluate((el) => ({
      text: el.shadowRoot.textContent,
      checked: el.shadowRoot.querySelectorAll('input:checked').length,
      values: [...el.shadowRoot.querySelectorAll('input, textarea')].map((input) => input.value).filter(Boolean),
    }));
    expect(questions.filter((q) => left.text.includes(q)), 'questions in the DOM after Start again').toEqual([]);
    expect(left.text).not.toContain('Your answers point to the lower back');
    await expect(widget.heading('Your answers', undefined)).toHaveCount(0);
    expect(left.checked).toBe(0);
    expect(left.values).toEqual([]);

    // And the state is gone, not just hidden: the first question comes back unanswered.
    await widget.start();
    await widget.progress.waitFor();
    await expect(widget.progress).toHaveText(`Question 1 of ${CLASSIC_BACK.length}`);
    expect(await root.evaluate((el) => el.shadowRoot.querySelectorAll('input:checked').length)).toBe(0);
    expect(await storedData(page)).toEqual(NOTHING_STORED);
  });

  test('canary: the probe sees each kind of storage', async ({ page }) => {
    await page.goto('/test-hosts/empty.html');
    await page.evaluate(async () => {
      localStorage.setItem('probe', '1');
      sessionStorage.setItem('probe', '1');
      document.cookie = 'probe=1';
      await (await caches.open('probe')).put('/probe', new Response('1'));
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('probe');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = reject;
      });
    });
    expect(await storedData(page)).toEqual({
      localStorage: ['probe'],
      sessionStorage: ['probe'],
      indexedDB: ['probe'],
      documentCookie: 'probe=1',
      cacheStorage: ['probe'],
      cookies: ['probe'],
    });
  });
});
