// The README's settings tables, generated from the settings schema (schema.ts): the runtime's
// environment variables, the ones the runtime sets itself, and the CDK context. Each table sits
// between two markers in README.md; `npm run settings:readme` rewrites them, and
// test/unit/settings.test.ts fails when the README differs from what this renders, so a default or a
// description changed in the schema cannot be forgotten in the README.
import { CONTEXT_SETTINGS, formatValue, RUNTIME_SETTINGS, type SettingEntry } from './schema.ts';

export const TABLES = ['runtime', 'set-by-runtime', 'cdk-context'] as const;
export type TableName = (typeof TABLES)[number];

const begin = (table: TableName) => `<!-- BEGIN settings:${table} -->`;
const end = (table: TableName) => `<!-- END settings:${table} -->`;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

/** The default as a person reads it: its text, the local runtime's value, or the value. */
export function defaultCell(entry: SettingEntry): string {
  if (entry.meta.defaultText) return entry.meta.defaultText;
  if (entry.meta.localDefault !== undefined) return code(entry.meta.localDefault);
  if (entry.default !== undefined) return code(formatValue(entry.default));
  return 'none';
}

function runtimesCell(entry: SettingEntry): string {
  const { runtimes, context } = entry.meta;
  const parts: string[] = runtimes.filter((r) => r !== 'aws');
  if (runtimes.includes('aws')) {
    parts.push(context ? `AWS (${code(`-c ${context.key}`)}${context.required ? ', required' : ''})` : 'AWS (set by the stack)');
  }
  return parts.join(', ');
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The tables' Markdown; `cdkJsonContext` is cdk.json's context (shown where it sets a required key). */
export function renderTables(cdkJsonContext: Record<string, unknown>): Record<TableName, string> {
  const bySomeone = RUNTIME_SETTINGS.filter((e) => !e.meta.setBy);
  const byRuntime = RUNTIME_SETTINGS.filter((e) => e.meta.setBy);
  return {
    runtime: table(
      ['variable', 'default', 'runtimes', 'what it does'],
      bySomeone.map((e) => [code(e.meta.env!), defaultCell(e), runtimesCell(e), e.meta.description]),
    ),
    'set-by-runtime': table(
      ['variable', 'set by', 'what it is'],
      byRuntime.map((e) => [code(e.meta.env!) + (e.meta.fallbackEnv ? ` (or ${code(e.meta.fallbackEnv)})` : ''), e.meta.setBy!, e.meta.description]),
    ),
    'cdk-context': table(
      ['context', 'default', 'meaning'],
      CONTEXT_SETTINGS.map((e) => {
        const { key, required, note } = e.meta.context;
        const inCdkJson = cdkJsonContext[key];
        const fallback = required ? 'required' : defaultCell(e);
        const shown = inCdkJson === undefined ? fallback : `${fallback}; ${code('cdk.json')}: ${code(formatValue(inCdkJson))}`;
        const meaning = [e.meta.description, note].filter(Boolean).join('; ') + (e.meta.env ? ` (${code(e.meta.env)})` : '');
        return [code(key), shown, meaning];
      }),
    ),
  };
}

/** `readme` with every generated table replaced by what the schema renders now. */
export function updateReadme(readme: string, cdkJsonContext: Record<string, unknown>): string {
  const tables = renderTables(cdkJsonContext);
  let text = readme;
  for (const name of TABLES) {
    const from = text.indexOf(begin(name));
    const to = text.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`README.md has no "${begin(name)}" ... "${end(name)}" markers`);
    text = `${text.slice(0, from)}${begin(name)}\n${tables[name]}\n${text.slice(to)}`;
  }
  return text;
}
