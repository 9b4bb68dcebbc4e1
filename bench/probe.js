// Startup probe for the benchmark pages (bench/*.html), loaded first, as a classic
// script in <head>, on both pages alike.
//
// ready: the first animation frame at which the check's first heading is in the
// document, as performance.now() (milliseconds since navigation start). The widget's
// first screen is its intro, whose heading (h2) sits in the element's shadow root; the
// baseline page has the same intro as static HTML. Shadow roots are seen through a
// wrapper on attachShadow, and the wasm's memory through one on WebAssembly's
// instantiate functions (for its size after load).
// interactive: the first animation frame at which the heading is there, the wasm is
// instantiated and its own intro has replaced the one drawn at build time (on the
// baseline, the same as ready: static HTML has nothing to start).
// layoutShift: the sum of layout-shift entries without recent input (CLS as the page
// accrues it while loading), read when the bench asks.
(() => {
  const bench = (window.__bench = { ready: null, interactive: null, wasmAt: null, wasmMemory: null, layoutShift: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    bench.layoutShift = null;
  }
  // Called whenever ready or the wasm changes: a page without <knee-check> (the static
  // baseline) has nothing to start, so it is interactive as soon as it is ready.
  // The widget is interactive once the wasm runs and its own intro has taken the place of
  // the one the loader drew at build time (whose ids start `kcp`).
  // The widget's shadow root is closed; the probe keeps it, for the bench's click.
  const shadows = (bench.shadows = []);
  const drawnIntroLeft = () => shadows.some((root) => root.querySelector('.kc-lang[aria-labelledby^="kcp"]'));
  const settle = () => {
    if (bench.interactive !== null || bench.pendingInteractive || bench.ready === null) return;
    if ((bench.wasmAt === null || drawnIntroLeft()) && document.querySelector('knee-check')) return;
    bench.pendingInteractive = true;
    requestAnimationFrame(() => {
      bench.interactive = performance.now();
    });
  };
  const isHeading = (node) => node.nodeType === 1 && /^H[1-6]$/.test(node.tagName) && node.closest('.kc-intro');
  const found = () => {
    if (bench.ready !== null || bench.pending) return;
    bench.pending = true;
    requestAnimationFrame(() => {
      bench.ready = performance.now();
      settle();
    });
  };
  const watch = (root) => {
    const scan = () => {
      if (root.querySelector && [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')].some(isHeading)) found();
      settle();
    };
    new MutationObserver(scan).observe(root, { childList: true, subtree: true });
    scan();
  };
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    shadows.push(root);
    watch(root);
    return root;
  };
  const keep = (result) => {
    const instance = result.instance ?? result;
    // The build renames exports (scripts/dist.sh), so the memory is found by its type.
    const memory = Object.values(instance?.exports ?? {}).find((value) => value instanceof WebAssembly.Memory);
    if (memory) bench.wasmMemory = memory;
    if (bench.wasmAt === null) bench.wasmAt = performance.now();
    settle();
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
})();
