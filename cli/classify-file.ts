// `optout classify <file.eml> [--provider P]`: reads a reply from a file and classifies it with the
// same rules mail-in uses (functions/core/replies/).
import { readFile } from 'node:fs/promises';
import { type Classification, classifyRawEmail, type ProviderReplyPattern } from '../functions/core/replies/index.ts';

/** Reads an .eml file and classifies it; a file that cannot be read is an error naming it. */
export async function classifyFile(path: string, providerPatterns: ProviderReplyPattern[] = []): Promise<Classification> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (err) {
    throw new Error(`cannot read reply file ${path}: ${(err as Error).message}`);
  }
  return classifyRawEmail(raw, providerPatterns);
}
