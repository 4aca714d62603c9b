// Evidence (sent letters, raw replies, screenshots) is kept outside the table: in S3 on AWS
// (EVIDENCE_BUCKET), in <OPTOUT_DATA_DIR>/evidence locally. The table stores only the reference.
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { clock } from './clock.ts';
import { config, ConfigError } from './config.ts';

let s3: S3Client | undefined;

function safeKey(evidenceKey: string): string {
  const cleaned = normalize(evidenceKey).replace(/^(\.\.[/\\])+/, '');
  if (cleaned.startsWith('/') || cleaned.includes('..') || !/^[\w./-]+$/.test(cleaned)) {
    throw new Error(`invalid evidence key "${evidenceKey}"`);
  }
  return cleaned;
}

export async function putEvidence(evidenceKey: string, body: Buffer | string, contentType: string): Promise<string> {
  const objectKey = safeKey(evidenceKey);
  const { evidenceBucket, dataDir, region } = config();
  if (evidenceBucket) {
    s3 ??= new S3Client({ region });
    await s3.send(
      new PutObjectCommand({ Bucket: evidenceBucket, Key: objectKey, Body: body, ContentType: contentType, ServerSideEncryption: 'aws:kms' }),
    );
  } else if (dataDir) {
    const file = join(dataDir, 'evidence', objectKey);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body, { mode: 0o600 });
    // Dated by the system clock (scaled in demos), so the local retention sweep ages it like S3 would.
    const now = clock().now();
    await utimes(file, now, now);
  } else {
    throw new ConfigError('setting EVIDENCE_BUCKET (AWS) or OPTOUT_DATA_DIR (local) is missing');
  }
  return objectKey;
}

export async function getEvidence(evidenceKey: string): Promise<Buffer> {
  const objectKey = safeKey(evidenceKey);
  const { evidenceBucket, dataDir, region } = config();
  if (evidenceBucket) {
    s3 ??= new S3Client({ region });
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: evidenceBucket, Key: objectKey }));
    return Buffer.from(await Body!.transformToByteArray());
  }
  if (dataDir) return readFile(join(dataDir, 'evidence', objectKey));
  throw new ConfigError('setting EVIDENCE_BUCKET (AWS) or OPTOUT_DATA_DIR (local) is missing');
}
