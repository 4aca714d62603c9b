// Browser engine bench: the Pinterest toggle against its fixture site, cold (first launch, Chromium
// unpacked into a fresh temp dir) and warm (second run on the same browser), with peak memory of
// this process plus the Chromium processes. Run: npx tsx test/bench/browser-bench.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { runPlaybook } from '../../functions/browser/engine.ts';
import { closeGuardedPage, launchBrowser, openGuardedPage } from '../../functions/browser/launch.ts';
import { getProvider } from '../../functions/core/providers/catalog.ts';
import { startFixtureSites } from '../support/fixture-sites.ts';

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** The pid and all its descendants, from /proc/<pid>/stat parent links. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone already
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

export async function benchBrowser(): Promise<{ coldStartMs: number; coldRunMs: number; warmRunMs: number; peakRssMb: number }> {
  const previous = { tmp: process.env.TMPDIR, flag: process.env.OPTOUT_ALLOW_ORIGIN_OVERRIDE };
  // A fresh TMPDIR makes @sparticuz/chromium unpack again, without touching the shared /tmp/chromium.
  const unpackDir = mkdtempSync(join(tmpdir(), 'optout-bench-'));
  process.env.TMPDIR = unpackDir;
  process.env.OPTOUT_ALLOW_ORIGIN_OVERRIDE = '1';
  const sites = await startFixtureSites();
  const provider = getProvider('pinterest');
  const playbook = provider.playbooks['genai-training']!;
  let browser: Browser | undefined;
  let peakKb = 0;
  const sample = () => {
    const chromium = browser?.process()?.pid;
    const kb = Math.round(process.memoryUsage().rss / 1024) + (chromium ? processTree(chromium).reduce((sum, pid) => sum + rssKb(pid), 0) : 0);
    peakKb = Math.max(peakKb, kb);
  };
  const sampler = setInterval(sample, 20);

  const runOnce = async (b: Browser) => {
    sites.setMode('pinterest', 'normal');
    const page = await openGuardedPage(b, { allowedOrigins: provider.origins, originOverride: sites.origins });
    try {
      const result = await runPlaybook(page, playbook, { values: {}, cookies: [sites.newSession('pinterest')] });
      if (result.outcome !== 'done') throw new Error(`bench run ended ${result.outcome}: ${result.reason}`);
    } finally {
      await closeGuardedPage(page);
    }
  };

  try {
    const t0 = performance.now();
    browser = await launchBrowser();
    const coldStartMs = performance.now() - t0;
    await runOnce(browser);
    const coldRunMs = performance.now() - t0;
    const t1 = performance.now();
    await runOnce(browser);
    const warmRunMs = performance.now() - t1;
    sample();
    return { coldStartMs: Math.round(coldStartMs), coldRunMs: Math.round(coldRunMs), warmRunMs: Math.round(warmRunMs), peakRssMb: Math.round(peakKb / 1024) };
  } finally {
    clearInterval(sampler);
    await browser?.close();
    await sites.close();
    if (previous.tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous.tmp;
    if (previous.flag === undefined) delete process.env.OPTOUT_ALLOW_ORIGIN_OVERRIDE;
    else process.env.OPTOUT_ALLOW_ORIGIN_OVERRIDE = previous.flag;
    rmSync(unpackDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchBrowser();
  console.log(JSON.stringify(figures, null, 2));
  console.log("(run times include the fixture pages' own render delay of 0.7 s per page load, two loads per run)");
}
