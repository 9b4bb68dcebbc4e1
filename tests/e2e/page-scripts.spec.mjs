// What a page script can learn of the reader's answers in the in-page mode (issue #14,
// README "What the in-page mode protects against"). These tests run against the real
// closed shadow root (`realShadowRoots`), without the fixtures' init script that forces
// shadow roots open; the canary runs with it, the limit README names.
//
// The test itself drives the widget through Chromium's DevTools protocol, which sees
// closed shadow roots (DOM.getDocument with pierce); a page script has no such power.
import { expect, test } from './fixtures.mjs';

/** A listener of the kind analytics "autocapture" adds on document: for every user
 *  event, whatever it can read of the target and the composed path. */
function autocapture() {
  window.kcCaptured = [];
  const read = (node) =>
    node && node.nodeType === 1
      ? [node.localName, node.textContent, node.value, node.getAttribute('aria-label'), node.labels?.[0]?.textContent]
      : [String(node)];
  for (const type of ['click', 'input', 'change', 'focusin', 'keydown', 'pointerdown']) {
    document.addEventListener(
      type,
      (event) => {
        const host = document.querySelector('knee-check');
        window.kcCaptured.push(
          JSON.stringify({
            type,
            target: read(event.target),
            path: event.composedPath().map(read),
            shadow: host?.shadowRoot ? host.shadowRoot.textContent : null,
          }),
        );
      },
      true,
    );
  }
}

/** Runs `fn` with the widget's shadow root as `this`, found through DevTools. */
async function inWidget(page, cdp, fn) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (node) => {
    if (node.localName === 'knee-check') return node;
    for (const child of node.children ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const host = find(root);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return { missing: true };
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn.toString(),
    returnByValue: true,
  });
  return { mode: shadow.shadowRootType, value: result.value };
}

/** Starts the check and picks "18 to 49" on its first question, the age. */
async function answerFirstQuestion(page) {
  const cdp = await page.context().newCDPSession(page);
  await expect
    .poll(async () => (await inWidget(page, cdp, function () { return !!this.querySelector('.kc-intro button.kc-primary'); })).value)
    .toBe(true);
  const { mode } = await inWidget(page, cdp, function () {
    this.querySelector('.kc-intro button.kc-primary').click();
  });
  await expect
    .poll(async () => (await inWidget(page, cdp, function () { return this.querySelectorAll('input[type=radio]').length; })).value)
    .toBe(4);
  const picked = await inWidget(page, cdp, function () {
    const radio = this.querySelectorAll('input[type=radio]')[1];
    radio.click();
    return radio.labels[0].textContent;
  });
  expect(picked.value).toContain('18 to 49');
  return mode;
}

test.describe('a page script in the in-page mode @chromium-only', () => {
  test.use({ realShadowRoots: true });

  test('cannot read an answer: a document-level listener hears the events, but never what was chosen', async ({ page }) => {
    await page.addInitScript(autocapture);
    await page.goto('/test-hosts/plain.html');
    const mode = await answerFirstQuestion(page);
    expect(mode).toBe('closed');
    const captured = await page.evaluate(() => window.kcCaptured);
    // The listener did hear the reader: the clicks reached it (retargeted to the host).
    expect(captured.some((line) => line.includes('"type":"click"'))).toBe(true);
    expect(captured.some((line) => line.includes('"type":"change"') || line.includes('"type":"input"'))).toBe(true);
    for (const line of captured) {
      expect(line).not.toContain('none of these');
      expect(line).not.toContain('"no"');
      expect(line).not.toContain('Question 1');
    }
    // Nor can it reach in afterwards: the element shows no shadow root, and its own
    // DOM holds nothing.
    expect(await page.evaluate(() => [document.querySelector('knee-check').shadowRoot, document.body.innerText.includes('none of these')])).toEqual([null, false]);
  });

  test('canary: with shadow roots forced open before the loader (the limit README names), the same listener reads it', async ({ page }) => {
    await page.addInitScript(() => {
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        return attachShadow.call(this, { ...init, mode: 'open' });
      };
    });
    await page.addInitScript(autocapture);
    await page.goto('/test-hosts/plain.html');
    expect(await answerFirstQuestion(page)).toBe('open');
    const captured = await page.evaluate(() => window.kcCaptured);
    expect(captured.some((line) => line.includes('18 to 49'))).toBe(true);
  });
});
