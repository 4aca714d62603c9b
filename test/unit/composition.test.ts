// One composition root (functions/runtime/compose.ts): the adapters are built from a settings object
// for a runtime and reached through the scope (functions/runtime/scope.ts); no module keeps a
// resettable adapter or a hook to swap one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clock, systemClock } from '../../functions/adapters/clock.ts';
import { config, loadConfig } from '../../functions/adapters/config.ts';
import { composeAws, composeLocal } from '../../functions/runtime/compose.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { TEST_ENV, steppableClock } from '../support/memory-runtime.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

const noWorkflow = { start: async () => undefined, stop: async () => undefined };

describe('the composition root', () => {
  it('builds the AWS runtime from settings alone, and a port whose setting is missing fails when used, naming it', async () => {
    const runtime = composeAws(loadConfig(TEST_ENV));
    expect(runtime.clock).toBe(systemClock);
    await expect(runtime.signing.key()).rejects.toThrow('setting SIGNING_SECRET_ARN (AWS) or OPTOUT_DATA_DIR (local) is missing');
    await expect(runtime.evidence.get('letters/x')).rejects.toThrow('setting EVIDENCE_BUCKET (AWS) or OPTOUT_DATA_DIR (local) is missing');
    runtime.close?.();
  });

  it('hands each local stack its own settings and clock; code reads the one it runs in', () => {
    const a = composeLocal(loadConfig({ ...TEST_ENV, OPTOUT_DATA_DIR: '/tmp/a' }), {
      clock: steppableClock(new Date('2026-01-01T00:00:00Z')),
      workflow: noWorkflow,
    });
    const b = composeLocal(loadConfig({ ...TEST_ENV, OPTOUT_DATA_DIR: '/tmp/b' }), {
      clock: steppableClock(new Date('2027-01-01T00:00:00Z')),
      workflow: noWorkflow,
    });
    expect(runWith(a, () => [config().dataDir, clock().now().getUTCFullYear()])).toEqual(['/tmp/a', 2026]);
    expect(runWith(b, () => [config().dataDir, clock().now().getUTCFullYear()])).toEqual(['/tmp/b', 2027]);
    expect(() => clock()).toThrow('no runtime');
    a.close?.();
    b.close?.();
  });

  it('leaves no reset or swap hook for an adapter in functions/ or infra/', () => {
    const hooks = ['functions', 'infra']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/export function ((reset|use|set)[A-Z]\w*)/g)].map((m) => `${file}: ${m[1]}`));
    expect(hooks).toEqual([]);
  });
});
