// The key that signs verification and status links. Locally a random key file in the data folder
// (keyFileSigning); on AWS a Secrets Manager secret created by the stack (secretsManagerSigning),
// fetched once per runtime, that is once per container.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { runtime } from '../runtime/scope.ts';
import type { SigningPort } from '../runtime/ports.ts';
import { ConfigError } from './config.ts';

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

/** Fetched on first use and kept; a failed fetch is tried again at the next use. */
function once(load: () => Promise<Buffer>): SigningPort {
  let keyPromise: Promise<Buffer> | undefined;
  return {
    key() {
      keyPromise ??= load().catch((error) => {
        keyPromise = undefined;
        throw error;
      });
      return keyPromise;
    },
  };
}

export function secretsManagerSigning(client: SecretsManagerClient, secretArn: string): SigningPort {
  return once(async () => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!SecretString) throw new ConfigError('signing secret has no value');
    return Buffer.from(SecretString, 'utf8');
  });
}

/** <dataDir>/keys/signing.key, created on first use. */
export function keyFileSigning(dataDir: string): SigningPort {
  return once(async () => localKeyFile(dataDir, 'signing.key'));
}

/** A URL-safe MAC of `value` for one purpose ("verify", "status"), so a token for one never works for the other. */
export async function sign(purpose: string, value: string): Promise<string> {
  const mac = createHmac('sha256', await runtime().signing.key())
    .update(`${purpose}\n${value}`)
    .digest();
  return mac.subarray(0, 24).toString('base64url');
}

export async function verifySignature(purpose: string, value: string, signature: string): Promise<boolean> {
  const expected = Buffer.from(await sign(purpose, value));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
