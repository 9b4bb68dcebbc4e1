// Real host pages (issue #14): odd options objects, a second mount(), zone.js, a page
// without WebAssembly, a name another script took, right-to-left text from the host, an
// oversized questionnaire, and the iframe mode's height. Each test sets up what a busy
// or hostile host does and checks what the reader or the host's developer would notice.
import { expect, test } from './fixtures.mjs';
import { CLASSIC_BACK, EMERGENCY, EmbeddedWidget } from './pages/embedded-widget.mjs';
import { outcomeHeading } from './pages/labels.mjs';

/** The [knee-check] lines of the console. */
const ownLines = (messages) => messages.filter(({ text }) => text.startsWith('[knee-check]'));

test.describe('options objects', () => {
  test.use({ expectedConsole: [/^\[knee-check\] ignored options: /] });

  test('mount() and update() never throw, and every unusable value is warned about once, cut short', async ({
    page,
    consoleMessages,
  }) => {
    await page.goto('/test-hosts/empty.html');
    const outcome = await page.evaluate(async () => {
      const { mount } = (await import('/test-hosts/loader.js')).widget;
      const slot = document.getElementById('slot');
      const host = () => slot.appendChild(document.createElement('div'));
      const throwingGetter = {
        clinicName: 'Getter Clinic',
        get bookingUrl() {
          throw new Error('getter refused');
        },
      };
      const throwingKeys = new Proxy({}, { ownKeys: () => { throw new Error('ownKeys refused'); } });
      const { proxy: revoked, revoke } = Proxy.revocable({}, {});
      revoke();
      const odd = {
        clinicName: { name: 'object' },
        clinicPhone: ['555'],
        bookingUrl: Symbol('symbol'),
        evaluationName: 10n,
        accent: () => 'red',
        theme: 'x'.repeat(200_000),
      };
      const thrown = [];
      const attempt = (label, action) => {
        try {
          return action();
        } catch (error) {
          thrown.push(`${label}: ${error}`);
          return null;
        }
      };
      const handles = [];
      for (const [label, options] of [
        ['throwing getter', throwingGetter],
        ['throwing ownKeys', throwingKeys],
        ['revoked proxy', revoked],
        ['odd values', odd],
      ]) {
        const handle = attempt(`mount with ${label}`, () => mount(host(), options));
        handles.push(handle);
        attempt(`update with ${label}`, () => handle?.update(options));
      }
      return { thrown, handles: handles.length };
    });
    expect(outcome.thrown).toEqual([]);
    const widgets = page.locator('#slot > div');
    await expect(widgets).toHaveCount(4);
    for (let i = 0; i < 4; i += 1) {
      await expect(new EmbeddedWidget(widgets.nth(i)).ignoredNotice).toBeVisible();
    }
    // The getter widget kept its good option.
    await expect(new EmbeddedWidget(widgets.nth(0)).startButton).toBeVisible();
    // One line per widget, though each was given the same options twice.
    const lines = ownLines(consoleMessages);
    expect(lines).toHaveLength(4);
    // Each widget's wasm starts when it comes near the screen, so the lines come in the
    // order the widgets start, not the order they were mounted.
    const line = (pattern) => {
      const found = lines.filter(({ text }) => pattern.test(text));
      expect(found, `one line matches ${pattern}`).toHaveLength(1);
      return found[0].text;
    };
    line(/bookingUrl: could not be read \(getter refused\)/);
    line(/options: could not be read \(ownKeys refused\)/);
    line(/options: could not be read \((?!ownKeys refused)/);
    const odd = line(/clinicPhone:/);
    for (const name of ['clinicName', 'clinicPhone', 'bookingUrl', 'evaluationName', 'accent', 'theme']) {
      expect(odd).toContain(`${name}:`);
    }
    expect(odd).toMatch(/array|object/);
    expect(odd.length).toBeLessThan(600);
  });

  test('a second mount() on the same element replaces the first; the old handle does nothing', async ({ page }) => {
    await page.goto('/test-hosts/empty.html');
    await page.evaluate(async () => {
      const { mount } = (await import('/test-hosts/loader.js')).widget;
      const slot = document.getElementById('slot');
      window.first = mount(slot, { clinicName: 'First Clinic', lang: 'es' });
      window.second = mount(slot, { clinicName: 'Second Clinic', lang: 'en' });
    });
    const slot = page.locator('#slot');
    const widget = new EmbeddedWidget(slot);
    await expect(widget.startButton).toHaveCount(1);
    await expect(slot.getByRole('button', { name: 'Empezar' })).toHaveCount(0);
    await page.evaluate(() => {
      window.first.update({ lang: 'es' });
      window.first.destroy();
    });
    await widget.complete(CLASSIC_BACK);
    await expect(slot.getByText('Second Clinic offers')).toBeVisible();
  });
});

test.describe('framework globals', () => {
  test('with zone.js (Angular) on the page, "Copy summary" copies and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Angular loads zone.js before any other script; it replaces window.Promise.
    await page.addInitScript({ path: 'node_modules/zone.js/fesm2015/zone.js' });
    await page.goto('/test-hosts/plain.html');
    expect(await page.evaluate(() => [typeof Zone, Promise.name])).toEqual(['function', 'ZoneAwarePromise']);
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await widget.complete(CLASSIC_BACK);
    await widget.scope.getByRole('button', { name: 'Copy summary' }).click();
    await expect(widget.scope.getByRole('status').filter({ hasText: 'Summary copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Result: ${outcomeHeading('back-likely', 'en')}`);
  });
});

test.describe('the loader refuses politely', () => {
  test.describe('without WebAssembly', () => {
    test.use({ expectedConsole: [/^\[knee-check\] could not start: this browser runs no WebAssembly/] });

    test('the notice shows, one line says why, and later host errors stay the host’s', async ({ page, consoleMessages }) => {
      await page.addInitScript(() => delete window.WebAssembly);
      await page.goto('/test-hosts/plain.html');
      const widget = new EmbeddedWidget(page.locator('knee-check'));
      await expect(widget.failureNotice).toBeVisible();
      // An unrelated error of the host's own reaches window's error listeners; the
      // loader's must not raise one of its own on top (a page error fails the test).
      const heard = await page.evaluate(() => {
        let count = 0;
        window.addEventListener('error', () => (count += 1));
        window.dispatchEvent(new ErrorEvent('error', { error: new Error('host bug'), message: 'host bug' }));
        return count;
      });
      expect(heard).toBe(1);
      expect(ownLines(consoleMessages)).toHaveLength(1);
    });
  });

  test.describe('when another script took the name', () => {
    test.use({ expectedConsole: [/^\[knee-check\] another script on this page already defined <knee-check>.*mount\(\)/] });

    test('one line says so and what to do instead', async ({ page, consoleMessages }) => {
      await page.addInitScript(() => customElements.define('knee-check', class extends HTMLElement {}));
      await page.goto('/test-hosts/plain.html');
      await expect.poll(() => ownLines(consoleMessages).length).toBe(1);
    });
  });

  test.describe('when customElements.define throws', () => {
    test.use({ expectedConsole: [/^\[knee-check\] could not define <knee-check> \(host wrapper refused\).*mount\(\)/] });

    test('one line says so; nothing uncaught reaches the host', async ({ page, consoleMessages }) => {
      await page.addInitScript(() => {
        const define = customElements.define.bind(customElements);
        customElements.define = (name, ...rest) => {
          if (name === 'knee-check') throw new Error('host wrapper refused');
          return define(name, ...rest);
        };
      });
      await page.goto('/test-hosts/plain.html');
      await expect.poll(() => ownLines(consoleMessages).length).toBe(1);
    });
  });
});

test('knee-check:start fires once per start, not again after "I answered this by mistake"', async ({ page }) => {
  await page.goto('/test-hosts/plain.html');
  await page.evaluate(() => {
    window.kcStarts = 0;
    document.addEventListener('knee-check:start', () => (window.kcStarts += 1));
  });
  const widget = new EmbeddedWidget(page.locator('knee-check'));
  await widget.complete(EMERGENCY);
  await widget.scope.getByRole('button', { name: 'I answered this by mistake' }).click();
  // Back on the question the mistaken answer was given to, the second.
  await expect(widget.progress).toHaveText('Question 2 of 14');
  await widget.answer(1);
  await expect(widget.progress).toHaveText('Question 3 of 14');
  expect(await page.evaluate(() => window.kcStarts)).toBe(1);
});

for (const [lang, offers] of [
  ['en', 'offers'],
  ['es', 'ofrece'],
]) {
  test(`a direction override in clinic-name cannot reorder the widget’s own sentence (${lang})`, async ({ page }) => {
    await page.goto('/test-hosts/plain.html');
    const element = page.locator('knee-check');
    await element.evaluate((el, lang) => {
      el.setAttribute('lang', lang);
      // U+202E RIGHT-TO-LEFT OVERRIDE, never closed.
      el.setAttribute('clinic-name', '\u202eEvil Clinic');
    }, lang);
    const widget = new EmbeddedWidget(element, lang);
    await widget.complete(CLASSIC_BACK);
    const cta = element.locator('.kc-cta p').filter({ hasText: 'Evil Clinic' });
    await expect(cta).toContainText(offers);
    // Where the reader sees the clinic's name and the word after it, left to right.
    const boxes = await cta.evaluate((p, offers) => {
      const box = (word) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(word);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            const rect = range.getBoundingClientRect();
            return { left: rect.left, right: rect.right, top: rect.top };
          }
        }
        return null;
      };
      return { name: box('Evil Clinic'), word: box(offers) };
    }, offers);
    expect(boxes.word.top).toBeCloseTo(boxes.name.top, 0);
    expect(boxes.word.left).toBeGreaterThanOrEqual(boxes.name.right);
  });
}

test.describe('an oversized custom questionnaire', () => {
  test.use({ expectedConsole: [/^\[knee-check\] the questionnaire in <script id="huge"> is 300 KB long; the widget reads at most 256 KB/] });

  test('is refused at once with a clear line, and never checked', async ({ page, consoleMessages }) => {
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto('/test-hosts/empty.html');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.id = 'huge';
      script.textContent = `{"id":"huge","padding":"${'x'.repeat(300 * 1024 - 30)}"}`;
      document.body.append(script);
      const element = document.createElement('knee-check');
      element.setAttribute('questionnaire', 'huge');
      document.getElementById('slot').append(element);
    });
    const widget = new EmbeddedWidget(page.locator('knee-check'));
    await expect(widget.failureNotice).toBeVisible();
    expect(ownLines(consoleMessages)).toHaveLength(1);
    expect(requests.filter((url) => url.includes('checker'))).toEqual([]);
  });
});

test('iframe mode with height=fixed: the frame’s height tells the page nothing', async ({ page }) => {
  await page.addInitScript(() => {
    window.kcHeights = [];
    window.kcErrors = 0;
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'knee-check:height') window.kcHeights.push(event.data.height);
    });
    document.addEventListener('knee-check:error', () => window.kcErrors++);
    document.addEventListener(
      'load',
      (event) => {
        if (event.target.matches?.('iframe.knee-check-frame')) window.kcFrameLoaded = performance.now();
      },
      true,
    );
  });
  await page.goto('/test-hosts/iframe-fixed.html');
  const iframe = page.locator('iframe.knee-check-frame');
  const frameHeight = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
  const height = await frameHeight();
  const widget = new EmbeddedWidget(page.frameLocator('iframe.knee-check-frame').locator('knee-check'));
  await widget.complete(CLASSIC_BACK);
  await expect(widget.heading(outcomeHeading('back-likely', 'en'))).toBeVisible();
  // The result is taller than the frame: the reader scrolls inside it.
  await widget.scope.getByRole('button', { name: 'Start again' }).scrollIntoViewIfNeeded();
  await expect(widget.scope.getByRole('button', { name: 'Start again' })).toBeVisible();
  expect(await frameHeight()).toBe(height);
  expect(await page.evaluate(() => window.kcHeights)).toEqual([]);
  // frame-host.js takes a frame that says nothing for 3 s after loading for a failed one:
  // a working fixed frame must not be reported as failed once that time has passed.
  await page.waitForFunction(() => window.kcFrameLoaded !== undefined && performance.now() - window.kcFrameLoaded > 3500);
  expect(await page.evaluate(() => window.kcErrors), 'knee-check:error events on a working frame').toBe(0);
});
