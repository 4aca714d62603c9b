// Sessions (cookies) are sealed at rest. On AWS: KMS envelope encryption (a data key per secret, the
// key itself wrapped by KMS); on one machine: AES-256-GCM with a key file created on first use. The
// context (e.g. "session#<submission>#<provider>") is bound to the ciphertext, so a sealed value
// copied to another record does not open there.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';

export interface SecretBox {
  seal(plaintext: Buffer, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<Buffer>;
}

export class SecretOpenError extends Error {
  override name = 'SecretOpenError';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

function encrypt(key: Buffer, plaintext: Buffer, context: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

function decrypt(key: Buffer, parts: { iv: Buffer; tag: Buffer; ct: Buffer }, context: string): Buffer {
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) {
    throw new SecretOpenError('sealed secret is malformed (bad IV or tag length)');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ct), decipher.final()]);
  } catch {
    throw new SecretOpenError(
      `sealed secret does not open for context "${context}": it was tampered with, sealed for another context, or sealed with another key`,
    );
  }
}

function split(sealed: string, version: string, count: number): string[] {
  const parts = sealed.split('.');
  if (parts[0] !== version) {
    throw new SecretOpenError(`sealed secret has format "${parts[0] ?? ''}", expected "${version}"`);
  }
  if (parts.length !== count || parts.slice(1).some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
    throw new SecretOpenError(`sealed secret is malformed: expected ${count} base64url parts after "${version}"`);
  }
  return parts.slice(1);
}

function loadOrCreateKey(keyFile: string): Buffer {
  try {
    const key = readFileSync(keyFile);
    if (key.length !== KEY_BYTES) throw new Error(`key file ${keyFile} holds ${key.length} bytes, expected ${KEY_BYTES}`);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // "wx": never overwrite a key another process created meanwhile (that would orphan its secrets).
  try {
    writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(keyFile);
    throw err;
  }
  chmodSync(keyFile, 0o600); // the umask may have narrowed the mode further, never widened it; be exact
  return key;
}

/** AES-256-GCM with a 32-byte key file, created (mode 0600) on first use. Format: v1.<iv>.<tag>.<ct>. */
export function localSecretBox(keyFile: string): SecretBox {
  let key: Buffer | undefined;
  const getKey = () => {
    key ??= loadOrCreateKey(keyFile);
    return key;
  };
  return {
    async seal(plaintext, context) {
      const { iv, tag, ct } = encrypt(getKey(), plaintext, context);
      return ['v1', b64(iv), b64(tag), b64(ct)].join('.');
    },
    async open(sealed, context) {
      const [iv, tag, ct] = split(sealed, 'v1', 4).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
      return decrypt(getKey(), { iv, tag, ct }, context);
    },
  };
}

/**
 * KMS envelope encryption: a fresh data key per secret from GenerateDataKey, used once for AES-256-GCM
 * and stored wrapped; EncryptionContext { context } binds the wrapped key to the context as well.
 * Format: k1.<wrapped key>.<iv>.<tag>.<ct>.
 */
export function kmsSecretBox(kms: Pick<KMSClient, 'send'>, keyId: string): SecretBox {
  return {
    async seal(plaintext, context) {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { context } }));
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS GenerateDataKey returned no data key');
      const dataKey = Buffer.from(out.Plaintext);
      try {
        const { iv, tag, ct } = encrypt(dataKey, plaintext, context);
        return ['k1', b64(out.CiphertextBlob), b64(iv), b64(tag), b64(ct)].join('.');
      } finally {
        dataKey.fill(0);
      }
    },
    async open(sealed, context) {
      const [wrapped, iv, tag, ct] = split(sealed, 'k1', 5).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer, Buffer];
      let dataKey: Buffer;
      try {
        const out = await kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: wrapped, EncryptionContext: { context } }));
        if (!out.Plaintext) throw new Error('no plaintext');
        dataKey = Buffer.from(out.Plaintext);
      } catch (err) {
        const name = (err as Error).name;
        if (name === 'InvalidCiphertextException' || name === 'IncorrectKeyException') {
          throw new SecretOpenError(`sealed secret does not open for context "${context}": KMS refused its data key (${name})`);
        }
        throw err;
      }
      try {
        return decrypt(dataKey, { iv, tag, ct }, context);
      } finally {
        dataKey.fill(0);
      }
    },
  };
}
