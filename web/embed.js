// The iframe mode's own script: reads options from the URL fragment, mounts the
// widget, and reports the document's height to the parent page with postMessage.
// Messages carry a height, word that the widget runs, or a failure; never an answer:
//   { type: 'knee-check:height', height }   the frame's content height, on each change
//   { type: 'knee-check:running' }          with `height=fixed`, in place of the height
//   { type: 'knee-check:error' }            the widget could not start (or stopped)
// frame-host.js turns the last into a `knee-check:error` event on the iframe.
//
// Each screen has its own height, and so has each outcome: a page script that watches
// the frame's height could tell which result the reader got. With `height=fixed` in the
// fragment the frame sends no height at all; the host gives the frame a height and the
// widget scrolls inside it (README, "Iframe mode"). It says only that it is running, at
// start and when frame-host.js says hello, so that its silence is not taken for a
// failure; the moment says nothing of the reader's answers.

const OPTION_NAMES = [
  'clinic-name', 'clinic-phone', 'booking-url', 'evaluation-name', 'emergency-number',
  'lang', 'theme', 'accent', 'heading-level',
];

const tell = (message) => {
  if (window.parent !== window) window.parent.postMessage(message, '*');
};

const params = new URLSearchParams(location.hash.slice(1));
const fixedHeight = params.get('height') === 'fixed';
if (params.has('height') && !fixedHeight) {
  console.warn(`[knee-check] ignored options: height: \`${params.get('height').slice(0, 40)}\` is not fit or fixed`);
}

let last = 0;
const report = () => {
  if (fixedHeight) {
    if (!failed) tell({ type: 'knee-check:running' });
    return;
  }
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    tell({ type: 'knee-check:height', height });
  }
};

if (params.get('lang')) document.documentElement.lang = params.get('lang');
const main = document.getElementById('widget');
const fallback = main.querySelector('.kc-frame-fallback');

let failed = false;

// frame-host.js says hello when it starts and when the frame has loaded, in case it
// missed the first messages: answer with the height, and the failure if there was one.
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || event.data?.type !== 'knee-check:hello') return;
  last = 0;
  report();
  if (failed) tell({ type: 'knee-check:error' });
});

const fail = () => {
  if (failed) return;
  failed = true;
  tell({ type: 'knee-check:error' });
};

// The loader is the module before this one, so it has run by now, or it never will:
// refused by a policy, not found, or its integrity check failed. The frame then keeps
// its own notice (embed.html), shown at once, and tells the host.
if (!customElements.get('knee-check')) {
  fallback?.classList.add('kc-frame-failed');
  fail();
} else {
  const element = document.createElement('knee-check');
  // The frame is the unit a page loads lazily (the snippet's `loading="lazy"` lets the
  // browser load it ahead of the reader's scrolling), so inside it the wasm comes at
  // once. Left lazy, it would wait until the frame is on screen: a cross-origin frame
  // cannot see ahead of the screen (its IntersectionObserver margin does not apply).
  element.setAttribute('loading', 'eager');
  for (const name of OPTION_NAMES) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  // The loader fires this when the widget shows its failure notice instead of the check.
  element.addEventListener('knee-check:error', fail);
  main.replaceChildren(element);
}

if (!fixedHeight) new ResizeObserver(report).observe(document.documentElement);
report();
