// The key that signs verification and status links. Locally a random key file in the data folder;
// on AWS a Secrets Manager secret (created by the stack), fetched once per container.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { config, ConfigError } from './config.ts';

let keyPromise: Promise<Buffer> | undefined;

function localKeyFile(dataDir: string, name: string): Buffer {
  const file = join(dataDir, 'keys', name);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx' fails if another process created it in between; then we read theirs.
    try {
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = readFileSync(file);
  if (key.length !== 32) throw new ConfigError(`key file ${file} must hold 32 bytes, found ${key.length}`);
  return key;
}

async function loadKey(): Promise<Buffer> {
  const { signingSecretArn, dataDir, region } = config();
  if (signingSecretArn) {
    const client = new SecretsManagerClient({ region });
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: signingSecretArn }));
    if (!SecretString) throw new ConfigError('signing secret has no value');
    return Buffer.from(SecretString, 'utf8');
  }
  if (dataDir) return localKeyFile(dataDir, 'signing.key');
  throw new ConfigError('setting SIGNING_SECRET_ARN (AWS) or OPTOUT_DATA_DIR (local) is missing');
}

function signingKey(): Promise<Buffer> {
  keyPromise ??= loadKey().catch((error) => {
    keyPromise = undefined;
    throw error;
  });
  return keyPromise;
}

export function resetSigningKey(): void {
  keyPromise = undefined;
}

/** A URL-safe MAC of `value` for one purpose ("verify", "status"), so a token for one never works for the other. */
export async function sign(purpose: string, value: string): Promise<string> {
  const mac = createHmac('sha256', await signingKey()).update(`${purpose}\n${value}`).digest();
  return mac.subarray(0, 24).toString('base64url');
}

export async function verifySignature(purpose: string, value: string, signature: string): Promise<boolean> {
  const expected = Buffer.from(await sign(purpose, value));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
