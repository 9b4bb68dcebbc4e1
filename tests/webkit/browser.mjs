// Starts what the WebKit runner needs and stops it again: a virtual X display (Xvfb),
// Debian's WebKitWebDriver, and MiniBrowser (WebKitGTK, Safari's engine) driven through
// it with selenium-webdriver over WebDriver classic. Playwright cannot drive Debian's
// WebKit; this can. Everything listens on 127.0.0.1 only, on ports the system picks.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';

/** Debian's MiniBrowser (package libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver). */
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Debian's WebDriver server for WebKitGTK (package webkit2gtk-driver). */
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `probe()` resolves truthy, or fails after `ms` with `what`. */
export async function until(probe, what, ms = 20_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

/** Starts Xvfb on a display it picks itself (-displayfd); resolves to { display, stop }. */
export function startXvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code} before it was ready: ${err.trim()}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        resolve({ display: `:${out.trim()}`, stop: () => stopChild(child) });
      }
    });
  });
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts Xvfb and WebKitWebDriver and opens one MiniBrowser session.
 * Resolves to { driver, version, stop }.
 */
export async function startWebKit() {
  for (const file of [XVFB, WEBKIT_DRIVER, MINIBROWSER]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/setup.sh (it installs xvfb and webkit2gtk-driver)`);
  }
  const xvfb = await startXvfb();
  const port = await freePort();
  const env = { ...process.env, DISPLAY: xvfb.display };
  // No accessibility bus or GPU on a headless machine: keep GTK quiet about them.
  env.NO_AT_BRIDGE = '1';
  env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=local'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let driverLog = '';
  driverProcess.stdout.on('data', (chunk) => (driverLog += chunk));
  driverProcess.stderr.on('data', (chunk) => (driverLog += chunk));
  const server = `http://127.0.0.1:${port}`;
  const stopAll = async () => {
    await stopChild(driverProcess);
    await xvfb.stop();
  };
  try {
    await until(async () => (await fetch(`${server}/status`)).ok, `WebKitWebDriver on ${server}`);
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    const caps = await driver.getCapabilities();
    const version = caps.get('browserVersion');
    return {
      driver,
      version,
      driverLog: () => driverLog,
      stop: async () => {
        await driver.quit().catch(() => {});
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw new Error(`${error.message}\nWebKitWebDriver said:\n${driverLog}`);
  }
}

/** The response headers the Playwright suite's server sends (tests/e2e/headers.json). */
export function e2eHeaders() {
  return JSON.parse(readFileSync(new URL('../e2e/headers.json', import.meta.url), 'utf8'));
}
