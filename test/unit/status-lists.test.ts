// "Nothing else lists statuses": request statuses and their transitions live in
// functions/core/lifecycle.ts only. This scans every source file under functions/ for a list of two
// or more request statuses (an array literal of status names, as used for "from" lists and
// `[...].includes(status)` checks) and for status writes outside functions/data/lifecycle.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../functions/core/lifecycle.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const STATUSES = new Set<string>(REQUEST_STATUSES);
const HOME = 'functions/core/lifecycle.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Array literals whose elements are all quoted request statuses (two or more). */
function statusLists(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\[([^[\]]*)\]/g)) {
    const items = match[1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const names = items.map((item) => /^['"`]([a-z_]+)['"`](?:\s+as\s+const)?$/.exec(item)?.[1]);
    if (names.length >= 2 && names.every((n) => n !== undefined && STATUSES.has(n))) found.push(match[0]);
  }
  return found;
}

describe('status lists', () => {
  it('finds a status list when there is one (the scanner works)', () => {
    expect(statusLists("const OPEN = ['sent', 'acknowledged'];")).toEqual(["['sent', 'acknowledged']"]);
    expect(statusLists("if (['confirmed', 'cancelled', 'failed'].includes(r.status))")).toHaveLength(1);
    expect(statusLists("const classes = ['acknowledged', 'confirmed', 'bounce'];")).toEqual([]);
  });

  it('appear nowhere in functions/ but in the lifecycle module', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'functions'))) {
      const path = relative(ROOT, file);
      if (path === HOME) continue;
      for (const list of statusLists(readFileSync(file, 'utf8'))) offenders.push(`${path}: ${list}`);
    }
    expect(offenders).toEqual([]);
  });

  it('are written only by applyEvent, which names the lifecycle event', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'functions'))) {
      const path = relative(ROOT, file);
      const text = readFileSync(file, 'utf8');
      if (/\btransitionRequest\b/.test(text)) offenders.push(`${path}: transitionRequest`);
      // A status written through updateRequest's patch ({ status: 'x' } or { ..., status: to }).
      for (const m of text.matchAll(/updateRequest\([^;]*?\{[^}]*\bstatus:\s*(?!\[)[^,}]+/g)) {
        if (path !== 'functions/data/lifecycle.ts') offenders.push(`${path}: ${m[0].slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('are not switched on either: a switch over a status is a status list in another shape', () => {
    expect(statusSwitches("switch (state.status) {\n  case 'sent':\n  case 'acknowledged':")).toHaveLength(1);
    expect(statusSwitches("switch (c.class) {\n  case 'acknowledged':\n  case 'confirmed':")).toEqual([]);
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'functions'))) {
      const path = relative(ROOT, file);
      if (path === HOME) continue;
      for (const found of statusSwitches(readFileSync(file, 'utf8'))) offenders.push(`${path}: ${found}`);
    }
    expect(offenders).toEqual([]);
  });
});

/** `switch (<something>.status)` or `switch (status)`: the follow-up rule once read statuses this way. */
function statusSwitches(text: string): string[] {
  return [...text.matchAll(/switch\s*\(\s*(?:[\w.]+\.)?status\s*\)/g)].map((m) => m[0]);
}
