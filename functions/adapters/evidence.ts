// Evidence (sent letters, raw replies, screenshots) is kept outside the table: in S3 on AWS
// (EVIDENCE_BUCKET), in <OPTOUT_DATA_DIR>/evidence locally. The table stores only the reference.
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectVersionsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
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

/**
 * The prefixes that hold one submission's evidence. Only these can be listed or deleted, and the
 * web function's grants on AWS name exactly them (infra/cdk/constructs/functions.ts).
 */
export const SUBMISSION_EVIDENCE_FOLDERS = ['letters', 'replies', 'screenshots'] as const;

function submissionPrefix(folder: string, submissionId: string): string {
  if (!(SUBMISSION_EVIDENCE_FOLDERS as readonly string[]).includes(folder) || !/^[\w-]{8,64}$/.test(submissionId)) {
    throw new Error(`invalid evidence folder "${folder}/${submissionId}/"`);
  }
  return `${folder}/${submissionId}/`;
}

/**
 * Deletes every piece of a submission's evidence for good. The bucket is versioned (evidence must
 * survive an accidental overwrite), so a plain delete would only add a delete marker: every version
 * and marker under the submission's prefixes is deleted. Returns how many objects (versions) went.
 */
export async function deleteSubmissionEvidence(submissionId: string): Promise<number> {
  const { evidenceBucket, dataDir, region } = config();
  let deleted = 0;
  for (const folder of SUBMISSION_EVIDENCE_FOLDERS) {
    const prefix = submissionPrefix(folder, submissionId);
    if (evidenceBucket) {
      s3 ??= new S3Client({ region });
      let batch: { Key: string; VersionId?: string }[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const result = await s3!.send(new DeleteObjectsCommand({ Bucket: evidenceBucket, Delete: { Objects: batch, Quiet: true } }));
        if (result.Errors?.length) {
          throw new Error(`could not delete ${result.Errors.length} evidence object(s) under ${prefix}: ${result.Errors[0]!.Code} ${result.Errors[0]!.Message}`);
        }
        deleted += batch.length;
        batch = [];
      };
      for await (const version of objectVersions(s3, evidenceBucket, prefix)) {
        batch.push({ Key: version.key, VersionId: version.versionId });
        if (batch.length === 1000) await flush();
      }
      await flush();
    } else if (dataDir) {
      const folderPath = join(dataDir, 'evidence', prefix);
      const files = await readdir(folderPath, { recursive: true, withFileTypes: true }).catch(() => []);
      deleted += files.filter((f) => f.isFile()).length;
      await rm(folderPath, { recursive: true, force: true });
    } else {
      throw new ConfigError('setting EVIDENCE_BUCKET (AWS) or OPTOUT_DATA_DIR (local) is missing');
    }
  }
  return deleted;
}

/** Every version and delete marker under `prefix` (ListObjectVersions, paginated). */
async function* objectVersions(client: S3Client, bucket: string, prefix: string) {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
    for (const v of page.Versions ?? []) if (v.Key) yield { key: v.Key, versionId: v.VersionId };
    for (const m of page.DeleteMarkers ?? []) if (m.Key) yield { key: m.Key, versionId: m.VersionId };
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker);
}
