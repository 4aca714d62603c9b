// "All table access lives in functions/data": no other source file (functions/, infra/, cli/) imports
// the DynamoDB SDK, builds a table key or reaches for the store's generic item functions; and every
// key the data modules write is listed in functions/data/schema.ts, the list of access patterns.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMA = 'functions/data/schema.ts';

/** Outside functions/data, only these may import the DynamoDB SDK, and neither reads or writes items. */
const SDK_ALLOWED: Record<string, string> = {
  'functions/adapters/clients.ts': 'creates the one DynamoDB client the data modules use',
  'infra/local/stack.ts': "creates the local table in dynalite from schema.ts's createTableInput (CDK does it on AWS)",
};

/**
 * Files outside functions/data that still build table keys themselves, each with what it does. Remove
 * an entry when its accesses move behind named functions in functions/data.
 */
const KEYS_ALLOWED: Record<string, string> = {
  'functions/app/notify.ts': 'the status-mail claims (NOTIFY#...) through store.ts putItem',
};

const GENERIC_STORE_FUNCTIONS = ['putItem', 'getItem', 'updateItem', 'updateItemIfExists', 'deleteItem', 'queryAll', 'queryPartition'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'cdk.out' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FILES = ['functions', 'infra', 'cli']
  .flatMap((dir) => sources(join(ROOT, dir)))
  .map((file) => ({
    path: relative(ROOT, file).split('\\').join('/'),
    text: readFileSync(file, 'utf8'),
  }));
const OUTSIDE_DATA = FILES.filter((f) => !f.path.startsWith('functions/data/'));

/** `PK: \`SUB#${...}\``, `SK: '#SUB'`, `PK: 'EXEC'`: an upper-case prefix ending in #, a closing quote or a placeholder. */
const KEY_LITERAL = /\b(PK|SK|GSI1PK):\s*[`'"]([#A-Z][A-Z0-9]*#?)(?=[`'"]|\$\{|#|$)/m;

function importsDynamoSdk(text: string): boolean {
  return /from '@aws-sdk\/(client-dynamodb|lib-dynamodb)'|import\('@aws-sdk\/(client-dynamodb|lib-dynamodb)'\)/.test(text);
}

/** What a file does with table keys itself: imports `key` from schema.ts, writes a PK/SK literal, or calls a generic store function. */
function keyAccess(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'[^']*\/data\/(schema|store)\.ts'/g)) {
    const names = m[1]!.split(',').map(
      (n) =>
        n
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!,
    );
    if (m[2] === 'schema' && names.includes('key')) found.push('imports key from data/schema.ts');
    for (const name of names) if (m[2] === 'store' && GENERIC_STORE_FUNCTIONS.includes(name)) found.push(`imports ${name} from data/store.ts`);
  }
  if (KEY_LITERAL.test(text)) found.push('writes a PK/SK literal');
  return found;
}

/** The literal prefixes of the table keys a file writes: `PK: \`SUB#${id}\`` gives PK=SUB#, `SK: '#SUB'` gives SK=#SUB. */
function keyPrefixes(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(KEY_LITERAL.source, 'g'))) found.add(`${m[1]}=${m[2]}`);
  for (const m of text.matchAll(/\b\w+_PARTITION\s*=\s*'([A-Z][A-Z0-9]*)'/g)) found.add(`PK=${m[1]}`);
  for (const m of text.matchAll(/\bGSI1PK\b[^\n]*?[`'"]([A-Z][A-Z0-9]*#)/g)) found.add(`GSI1PK=${m[1]}`);
  return [...found];
}

/** The access-pattern list: the comment lines at the top of schema.ts. */
function listedPatterns(): string {
  const schema = FILES.find((f) => f.path === SCHEMA)!.text;
  return schema
    .split('\n')
    .filter((line) => line.startsWith('//'))
    .join('\n');
}

describe('table access', () => {
  it('finds SDK imports, keys and prefixes when they are there (the scanners work)', () => {
    expect(importsDynamoSdk("import { DeleteCommand } from '@aws-sdk/lib-dynamodb';")).toBe(true);
    expect(importsDynamoSdk("import { S3Client } from '@aws-sdk/client-s3';")).toBe(false);
    expect(keyAccess("import { key } from '../data/schema.ts';\nimport { type Submission, putItem } from '../data/store.ts';")).toEqual([
      'imports key from data/schema.ts',
      'imports putItem from data/store.ts',
    ]);
    expect(keyAccess("await putThing({ PK: 'X', SK: 'Y' });")).toEqual(['writes a PK/SK literal']);
    expect(keyAccess("import { getRequest } from '../data/store.ts';")).toEqual([]);
    const source = ['({ PK: `SUB#$', "{id}`, SK: '#SUB' }); const BROWSER_JOB_PARTITION = 'BROWSERJOB';"].join('');
    expect(keyPrefixes(source)).toEqual(['PK=SUB#', 'SK=#SUB', 'PK=BROWSERJOB']);
  });

  it('imports the DynamoDB SDK only in functions/data (and where the client and the local table are made)', () => {
    const offenders = OUTSIDE_DATA.filter((f) => importsDynamoSdk(f.text) && !(f.path in SDK_ALLOWED)).map((f) => f.path);
    expect(offenders).toEqual([]);
    for (const path of Object.keys(SDK_ALLOWED)) expect(importsDynamoSdk(FILES.find((f) => f.path === path)?.text ?? ''), path).toBe(true);
  });

  it('builds table keys only in functions/data: elsewhere, named repository functions', () => {
    const offenders = OUTSIDE_DATA.filter((f) => !(f.path in KEYS_ALLOWED)).flatMap((f) => keyAccess(f.text).map((what) => `${f.path}: ${what}`));
    expect(offenders).toEqual([]);
    // An allowance that is no longer needed goes too.
    for (const path of Object.keys(KEYS_ALLOWED)) expect(keyAccess(FILES.find((f) => f.path === path)?.text ?? ''), path).not.toEqual([]);
  });

  it('lists every key the code writes in the access patterns of functions/data/schema.ts', () => {
    const listed = listedPatterns();
    const missing: string[] = [];
    for (const file of FILES) {
      for (const prefix of keyPrefixes(file.text)) {
        const [attribute, value] = prefix.split('=') as [string, string];
        const pattern = new RegExp(`${attribute === 'SK' ? '(SK=|SK begins_with |\\| )' : `${attribute}=`}${value.replace(/[#]/g, '\\#')}`);
        if (!pattern.test(listed)) missing.push(`${file.path}: ${prefix}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
