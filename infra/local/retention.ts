// Retention on one machine. On AWS, DynamoDB's TTL deletes expired items and an S3 lifecycle rule
// deletes evidence after OPTOUT_RETENTION_DAYS; dynalite has no TTL and the data folder no lifecycle,
// so without this sweep nothing would ever be deleted locally. The store already treats expired items
// as gone; this makes them gone on disk too. Time is the system clock (scaled in demos and tests).
import type { Dirent } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { clock, DAY_MS } from '../../functions/adapters/clock.ts';
import { config } from '../../functions/adapters/config.ts';
import { deleteExpiredItems } from '../../functions/data/retention.ts';

export interface SweepResult {
  items: number;
  files: number;
}

export async function sweepExpired(): Promise<SweepResult> {
  const items = await deleteExpiredItems(Math.floor(clock().now().getTime() / 1000));
  return { items, files: await deleteOldEvidence() };
}

/** Deletes evidence files older than the retention period (by their modification time), as S3's lifecycle rule does. */
async function deleteOldEvidence(): Promise<number> {
  const { dataDir, retentionDays } = config();
  if (!dataDir) return 0;
  const cutoff = clock().now().getTime() - retentionDays * DAY_MS;
  const evidence = await sweepFolder(join(dataDir, 'evidence'), cutoff, false);
  // Mail that failed to be filed is kept 14 days, as the MailDeadLetters queue keeps it on AWS.
  const deadLetters = await sweepFolder(join(dataDir, 'dead-letter'), clock().now().getTime() - DEAD_LETTER_DAYS * DAY_MS, false);
  return evidence + deadLetters;
}

const DEAD_LETTER_DAYS = 14;

async function sweepFolder(folder: string, cutoffMs: number, removeIfEmpty: boolean): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let deleted = 0;
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      deleted += await sweepFolder(path, cutoffMs, true);
    } else if ((await stat(path)).mtimeMs < cutoffMs) {
      await rm(path, { force: true });
      deleted += 1;
    }
  }
  if (removeIfEmpty) await rmdir(folder).catch(() => undefined); // fails, harmlessly, while files remain
  return deleted;
}
