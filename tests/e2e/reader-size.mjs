// Helpers for the reader's own text size, and for looking at the widget's layout the way
// a reader at that size would meet it.

import { test } from './fixtures.mjs';

/**
 * Sets the browser's default text size to `percent` of 16 px, as a reader does in the
 * browser's settings (Chromium's "Font size"; Android's and iOS's text scaling do the
 * same to `medium`). Unlike page zoom it keeps the viewport's width in CSS px, so
 * 390 px stays 390 px with twice the text.
 */
export async function setTextSize(page, percent) {
  // Only Chromium lets a test set the browser's own text size (its DevTools protocol);
  // Firefox skips the tests that need it, which Chromium runs.
  test.skip(page.context().browser()?.browserType().name() !== 'chromium', "the reader's text size is set through Chromium's DevTools protocol");
  const session = await page.context().newCDPSession(page);
  await session.send('Page.setFontSizes', {
    fontSizes: { standard: Math.round((16 * percent) / 100), fixed: Math.round((13 * percent) / 100) },
  });
}

/**
 * Everything on the widget's current screen that a reader at large text or on a narrow
 * screen would trip over, one readable line each:
 * - a word split across two lines ("Engl / ish");
 * - a paragraph squeezed into a column narrower than about 20 characters by the widget's
 *   own indents: a column counts when it holds fewer than 20 characters of its own text
 *   and is narrower than 75% of the widget. (At 200% text on a 390 px phone whose page
 *   keeps 1rem gutters, the widget's whole width holds only about 19 characters of the
 *   test machine's wide DejaVu Sans, so no layout could give 20 there; what the widget
 *   can and must avoid is losing more than a quarter of it to its own frame, boxes,
 *   bullets and radios. Today's layout lost up to 60% there: 9-character columns.)
 * - two buttons side by side on a screen too narrow for both, so that one wraps;
 * - anything sticking out of the widget (sideways scrolling).
 */
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const host = document.querySelector('knee-check');
    const root = host.shadowRoot.querySelector('.kc-root');
    const rootBox = root.getBoundingClientRect();
    const canvas = document.createElement('canvas').getContext('2d');
    const visible = (el) =>
      el.getClientRects().length > 0 && !el.closest('.kc-visually-hidden') && getComputedStyle(el).visibility !== 'hidden';
    const lines = (rects) => new Set([...rects].filter((r) => r.width > 0.5).map((r) => Math.round(r.top))).size;
    const label = (el) => `<${el.localName}${el.className ? ` class="${el.className}"` : ''}>`;
    const blockOf = (el) => {
      let at = el;
      while (at && at !== root && getComputedStyle(at).display.startsWith('inline')) at = at.parentElement;
      return at;
    };

    // A word wider than three quarters of the widget (the share its own frame, boxes and
    // radios may not exceed, as for columns below) would not fit whole in any layout the
    // widget could choose: breaking it is the browser's last resort, not a fault. (At
    // 200% text on a 390 px phone, DejaVu Sans's "adormecimiento" in bold is one.)
    const rootStyle = getComputedStyle(root);
    const rootContent = root.clientWidth - parseFloat(rootStyle.paddingLeft) - parseFloat(rootStyle.paddingRight);
    const tooWideForAnyLayout = (el, word) => {
      const style = getComputedStyle(el);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return canvas.measureText(word).width > 0.75 * rootContent;
    };

    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent;
      if (!text.trim() || !visible(el)) continue;
      const range = document.createRange();
      // Words split inside.
      for (const match of text.matchAll(/[\p{L}\p{N}'’]{2,}/gu)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lines(range.getClientRects()) > 1 && !tooWideForAnyLayout(el, match[0])) {
          // Where the break falls, for the message: the last character on the first line.
          const top = Math.round(range.getClientRects()[0].top);
          let cut = 1;
          while (cut < match[0].length) {
            range.setStart(node, match.index + cut);
            range.setEnd(node, match.index + cut + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0.5);
            if (rect && Math.round(rect.top) !== top) break;
            cut++;
          }
          problems.push(`word broken: "${match[0].slice(0, cut)}/${match[0].slice(cut)}" in ${label(el)}`);
        }
      }
      // Squeezed columns: a text that wraps, in a box narrower than about 20 characters.
      range.selectNodeContents(node);
      const block = blockOf(el);
      const style = getComputedStyle(block);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const sample = text.trim();
      const charWidth = canvas.measureText(sample).width / sample.length;
      const width = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const columnChars = width / charWidth;
      const squeezed = columnChars < 20 && width < 0.75 * rootBox.width;
      // Button labels are the stacking check's (below): a full-width button may wrap.
      const inButton = el.closest('button, [part~="button"]');
      if (!inButton && sample.length > 20 && lines(range.getClientRects()) > 1 && squeezed) {
        problems.push(`column of ${columnChars.toFixed(0)} characters: "${sample.slice(0, 30)}" in ${label(block)}`);
      }
    }

    // Buttons that should stack: two of them on one row while one wraps or is squeezed.
    const buttons = [...root.querySelectorAll('[part~="button"]')].filter(visible);
    for (let i = 0; i < buttons.length; i++) {
      for (let j = i + 1; j < buttons.length; j++) {
        const a = buttons[i].getBoundingClientRect();
        const b = buttons[j].getBoundingClientRect();
        const sameRow = a.top < b.bottom - 1 && b.top < a.bottom - 1;
        if (!sameRow) continue;
        const wraps = (el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return lines(range.getClientRects()) > 1;
        };
        if (wraps(buttons[i]) || wraps(buttons[j])) {
          problems.push(`buttons side by side, one wrapping: "${buttons[i].textContent}" | "${buttons[j].textContent}"`);
        }
      }
    }

    // Nothing sticks out sideways.
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.right > rootBox.right + 1 || box.left < rootBox.left - 1) {
        problems.push(`sticks out of the widget: ${label(el)} "${el.textContent.trim().slice(0, 30)}"`);
      }
    }
    if (root.scrollWidth > root.clientWidth + 1) problems.push('the widget scrolls sideways');
    return [...new Set(problems)];
  });
}
