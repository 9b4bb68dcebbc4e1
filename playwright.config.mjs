// End-to-end tests: the built dist/ served on 127.0.0.1, driven in Debian's Chromium.
//
// `make test` builds dist/ first; run alone with `npx playwright test` after `make dist`.
// Never run `npx playwright install`: it downloads a browser, which fails here and is
// not needed (executablePath below).
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

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'target/e2e/test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'target/e2e/results.json' }]],
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
