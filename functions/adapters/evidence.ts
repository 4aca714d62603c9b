// Evidence (sent letters, raw replies, screenshots) is kept outside the table: in S3 on AWS
// (EVIDENCE_BUCKET), in <OPTOUT_DATA_DIR>/evidence locally. The table stores only the reference.
// s3Evidence and fileEvidence are the two stores; the composition root (functions/runtime/compose.ts)
// picks one per runtime, and the functions below check keys and prefixes before they reach it.
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectVersionsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { runtime } from '../runtime/scope.ts';
import type { EvidencePort } from '../runtime/ports.ts';
import type { Clock } from './clock.ts';

function safeKey(evidenceKey: string): string {
  const cleaned = normalize(evidenceKey).replace(/^(\.\.[/\\])+/, '');
  if (cleaned.startsWith('/') || cleaned.includes('..') || !/^[\w./-]+$/.test(cleaned)) {
    throw new Error(`invalid evidence key "${evidenceKey}"`);
  }
  return cleaned;
}

export async function putEvidence(evidenceKey: string, body: Buffer | string, contentType: string): Promise<string> {
  const objectKey = safeKey(evidenceKey);
  await runtime().evidence.put(objectKey, body, contentType);
  return objectKey;
}

export async function getEvidence(evidenceKey: string): Promise<Buffer> {
  return runtime().evidence.get(safeKey(evidenceKey));
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

/** Deletes every piece of a submission's evidence for good. Returns how many objects (versions) went. */
export async function deleteSubmissionEvidence(submissionId: string): Promise<number> {
  return runtime().evidence.deletePrefixes(SUBMISSION_EVIDENCE_FOLDERS.map((folder) => submissionPrefix(folder, submissionId)));
}

/**
 * S3 (AWS). The bucket is versioned (evidence must survive an accidental overwrite), so a plain delete
 * would only add a delete marker: every version and marker under a prefix is deleted.
 */
export function s3Evidence(s3: S3Client, bucket: string): EvidencePort {
  return {
    async put(objectKey, body, contentType) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: body, ContentType: contentType, ServerSideEncryption: 'aws:kms' }));
    },
    async get(objectKey) {
      const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      return Buffer.from(await Body!.transformToByteArray());
    },
    async deletePrefixes(prefixes) {
      let deleted = 0;
      for (const prefix of prefixes) {
        let batch: { Key: string; VersionId?: string }[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const result = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
          if (result.Errors?.length) {
            throw new Error(
              `could not delete ${result.Errors.length} evidence object(s) under ${prefix}: ${result.Errors[0]!.Code} ${result.Errors[0]!.Message}`,
            );
          }
          deleted += batch.length;
          batch = [];
        };
        for await (const version of objectVersions(s3, bucket, prefix)) {
          batch.push({ Key: version.key, VersionId: version.versionId });
          if (batch.length === 1000) await flush();
        }
        await flush();
      }
      return deleted;
    },
  };
}

/** Files under <dataDir>/evidence (local), dated by `clock` so the local retention sweep ages them like S3 would. */
export function fileEvidence(dataDir: string, clock: Clock): EvidencePort {
  const root = join(dataDir, 'evidence');
  return {
    async put(objectKey, body) {
      const file = join(root, objectKey);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body, { mode: 0o600 });
      const now = clock.now();
      await utimes(file, now, now);
    },
    get: (objectKey) => readFile(join(root, objectKey)),
    async deletePrefixes(prefixes) {
      let deleted = 0;
      for (const prefix of prefixes) {
        const folderPath = join(root, prefix);
        const files = await readdir(folderPath, { recursive: true, withFileTypes: true }).catch(() => []);
        deleted += files.filter((f) => f.isFile()).length;
        await rm(folderPath, { recursive: true, force: true });
      }
      return deleted;
    },
  };
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
