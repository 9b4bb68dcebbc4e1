// Injected as the first script of every HTML page the WebKit runner serves (server.mjs),
// because WebDriver classic has no console log to read: it records what Playwright's
// fixtures record in the other engines. Console errors and warnings, uncaught errors and
// rejections, and CSP violations (WebKit reports a refused script or stylesheet only as
// a console message, which no script can read, and as this event) land in
// window.__kcProbe for the runner to read, with the `knee-check:error` events the page heard.
//
// It also forces every shadow root open, as tests/e2e/open-shadow.mjs does for the
// Playwright suite: the widget's root is closed (README, "What the in-page mode protects
// against"), and this is the remaining limit named there, a script that runs before the
// loader. The runner's helpers (widget.mjs) read the widget through `shadowRoot`.
(() => {
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attachShadow.call(this, { ...init, mode: 'open' });
  };
  const probe = { console: [], errors: [], violations: [], events: [] };
  Object.defineProperty(window, '__kcProbe', { value: probe });
  for (const type of ['error', 'warn']) {
    const original = console[type];
    console[type] = function (...args) {
      probe.console.push({ type: type === 'warn' ? 'warning' : 'error', text: args.map(String).join(' ') });
      return original.apply(this, args);
    };
  }
  window.addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) probe.errors.push(`uncaught: ${event.message}`);
  });
  window.addEventListener('unhandledrejection', (event) => probe.errors.push(`unhandled rejection: ${event.reason}`));
  // What the widget tells its host page (frame-host.js fires this on an iframe).
  document.addEventListener('knee-check:error', (event) => probe.events.push(`knee-check:error on ${event.target.localName}`));
  document.addEventListener(
    'securitypolicyviolation',
    (event) => probe.violations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`),
    true,
  );
})();
