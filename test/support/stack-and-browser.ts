// The set-up of the end-to-end tests that drive the form and pages in a browser: a local stack and
// a Chromium, started together before the file's tests and closed after them.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../functions/browser/launch.ts';
import type { LocalStackOptions } from '../../infra/local/stack.ts';
import { startTestStack, type TestStack } from './local-stack.ts';

/**
 * Starts a test stack (with `options()`, read when the stack starts: after the file's own earlier
 * beforeAll hooks) and a browser before the file's tests, hands both to `ready`, and closes them after.
 */
export function useStackAndBrowser(ready: (stack: TestStack, browser: Browser) => void, options: () => Partial<LocalStackOptions> = () => ({})): void {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(options()), launchBrowser()]);
    ready(stack, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}
