// Builds the companion browser extension (Manifest V3, plain JavaScript in extension/src/) into a folder
// Chrome or Chromium loads unpacked. What the build decides, from the catalog and the deployment:
// - which providers it can hand a session over for: every catalog provider with a browser playbook
//   (a settings or web-form channel the engine runs, which needs the person's session), and for each
//   the pages that playbook opens (its deep link and `goto` steps);
// - host_permissions: those pages' origins, plus each host's parent domains (a login cookie usually
//   lives on `.linkedin.com`, and Chrome's cookies API only returns a cookie whose own domain the
//   extension may access), plus the deployment's status origins, where the service worker posts;
// - where the content script runs: `<status origin>/status/*`, by default this machine's local runtime
//   (http://127.0.0.1 and http://localhost, any port), or the deployment origins given with
//   `--status-origin`.
// No `<all_urls>`, no tabs, scripting or webRequest permission: the manifest test holds it to that.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCatalog } from '../functions/core/providers/catalog.ts';
import type { Provider } from '../functions/core/providers/schema.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const EXTENSION_SOURCE = join(HERE, 'src');
export const DEFAULT_OUT_DIR = join(HERE, 'dist');
/** The local runtime's status pages (`npm start`, personal mode): loopback only, any port. */
export const LOCAL_STATUS_ORIGINS = ['http://127.0.0.1', 'http://localhost'];
const SOURCE_FILES = ['service-worker.js', 'content.js', 'content.css'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export class ExtensionBuildError extends Error {
  override name = 'ExtensionBuildError';
}

/** A provider the extension can hand a session over for. */
export interface ExtensionProvider {
  slug: string;
  name: string;
  /** Origins of the pages its browser playbooks open: the only cookies read for it. */
  origins: string[];
  /** The playbooks' own URLs (deep links, `goto` steps): a cookie scoped to such a path is read too. */
  urls: string[];
}

export interface StatusOrigin {
  protocol: 'https:' | 'http:';
  hostname: string;
}

/** Every catalog provider with a browser playbook that needs the person's session, by slug. */
export function extensionProviders(catalog: Map<string, Provider> = getCatalog()): ExtensionProvider[] {
  const out: ExtensionProvider[] = [];
  for (const provider of [...catalog.values()].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const urls = new Set<string>();
    for (const channel of provider.channels) {
      if ((channel.type !== 'settings' && channel.type !== 'webform') || !channel.playbook) continue;
      const playbook = provider.playbooks[channel.playbook];
      if (!playbook?.requiresSession) continue;
      urls.add(playbook.deepLink);
      for (const step of playbook.steps) if (step.action === 'goto') urls.add(step.url);
    }
    if (urls.size === 0) continue;
    const origins = [...new Set([...urls].map((u) => new URL(u).origin))].sort();
    for (const origin of origins) {
      if (!origin.startsWith('https://')) throw new ExtensionBuildError(`providers/${provider.slug}.json: playbook origin ${origin} is not https`);
    }
    out.push({ slug: provider.slug, name: provider.name, origins, urls: [...urls].sort() });
  }
  return out;
}

/**
 * A host and its parent domains down to two labels (www.linkedin.com -> linkedin.com), where its
 * login cookies may be set. Two-label public suffixes (co.uk) are not known here: a provider on one
 * would add a useless pattern such as https://co.uk/*, which the manifest test would show.
 */
function cookieDomains(hostname: string): string[] {
  const labels = hostname.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** The match patterns that let chrome.cookies read the providers' cookies, and nothing wider. */
export function cookieHostPermissions(providers: ExtensionProvider[]): string[] {
  const hosts = new Set(providers.flatMap((p) => p.origins.flatMap((o) => cookieDomains(new URL(o).hostname))));
  return [...hosts].sort().map((host) => `https://${host}/*`);
}

/**
 * Checks a deployment origin given at build time: https, or http on loopback (the local runtime).
 * The port is not part of a match pattern here: the patterns cover any port on that host.
 */
export function parseStatusOrigin(text: string): StatusOrigin {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ExtensionBuildError(`--status-origin "${text}" is not a URL (expected e.g. https://optout.example.org)`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ExtensionBuildError(`--status-origin "${text}" must be an origin only (scheme and host), without path, query or credentials`);
  }
  if (url.hostname.includes('*')) throw new ExtensionBuildError(`--status-origin "${text}" must name one host, not a wildcard`);
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ExtensionBuildError(`--status-origin "${text}" must use https (plain http only for 127.0.0.1 or localhost)`);
  }
  return { protocol: url.protocol as StatusOrigin['protocol'], hostname: url.hostname };
}

export interface BuildOptions {
  outDir?: string;
  /** Deployment origins whose /status/ pages the extension serves; default LOCAL_STATUS_ORIGINS. */
  statusOrigins?: string[];
  catalog?: Map<string, Provider>;
}

export interface BuiltExtension {
  outDir: string;
  manifest: Manifest;
  providers: ExtensionProvider[];
}

export interface Manifest {
  manifest_version: 3;
  name: string;
  version: string;
  description: string;
  minimum_chrome_version: string;
  permissions: string[];
  host_permissions: string[];
  background: { service_worker: string };
  content_scripts: { matches: string[]; js: string[]; css: string[]; run_at: string }[];
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(HERE, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export function extensionManifest(providers: ExtensionProvider[], statusOrigins: StatusOrigin[]): Manifest {
  const statusHosts = [...new Set(statusOrigins.map((o) => `${o.protocol}//${o.hostname}`))];
  return {
    manifest_version: 3,
    name: 'Optout Autopilot: session hand-over',
    version: packageVersion(),
    description:
      'On your Optout status page, hands your logged-in session for the services it names over to that page, after you confirm. Reads no password and no other site.',
    minimum_chrome_version: '120',
    permissions: ['cookies'],
    host_permissions: [...cookieHostPermissions(providers), ...statusHosts.map((h) => `${h}/*`)],
    background: { service_worker: 'service-worker.js' },
    content_scripts: [{ matches: statusHosts.map((h) => `${h}/status/*`), js: ['content.js'], css: ['content.css'], run_at: 'document_idle' }],
  };
}

/** Writes manifest.json, catalog.js and the sources into `outDir` (replacing what was there). */
export function buildExtension(options: BuildOptions = {}): BuiltExtension {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const statusOrigins = (options.statusOrigins ?? LOCAL_STATUS_ORIGINS).map(parseStatusOrigin);
  if (statusOrigins.length === 0) throw new ExtensionBuildError('at least one status origin is needed');
  const providers = extensionProviders(options.catalog);
  const manifest = extensionManifest(providers, statusOrigins);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const file of SOURCE_FILES) cpSync(join(EXTENSION_SOURCE, file), join(outDir, file));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const baked = { statusOrigins, providers: Object.fromEntries(providers.map(({ slug, ...p }) => [slug, p])) };
  writeFileSync(
    join(outDir, 'catalog.js'),
    `// Generated by extension/build.ts from providers/*.json: do not edit.\nself.OPTOUT_EXTENSION = ${JSON.stringify(baked, null, 2)};\n`,
  );
  return { outDir, manifest, providers };
}

function parseArgs(argv: string[]): BuildOptions {
  const statusOrigins: string[] = [];
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (!v) throw new ExtensionBuildError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--status-origin') statusOrigins.push(...value().split(',').filter(Boolean));
    else if (flag === '--out') outDir = value();
    else throw new ExtensionBuildError(`unknown argument "${arg}" (use --status-origin <https origin> and --out <folder>)`);
  }
  return { outDir, statusOrigins: statusOrigins.length > 0 ? statusOrigins : undefined };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const built = buildExtension(parseArgs(process.argv.slice(2)));
    console.log(`Built the extension into ${built.outDir}`);
    console.log(`  status pages: ${built.manifest.content_scripts[0]!.matches.join(', ')}`);
    console.log(`  providers (${built.providers.length}): ${built.providers.map((p) => p.slug).join(', ')}`);
    console.log('Load it in chrome://extensions (Developer mode > Load unpacked > that folder).');
  } catch (error) {
    console.error(error instanceof ExtensionBuildError ? `extension build: ${error.message}` : error);
    process.exitCode = 1;
  }
}
