// One settings schema (ARCHITECTURE.md 5c): functions/settings/schema.ts defines every setting once;
// the runtime parses the environment with it (functions/adapters/config.ts), the CDK app its context
// (infra/cdk/settings.ts), and the README's tables are generated from it. These tests hold the three
// to one default and one set of limits, and keep process.env out of every other module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, config, hostSettings, loadConfig, loadHostSettings, localConfig, localSettings } from '../../functions/adapters/config.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime } from '../support/memory-runtime.ts';
import { defaultCell, renderTables, updateReadme } from '../../functions/settings/readme.ts';
import { ALL_SETTINGS, CONTEXT_SETTINGS, formatValue, REQUIRED, RUNTIME_SETTINGS } from '../../functions/settings/schema.ts';
import { parseSettings } from '../../infra/cdk/settings.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CDK_JSON_CONTEXT = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

/** The least an environment must hold: the required settings (what the local runtime or the stack sets). */
const REQUIRED_ENV = {
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'optout',
  OPTOUT_FROM_ADDRESS: 'optout@example.org',
  OPTOUT_INBOUND_DOMAIN: 'in.example.org',
  OPTOUT_PUBLIC_URL: 'https://optout.example.org',
};
/** The least a deployment passes (-c), on top of cdk.json. */
const REQUIRED_CONTEXT = { domain: 'example.org', fromAddress: 'optout@example.org', inboundDomain: 'in.example.org' };

const envOf = (name: string) => RUNTIME_SETTINGS.find((e) => e.meta.env === name)!;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the settings schema', () => {
  it('names each environment variable and context key once, and describes every setting with its rule and runtimes', () => {
    const envs = RUNTIME_SETTINGS.map((e) => e.meta.env);
    expect(envs.every(Boolean)).toBe(true);
    expect(new Set(envs).size).toBe(envs.length);
    const keys = CONTEXT_SETTINGS.map((e) => e.meta.context.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { key, meta } of ALL_SETTINGS) {
      expect(meta.description.length, key).toBeGreaterThan(10);
      expect(meta.rule, key).toBeTruthy();
      expect(meta.runtimes.length, key).toBeGreaterThan(0);
    }
  });

  it('has exactly the REQUIRED settings without a default, and each has a value for the local runtime', () => {
    const withoutDefault = RUNTIME_SETTINGS.filter((e) => e.required).map((e) => e.key);
    expect(withoutDefault.sort()).toEqual(Object.keys(REQUIRED).sort());
    // Filled in by the local runtime: from the schema, or (the URL, the table) by infra/local/stack.ts.
    for (const e of RUNTIME_SETTINGS.filter((s) => s.required)) {
      expect(e.meta.localDefault ?? e.meta.defaultText ?? e.meta.setBy, e.key).toBeTruthy();
    }
  });

  it('accepts its own example of every setting', () => {
    const env = Object.fromEntries(RUNTIME_SETTINGS.map((e) => [e.meta.env!, e.meta.example]));
    expect(() => loadConfig(env)).not.toThrow();
    for (const e of CONTEXT_SETTINGS) expect(e.schema.safeParse(e.meta.example).success, e.key).toBe(true);
  });
});

describe('the runtime configuration', () => {
  it('takes every default from the schema when only the required settings are set, and is frozen', () => {
    const config = loadConfig(REQUIRED_ENV);
    expect(config).toMatchObject({
      port: 3000,
      sesPort: 8005,
      smtpPort: 2525,
      host: '127.0.0.1',
      clockSpeed: 1,
      operatorName: 'Optout Autopilot',
      retentionDays: 730,
      maxAccounts: 40,
      reminderGraceDays: 14,
      finalNoticeGraceDays: 7,
      recheckDays: 30,
      browserJobsIntervalMs: 60_000,
      unverifiedHours: 72,
      addressMailsPerDay: 3,
      clientSubmissionsPerHour: 10,
      dailyVerificationMails: 1000,
      sendGraceSeconds: 120,
      allowedJurisdictions: [],
      allowOriginOverride: false,
      personal: false,
    });
    expect(config.dataDir).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.allowedJurisdictions)).toBe(true);
  });

  it('names the variable that is missing', () => {
    expect(() => loadConfig({ ...REQUIRED_ENV, TABLE_NAME: undefined })).toThrow(new ConfigError('setting TABLE_NAME is missing'));
    expect(() => loadConfig({ ...REQUIRED_ENV, OPTOUT_PUBLIC_URL: '  ' })).toThrow('setting OPTOUT_PUBLIC_URL is missing');
  });

  it('refuses a bad value with the variable, the rule and the value, and names every bad one', () => {
    const refused = (env: Record<string, string>) => () => loadConfig({ ...REQUIRED_ENV, ...env });
    expect(refused({ OPTOUT_MAX_ACCOUNTS: '50' })).toThrow('setting OPTOUT_MAX_ACCOUNTS must be a whole number from 1 to 40, got "50"');
    expect(refused({ OPTOUT_RETENTION_DAYS: '1.5' })).toThrow('setting OPTOUT_RETENTION_DAYS must be a whole number of 1 or more, got "1.5"');
    expect(refused({ OPTOUT_RECHECK_DAYS: '-1' })).toThrow('setting OPTOUT_RECHECK_DAYS must be a whole number of 0 or more, got "-1"');
    expect(refused({ OPTOUT_ADDRESS_MAILS_PER_DAY: 'three' })).toThrow('setting OPTOUT_ADDRESS_MAILS_PER_DAY must be a whole number of 1 or more, got "three"');
    expect(refused({ OPTOUT_CLOCK_SPEED: '0' })).toThrow('setting OPTOUT_CLOCK_SPEED must be a number above 0, got "0"');
    expect(refused({ PORT: '70000' })).toThrow('setting PORT must be a port number from 0 to 65535, got "70000"');
    expect(refused({ OPTOUT_PUBLIC_URL: 'optout.example.org' })).toThrow('setting OPTOUT_PUBLIC_URL must be an http(s) URL, got "optout.example.org"');
    expect(refused({ OPTOUT_FROM_ADDRESS: 'optout' })).toThrow('setting OPTOUT_FROM_ADDRESS must be an email address, got "optout"');
    expect(refused({ OPTOUT_ALLOWED_JURISDICTIONS: 'DE,Germany' })).toThrow('setting OPTOUT_ALLOWED_JURISDICTIONS has "GERMANY"');
    expect(refused({ OPTOUT_ALLOW_ORIGIN_OVERRIDE: 'yes' })).toThrow('setting OPTOUT_ALLOW_ORIGIN_OVERRIDE must be 1 or 0, got "yes"');
    expect(refused({ OPTOUT_ORIGIN_OVERRIDE: '{not json' })).toThrow('setting OPTOUT_ORIGIN_OVERRIDE is not JSON');
    expect(refused({ INBOUND_PREFIX: '/inbound' })).toThrow('setting INBOUND_PREFIX must be an S3 key prefix like inbound/, got "/inbound"');
    expect(refused({ OPTOUT_MAX_ACCOUNTS: '0', SMTP_PORT: 'x' })).toThrow(
      'setting SMTP_PORT must be a port number from 0 to 65535, got "x"; setting OPTOUT_MAX_ACCOUNTS must be a whole number from 1 to 40, got "0"',
    );
  });

  it('reads 0 re-check days as "never", treats an empty variable as unset, and normalises what it reads', () => {
    const config = loadConfig({
      ...REQUIRED_ENV,
      OPTOUT_RECHECK_DAYS: '0',
      OPTOUT_OPERATOR_NAME: '',
      OPTOUT_PUBLIC_URL: 'https://optout.example.org/',
      OPTOUT_ALLOWED_JURISDICTIONS: ' eu, us-ca ,',
      OPTOUT_INBOUND_DOMAIN: 'In.Example.ORG',
      OPTOUT_FROM_ADDRESS: 'Erika@Example.ORG',
      OPTOUT_MODE: 'personal',
      OPTOUT_ORIGIN_OVERRIDE: '{"https://www.pinterest.com":"http://127.0.0.1:4100"}',
    });
    expect(config.recheckDays).toBe(0);
    expect(config.operatorName).toBe('Optout Autopilot');
    expect(config.publicUrl).toBe('https://optout.example.org');
    expect(config.allowedJurisdictions).toEqual(['EU', 'US-CA']);
    expect(config.inboundDomain).toBe('in.example.org');
    expect(config.fromAddress).toBe('Erika@example.org');
    expect(config.personal).toBe(true);
    expect(config.originOverride).toEqual({ 'https://www.pinterest.com': 'http://127.0.0.1:4100' });
  });

  it('falls back to AWS_DEFAULT_REGION for the region', () => {
    expect(loadConfig({ ...REQUIRED_ENV, AWS_REGION: undefined, AWS_DEFAULT_REGION: 'us-east-1' }).region).toBe('us-east-1');
  });

  it("lets the command line and the browser read their settings without the functions' required ones", () => {
    vi.stubEnv('TABLE_NAME', '');
    vi.stubEnv('OPTOUT_CHROME_PATH', '/opt/chrome');
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    expect(hostSettings()).toMatchObject({ chromePath: '/opt/chrome', allowOriginOverride: true, tableName: undefined });
    expect(() => loadHostSettings({ PORT: 'x' })).toThrow('setting PORT must be a port number');
  });

  it('reads the settings of the runtime that runs, and the environment only outside one', () => {
    vi.stubEnv('OPTOUT_CLOCK_SPEED', '2');
    expect(hostSettings().clockSpeed).toBe(2);
    const runtime = memoryRuntime({ env: { OPTOUT_CLOCK_SPEED: '3' } });
    runWith(runtime, () => {
      expect(hostSettings().clockSpeed).toBe(3);
      expect(config()).toBe(runtime.settings);
    });
    expect(() => config()).toThrow('no runtime');
  });

  it("builds the local runtime's settings without writing the environment", () => {
    vi.stubEnv('OPTOUT_CLOCK_SPEED', '5');
    const before = { ...process.env };
    const settings = localConfig({ TABLE_NAME: 'optout', OPTOUT_DATA_DIR: '/tmp/stack' }, { publicUrl: 'http://127.0.0.1:4321' });
    expect(settings).toMatchObject({
      tableName: 'optout',
      dataDir: '/tmp/stack',
      clockSpeed: 5,
      publicUrl: 'http://127.0.0.1:4321',
      fromAddress: 'optout@autopilot.localhost',
    });
    expect(process.env).toEqual(before);
  });

  it("gives the local runtime's launcher the local defaults (npm start, optout setup)", () => {
    vi.stubEnv('OPTOUT_DATA_DIR', '');
    vi.stubEnv('OPTOUT_FROM_ADDRESS', '');
    expect(localSettings()).toMatchObject({ dataDir: '.optout', fromAddress: 'optout@autopilot.localhost', port: 3000 });
    vi.stubEnv('OPTOUT_DATA_DIR', '/tmp/elsewhere');
    expect(localSettings().dataDir).toBe('/tmp/elsewhere');
  });
});

describe('the CDK context', () => {
  it('parses each context value with the schema, so the synth refuses what the functions would refuse', () => {
    const deploy = (extra: Record<string, unknown>) => () => parseSettings((name) => ({ ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT, ...extra })[name]);
    for (const e of CONTEXT_SETTINGS.filter((s) => s.meta.env)) {
      const bad = e.meta.rule.startsWith('a whole number') ? '-5' : e.meta.rule.startsWith('an email') ? 'nobody' : undefined;
      if (bad === undefined) continue;
      expect(deploy({ [e.meta.context.key]: bad }), e.key).toThrow(`Context "${e.meta.context.key}" must be ${e.meta.rule}, got "${bad}"`);
      expect(() => loadConfig({ ...REQUIRED_ENV, [e.meta.env!]: bad }), e.key).toThrow(`setting ${e.meta.env} must be ${e.meta.rule}, got "${bad}"`);
    }
    // The documented "0: never re-check" is a deployment's choice too.
    expect(deploy({ recheckDays: 0 })().recheckDays).toBe(0);
  });
});

/** The README's table rows under one BEGIN marker: first cell (without backticks) -> second cell. */
function readmeDefaults(table: string): Map<string, string> {
  const from = README.indexOf(`<!-- BEGIN settings:${table} -->`);
  const to = README.indexOf(`<!-- END settings:${table} -->`);
  const rows = README.slice(from, to)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return new Map(rows.map((row) => row.split(' | ').map((c) => c.replace(/^\| /, '').trim())).map(([name, dflt]) => [name!.replace(/`/g, ''), dflt!]));
}

describe('one default per setting', () => {
  it('is the same in the local runtime, in the CDK context (with cdk.json) and in the README', () => {
    const local = loadConfig(REQUIRED_ENV) as unknown as Record<string, unknown>;
    const deployed = parseSettings((name) => ({ ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT })[name]) as unknown as Record<string, unknown>;
    const readmeRuntime = readmeDefaults('runtime');
    const readmeContext = readmeDefaults('cdk-context');
    for (const e of CONTEXT_SETTINGS) {
      const key = e.meta.context.key;
      if (e.meta.context.required) {
        // No default on AWS: the synth stops without it (infra/cdk/settings.ts), and the README says so.
        expect(readmeContext.get(key), key).toMatch(/^required/);
        continue;
      }
      expect(readmeContext.get(key), key).toBe(defaultCell(e));
      if (!e.meta.env) continue;
      expect(formatValue(deployed[e.key]), key).toBe(formatValue(local[e.key]));
      expect(formatValue(local[e.key]), key).toBe(formatValue(e.default));
      expect(readmeRuntime.get(e.meta.env), key).toBe(defaultCell(e));
    }
  });

  it('is written nowhere but the schema: cdk.json sets only what a deployment must choose', () => {
    const required = CONTEXT_SETTINGS.filter((e) => e.meta.context.required).map((e) => e.meta.context.key);
    for (const key of Object.keys(CDK_JSON_CONTEXT)) expect(required, `cdk.json restates "${key}"`).toContain(key);
  });

  it('is the one the README quotes in its prose, as "`OPTOUT_X` (default ...)"', () => {
    const quoted = [...README.matchAll(/`([A-Za-z_]+)`\s*\((\d[\d,]*)/g)].filter(([, name]) => ALL_SETTINGS.some((e) => e.meta.env === name || e.key === name));
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    for (const [text, name, number] of quoted) {
      const setting = ALL_SETTINGS.find((e) => e.meta.env === name || e.key === name)!;
      expect(number!.replace(/,/g, ''), text).toBe(formatValue(setting.default));
    }
  });

  it('re-checks every 30 days everywhere, as documented (it was 180 on AWS)', () => {
    expect(loadConfig(REQUIRED_ENV).recheckDays).toBe(30);
    expect(parseSettings((name) => ({ ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT })[name]).recheckDays).toBe(30);
    expect(readmeDefaults('runtime').get('OPTOUT_RECHECK_DAYS')).toBe('`30`');
  });
});

describe("the README's settings tables", () => {
  it('are the ones the schema renders (npm run settings:readme writes them)', () => {
    expect(updateReadme(README, CDK_JSON_CONTEXT) === README, 'README.md is out of date: run npm run settings:readme').toBe(true);
  });

  it('list every setting, and nothing the schema does not know', () => {
    const tables = renderTables(CDK_JSON_CONTEXT);
    const listed = [...readmeDefaults('runtime').keys(), ...readmeDefaults('set-by-runtime').keys()].map((name) => name.replace(/ \(or .*\)$/, ''));
    expect(listed.sort()).toEqual(RUNTIME_SETTINGS.map((e) => e.meta.env!).sort());
    expect([...readmeDefaults('cdk-context').keys()].sort()).toEqual(CONTEXT_SETTINGS.map((e) => e.meta.context.key).sort());
    expect(tables.runtime).toContain(`| \`${envOf('OPTOUT_RECHECK_DAYS').meta.env}\` | \`30\``);
  });
});

/** Source files (TypeScript and JavaScript) under `dir`, relative to the repository. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

/** Modules that may touch process.env, each with its reason. */
const ENV_READERS: Record<string, string> = {
  'functions/adapters/config.ts':
    'the config module: parses the environment with the schema (the local runtime passes its settings to the composition root instead of writing them here)',
  'infra/cdk/app.ts':
    "the CDK app's entry reads CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION, which the CDK CLI sets for it; they are not settings of the deployment",
};

describe('process.env', () => {
  it('is read only by the config module (and by the CDK entry, for what the CDK CLI passes)', () => {
    const offenders: string[] = [];
    for (const file of ['functions', 'infra', 'cli', 'bin'].flatMap((dir) => sources(join(ROOT, dir)))) {
      if (ENV_READERS[file]) continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          if (/process\s*\.\s*env\b|process\s*\[\s*['"`]env|from\s+['"](node:)?process['"]/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('is written by no module: the runtimes hand a settings object to the composition root (functions/runtime/compose.ts)', () => {
    const writers: string[] = [];
    for (const file of ['functions', 'infra', 'cli', 'bin'].flatMap((dir) => sources(join(ROOT, dir)))) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          if (/Object\.assign\(\s*process\.env|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete\s+process\.env/.test(line))
            writers.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(writers).toEqual([]);
  });

  it('has a reason for each exception, and each exception still needs it', () => {
    for (const [file, reason] of Object.entries(ENV_READERS)) {
      expect(reason.length).toBeGreaterThan(20);
      expect(readFileSync(join(ROOT, file), 'utf8'), file).toMatch(/process\.env/);
    }
  });
});
