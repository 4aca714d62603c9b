// A person's own browser for the extension test: Debian's Chromium (the packaged @sparticuz/chromium
// cannot load extensions) with the unpacked extension loaded, headless, on a fresh profile. Everything
// the extension's service worker sends over the network is recorded through the DevTools protocol, so
// a test can assert what left the browser, and where to.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type CDPSession, type Target, type WebWorker } from 'puppeteer-core';

const ENSURE_SCRIPT = fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url));

/** Flags that keep Chromium quiet on a machine without network, as launch.ts does for the packaged one. */
const QUIET_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The path of a Chromium that loads unpacked extensions: scripts/ensure-chromium.sh finds it, or
 * installs Debian's chromium when run as root with apt-get, or fails saying what to install.
 */
export function ensureExtensionChromium(): string {
  try {
    const out = execFileSync('sh', [ENSURE_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 });
    return out.trim().split('\n').pop()!;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`The extension test cannot run without a Chromium that loads extensions.\n${stderr?.trim() || message}`);
  }
}

export interface SentRequest {
  method: string;
  url: string;
  body?: string;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** Every network request (http, https, ws) the extension's service worker made, in order. */
  sent: SentRequest[];
  /** The extension's service worker, to ask what chrome.* APIs answer there. */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { executablePath: string; extensionDir: string; args?: string[] }): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'optout-extension-profile-'));
  const browser = await puppeteer.launch({
    executablePath: opts.executablePath,
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    args: [...QUIET_ARGS, ...(opts.args ?? [])],
  });
  const sent: SentRequest[] = [];
  const sessions: CDPSession[] = [];
  let extensionId = '';
  const isOurWorker = (target: Target) => target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${extensionId}/`);

  // A debugger attached to the worker also keeps Chrome from stopping it while the test runs.
  const record = async (target: Target) => {
    const worker = await target.worker();
    if (!worker) return;
    const session = worker.client;
    sessions.push(session);
    session.on('Network.requestWillBeSent', (event) => {
      // Only what leaves the browser: the worker loading its own files (chrome-extension://…/catalog.js,
      // seen when Chrome starts the worker again under load) is not something the extension sends.
      if (!/^(https?|wss?):/.test(event.request.url)) return;
      const entry: SentRequest = { method: event.request.method, url: event.request.url, body: event.request.postData };
      sent.push(entry);
      if (entry.body === undefined && event.request.hasPostData) {
        session
          .send('Network.getRequestPostData', { requestId: event.requestId })
          .then(({ postData }) => {
            entry.body = postData;
          })
          .catch(() => undefined);
      }
    });
    await session.send('Network.enable');
  };
  const recording: Promise<void>[] = [];
  browser.on('targetcreated', (target: Target) => {
    if (extensionId && isOurWorker(target)) recording.push(record(target));
  });
  try {
    extensionId = await browser.installExtension(opts.extensionDir);
    const target = await browser.waitForTarget(isOurWorker, { timeout: 10_000 });
    if (!recording.length) recording.push(record(target));
    await Promise.all(recording);
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    extensionId,
    sent,
    async worker() {
      const target = await browser.waitForTarget(isOurWorker, { timeout: 10_000 });
      const worker = await target.worker();
      if (!worker) throw new Error('the extension has no running service worker');
      return worker;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
