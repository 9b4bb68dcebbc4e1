// Startup probe for the benchmark pages (bench/*.html), loaded first, as a classic
// script in <head>, on both pages alike.
//
// ready: the first animation frame at which the check's first heading is in the
// document, as performance.now() (milliseconds since navigation start). The widget's
// first screen is its intro, whose heading (h2) sits in the element's shadow root; the
// baseline page has the same intro as static HTML. Shadow roots are seen through a
// wrapper on attachShadow, and the wasm's memory through one on WebAssembly's
// instantiate functions (for its size after load).
(() => {
  const bench = (window.__bench = { ready: null, wasmMemory: null });
  const isHeading = (node) => node.nodeType === 1 && /^H[1-6]$/.test(node.tagName) && node.closest('.kc-intro');
  const found = () => {
    if (bench.ready !== null || bench.pending) return;
    bench.pending = true;
    requestAnimationFrame(() => {
      bench.ready = performance.now();
    });
  };
  const watch = (root) => {
    const scan = () => {
      if (root.querySelector && [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')].some(isHeading)) found();
    };
    new MutationObserver(scan).observe(root, { childList: true, subtree: true });
    scan();
  };
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  const keep = (result) => {
    const instance = result.instance ?? result;
    // The build renames exports (scripts/dist.sh), so the memory is found by its type.
    const memory = Object.values(instance?.exports ?? {}).find((value) => value instanceof WebAssembly.Memory);
    if (memory) bench.wasmMemory = memory;
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
})();
