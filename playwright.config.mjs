// End-to-end tests: the built dist/ served on 127.0.0.1, driven in Debian's Chromium and
// Debian's Firefox ESR (projects `chromium` and `firefox`).
//
// `make test` builds dist/ first and runs each project as its own stage; run alone with
// `npx playwright test --project=chromium` (or `firefox`) after `make dist`.
// Never run `npx playwright install`: it downloads a browser, which fails here and is
// not needed (executablePath below).
//
// Firefox is driven over WebDriver BiDi (`channel: 'moz-firefox'`), the only way
// Playwright drives a stock Firefox. Playwright is pinned to 1.64.1: 1.65 sends a BiDi
// command Firefox ESR 153 does not know (`emulation.setMediaFeaturesOverride`).
// Tests that need Chromium's DevTools protocol are tagged `@chromium-only` in their
// title and skipped in Firefox (each says what covers the same ground there).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// A free port, chosen once in the main process; the workers it forks inherit the
// environment, so they all see the same one. KC_E2E_PORT pins it.
if (!process.env.KC_E2E_PORT) {
  process.env.KC_E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });",
  ])
    .toString()
    .trim();
}
const port = process.env.KC_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}/`;

// Host pages for the embedding tests are served beside dist/, never copied into it:
// tests/e2e/hosts/ at /test-hosts/, and pages a test writes at run time (snippets pasted
// into a blank page) from target/e2e/scratch/ at /test-scratch/.
export const SCRATCH_DIR = 'target/e2e/scratch';
mkdirSync(SCRATCH_DIR, { recursive: true });

/** The flags TOOLCHAIN.md found necessary for Chromium as root on a closed network. */
export const chromiumArgs = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Firefox ESR (package firefox-esr), installed by scripts/setup.sh. */
export const FIREFOX = '/usr/lib/firefox-esr/firefox-esr';

/** Keeps Firefox off the closed network, like chromiumArgs does for Chromium. */
export const firefoxPrefs = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'target/e2e/test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry: on two busy cores a browser test can lose a race with the machine, not
  // with the widget (one such failure in ~340 kept a whole CI run from landing). A test
  // that passes only on its retry is reported as flaky, and scripts/test.sh names it in
  // the closing summary; a real fault fails both tries.
  retries: 1,
  workers: 2,
  timeout: 30_000,
  // scripts/test.sh runs each project as a stage with its own report (KC_E2E_RESULTS).
  reporter: [['list'], ['json', { outputFile: process.env.KC_E2E_RESULTS || 'target/e2e/results.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    {
      name: 'firefox',
      // Left to Chromium: tests that need its DevTools protocol (@chromium-only), the
      // two specs that never open a page (files and HTTP only), and six of the eight axe
      // runs of the article: axe checks the same DOM in any engine, and one light and one
      // dark run (one per language) cover what the engine decides, the computed colours.
      testIgnore: ['**/audit.spec.mjs', '**/dist.spec.mjs'],
      grepInvert: [/@chromium-only/, /every screen passes axe in (en, (?!light, article)|es, (?!dark \(prefers-color-scheme\), article))/],
      // Firefox over BiDi is 3-4x slower than Chromium here; more on a busy machine.
      timeout: 300_000,
      expect: { timeout: 15_000 },
      use: {
        browserName: 'firefox',
        channel: 'moz-firefox',
        viewport: { width: 1280, height: 720 },
        launchOptions: { executablePath: FIREFOX, firefoxUserPrefs: firefoxPrefs },
      },
    },
  ],
  webServer: {
    // Headers for tests that need them (e.g. a CSP) go in tests/e2e/headers.json.
    command:
      `node scripts/serve.mjs --root dist --port ${port} --headers tests/e2e/headers.json` +
      ` --mount /test-hosts/=tests/e2e/hosts --mount /test-scratch/=${SCRATCH_DIR}` +
      // dist/ again, under the strictest CSP a host might send (security.spec.mjs).
      ' --mount /test-strict/=dist',
    url: `${baseURL}index.html`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
