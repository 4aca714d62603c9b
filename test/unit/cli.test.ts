// The command line as a person runs it (`npx optout ...` is bin/optout.js): what it prints, its exit
// code, and that bad input names the flag and the problem.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../../functions/core/deadlines.ts';

const BIN = fileURLToPath(new URL('../../bin/optout.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../fixtures/replies/', import.meta.url));

function optout(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npx optout', () => {
  it('deadline prints the due date as JSON', async () => {
    const run = await optout('deadline', '--law', 'us-state', '--from', '2026-11-25');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ due: dueDate('us-state', '2026-11-25') });
    expect(JSON.parse((await optout('deadline', '--law', 'gdpr', '--from', '2026-01-31')).stdout)).toEqual({ due: '2026-03-02' });
  });

  it('deadline names the bad argument and lists the laws', async () => {
    const run = await optout('deadline', '--law', 'hipaa', '--from', '2026-11-25');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^optout: Invalid law: "hipaa" is not one of gdpr, gdpr-extended, .*us-state-extended/);
    expect((await optout('deadline', '--law', 'gdpr')).stderr).toContain('missing --from');
  });

  it('letter prints a letter with its subject, citations and the person', async () => {
    const run = await optout('letter', '--provider', 'pinterest', '--basis', 'gdpr-objection', '--lang', 'de', '--name', 'Erika Mustermann', '--identifier', 'erika.pins');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Subject: .*Art\. 21 Abs\. 1 DSGVO/);
    expect(run.stdout).toContain('Pinterest Europe Ltd.');
    expect(run.stdout).toContain('Erika Mustermann');
    const colorado = await optout('letter', '--provider', 'reddit', '--basis', 'us-state-request', '--lang', 'en', '--name', 'Sam', '--identifier', 'sam');
    expect(colorado.stdout).toContain('C.R.S. § 6-1-1306(1)(a)');
    expect(colorado.stdout).toContain('Reddit, Inc.');
  });

  it('letter refuses a basis that does not fit the jurisdiction, and says which would', async () => {
    const run = await optout('letter', '--provider', 'reddit', '--basis', 'us-state-request', '--lang', 'en', '--name', 'Sam', '--identifier', 'sam', '--jurisdiction', 'US-NY');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--basis us-state-request does not fit --jurisdiction US-NY (law: none); use --basis ai-training-request there');
    const unknown = await optout('letter', '--provider', 'myspace', '--basis', 'gdpr-objection', '--lang', 'en', '--name', 'Sam', '--identifier', 'sam');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/myspace/);
  });

  it('classify prints the class and the reasons of a reply', async () => {
    const run = await optout('classify', `${CORPUS}refused-state-act-thresholds.eml`);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { class: string; reasons: string[] };
    expect(result.class).toBe('refused');
    expect(result.reasons[0]).toContain('unable to act on your request');
    expect((await optout('classify')).stderr).toContain('classify needs a file');
  });

  it('providers lists the catalog as a table', async () => {
    const run = await optout('providers');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^slug\s+name\s+channels\s+quality\s+checked$/);
    expect(lines.some((l) => /^pinterest\s+Pinterest\s+/.test(l))).toBe(true);
    expect((await optout('frobnicate')).code).toBe(2);
  });
});
