// The extension's build (extension/build.ts): what the manifest lets the extension touch. It may read
// cookies only of the pages the catalog's browser playbooks open (and their parent domains, where login
// cookies live), and talk only to the status origins it was built for. No browser needed here;
// extension.test.ts runs the build in Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExtension, EXTENSION_SOURCE, ExtensionBuildError, parseStatusOrigin } from '../../extension/build.ts';
import { LANGUAGES } from '../../functions/core/model.ts';
import { getCatalog } from '../../functions/core/providers/catalog.ts';

const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'optout-extension-build-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Hosts of the match patterns, e.g. https://www.linkedin.com/* -> www.linkedin.com. */
function hostsOf(patterns: string[]): string[] {
  return patterns.map((p) => /^https?:\/\/([^/]+)\/\*$/.exec(p)?.[1] ?? `not a plain host pattern: ${p}`);
}

describe('the extension build', () => {
  const built = buildExtension({ outDir: outDir() });

  it('asks for the cookies permission only, and host permissions no wider than the playbook pages and the status origins', () => {
    expect(built.manifest.permissions).toEqual(['cookies']);
    expect(built.manifest).not.toHaveProperty('optional_permissions');
    expect(built.manifest).not.toHaveProperty('optional_host_permissions');
    const hosts = hostsOf(built.manifest.host_permissions);
    for (const host of hosts) expect(host).toMatch(/^[a-z0-9.-]+$/); // no wildcard, no <all_urls>
    const playbookHosts = built.providers.flatMap((p) => p.origins.map((o) => new URL(o).hostname));
    for (const host of hosts.filter((h) => h !== '127.0.0.1' && h !== 'localhost')) {
      // Each host is a playbook page's host or one of its parent domains (where its login cookie may live).
      expect(
        playbookHosts.some((h) => h === host || h.endsWith(`.${host}`)),
        host,
      ).toBe(true);
    }
    expect(built.manifest.host_permissions).toEqual(
      expect.arrayContaining(['https://www.linkedin.com/*', 'https://linkedin.com/*', 'http://127.0.0.1/*', 'http://localhost/*']),
    );
  });

  it('knows every catalog provider whose browser playbook needs a session, with origins from its own catalog entry', () => {
    const catalog = getCatalog();
    const expected = [...catalog.values()]
      .filter((p) => p.channels.some((c) => (c.type === 'settings' || c.type === 'webform') && c.playbook && p.playbooks[c.playbook]?.requiresSession))
      .map((p) => p.slug)
      .sort();
    expect(built.providers.map((p) => p.slug)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['linkedin', 'pinterest', 'x']));
    for (const provider of built.providers) {
      for (const origin of provider.origins) expect(catalog.get(provider.slug)!.origins, provider.slug).toContain(origin);
    }
    expect(built.providers.find((p) => p.slug === 'linkedin')).toMatchObject({ name: 'LinkedIn', origins: ['https://www.linkedin.com'] });
  });

  it('runs its content script on status pages only, and reads cookies only in the service worker', () => {
    expect(built.manifest.content_scripts).toEqual([
      { matches: ['http://127.0.0.1/status/*', 'http://localhost/status/*'], js: ['content.js'], css: ['content.css'], run_at: 'document_idle' },
    ]);
    // The content script touches no cookie and no password field; only the service worker reads cookies.
    expect(readFileSync(join(EXTENSION_SOURCE, 'content.js'), 'utf8')).not.toMatch(/chrome\.cookies|document\.cookie|type=["']?password|\[type=password/i);
    expect(readFileSync(join(EXTENSION_SOURCE, 'service-worker.js'), 'utf8')).toMatch(/chrome\.cookies\.getAll\(\{ url \}\)/);
  });

  it('writes a folder Chrome loads unpacked, with the catalog baked in', () => {
    expect(readdirSync(built.outDir).sort()).toEqual(['catalog.js', 'content.css', 'content.js', 'manifest.json', 'service-worker.js']);
    expect(JSON.parse(readFileSync(join(built.outDir, 'manifest.json'), 'utf8'))).toEqual(built.manifest);
    const sandbox: { self: { OPTOUT_EXTENSION?: { providers: Record<string, { name: string; origins: string[]; urls: string[] }> } } } = { self: {} };
    runInNewContext(readFileSync(join(built.outDir, 'catalog.js'), 'utf8'), sandbox);
    expect(Object.keys(sandbox.self.OPTOUT_EXTENSION!.providers)).toEqual(built.providers.map((p) => p.slug));
    expect(sandbox.self.OPTOUT_EXTENSION!.providers.linkedin!.urls).toContain('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
  });
});

describe("the extension's texts", () => {
  /** The TEXTS table of the built content script, by language. */
  function texts(): Record<string, Record<string, string>> {
    const { outDir: dir } = buildExtension({ outDir: outDir() });
    const source = readFileSync(join(dir, 'content.js'), 'utf8');
    const table = /const TEXTS = (\{[\s\S]*?\n {2}\});/.exec(source)?.[1];
    expect(table, 'the TEXTS table in content.js').toBeDefined();
    return runInNewContext(`(${table})`) as Record<string, Record<string, string>>;
  }
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("speaks the product's seven languages, each with every text and the same placeholders as English", () => {
    const table = texts();
    expect(Object.keys(table).sort()).toEqual([...LANGUAGES].sort());
    const keys = Object.keys(table.en!).sort();
    expect(keys.length).toBeGreaterThan(10);
    for (const lang of LANGUAGES) {
      expect(Object.keys(table[lang]!).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const text = table[lang]![key]!;
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(table.en![key]!));
        // Translated, not English left in place (the buttons' short words differ too).
        if (lang !== 'en') expect(text, `${lang}.${key}`).not.toBe(table.en![key]);
      }
    }
  });
});

describe('a build for a deployment', () => {
  it('serves the deployment origin given at build time, and no loopback', () => {
    const { manifest } = buildExtension({ outDir: outDir(), statusOrigins: ['https://optout.example.org'] });
    expect(manifest.content_scripts[0]!.matches).toEqual(['https://optout.example.org/status/*']);
    expect(manifest.host_permissions).toContain('https://optout.example.org/*');
    expect(manifest.host_permissions.filter((p) => p.startsWith('http://'))).toEqual([]);
  });

  it('refuses an origin that is not https (except loopback), has a path, or names many hosts', () => {
    expect(parseStatusOrigin('http://localhost:3000')).toEqual({ protocol: 'http:', hostname: 'localhost' });
    for (const bad of [
      'http://optout.example.org',
      'https://optout.example.org/status',
      'https://*.example.org',
      'optout.example.org',
      'https://u:p@optout.example.org',
    ]) {
      expect(() => parseStatusOrigin(bad), bad).toThrow(ExtensionBuildError);
    }
  });

  it('builds from the command line, as `npm run build:extension -- --status-origin <origin>`', () => {
    const dir = outDir();
    const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const build = join(import.meta.dirname, '..', '..', 'extension', 'build.ts');
    const out = execFileSync(tsx, [build, '--status-origin', 'https://optout.example.org', '--out', dir], { encoding: 'utf8' });
    expect(out).toContain('https://optout.example.org/status/*');
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).content_scripts[0].matches).toEqual(['https://optout.example.org/status/*']);
    expect(() => execFileSync(tsx, [build, '--status-origin', 'http://optout.example.org', '--out', dir], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /must use https/,
    );
  });
});
