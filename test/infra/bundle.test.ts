// One real bundle with the deployed esbuild settings and package layout (the stack tests synth
// without bundling): a broken import, a CommonJS dependency that needs `require`, or a data file the
// layout does not copy fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, BUNDLE_SETTINGS, ENTRIES, layoutCommands, REPO_ROOT } from '../../infra/cdk/constructs/functions.ts';
import { TASKS } from '../../infra/cdk/stack.ts';

const work = mkdtempSync(join(tmpdir(), 'optout-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Bundles `entry` as the stack does and lays the package out; returns the bundle's path. */
async function packageOf(entry: string, name: string): Promise<string> {
  const out = join(work, name);
  await build({
    entryPoints: [entry],
    outfile: join(out, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: BUNDLE_SETTINGS.target,
    format: BUNDLE_SETTINGS.format,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    banner: { js: BUNDLE_SETTINGS.banner },
    minify: BUNDLE_SETTINGS.minify,
    keepNames: BUNDLE_SETTINGS.keepNames,
    sourcemap: BUNDLE_SETTINGS.sourcemap,
    sourcesContent: BUNDLE_SETTINGS.sourcesContent,
    logLevel: 'silent',
  });
  execFileSync('bash', ['-c', layoutCommands(REPO_ROOT, out).join(' && ')]);
  return join(out, BUNDLE_DIR, 'index.mjs');
}

/** Imports the bundle in a fresh Node outside the repository and prints `expression` as JSON. */
function runBundle(bundle: string, expression: string): unknown {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(JSON.stringify(${expression}));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: work,
    env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

describe('function bundle', () => {
  it('bundles the workflow-tasks entry; it loads and exports every light Task', async () => {
    const bundle = await packageOf(ENTRIES.workflowTasks, 'workflow-tasks');
    const exported = runBundle(bundle, 'Object.keys(m).sort()');
    const light = Object.entries(TASKS)
      .filter(([, task]) => task.profile.entry === ENTRIES.workflowTasks)
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual(light);
  });

  it('rejects bad input at run time with the validation message (the bundled zod works)', async () => {
    const bundle = await packageOf(ENTRIES.workflowTasks, 'workflow-tasks-run');
    const result = runBundle(bundle, "await m.PlanRequests({ submissionId: '!' }).then(() => 'resolved', (e) => e.message)");
    expect(result).toMatch(/^workflow task got bad ids: submissionId/);
  });

  it('bundles the mail-in entry with both handlers the stack binds (receipt rule, SES bounce events)', async () => {
    const bundle = await packageOf(ENTRIES.mailIn, 'mail-in');
    expect(runBundle(bundle, 'Object.keys(m).sort()')).toEqual(expect.arrayContaining(['handler', 'sesEvent']));
    const result = runBundle(bundle, "await m.sesEvent({ source: 'aws.ses' }).then(() => 'resolved', (e) => e.message)");
    expect(result).toMatch(/^not an SES sending event/);
  });

  it('finds templates, providers and authorities where the layout puts them', async () => {
    const probe = fileURLToPath(new URL('./fixtures/runtime-files-probe.ts', import.meta.url));
    const bundle = await packageOf(probe, 'probe');
    const result = runBundle(bundle, 'm.probe()') as { templatesDir: string; template: boolean; providers: number; authorities: number; companies: number };
    expect(result.templatesDir.startsWith(work)).toBe(true);
    expect(result.template).toBe(true);
    expect(result.providers).toBeGreaterThan(0);
    expect(result.authorities).toBeGreaterThan(0);
    expect(result.companies).toBeGreaterThan(2000);
  });

  it('renders the signed authorization PDF with the font the layout copies (no node_modules in a bundle)', async () => {
    const probe = fileURLToPath(new URL('./fixtures/runtime-files-probe.ts', import.meta.url));
    const bundle = await packageOf(probe, 'probe-pdf');
    expect(runBundle(bundle, 'await m.authorizationPdfSize()')).toBeGreaterThan(1000);
  });
});
