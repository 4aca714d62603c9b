import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterEach, describe, expect, it } from 'vitest';
import { kmsSecretBox, localSecretBox, SecretOpenError } from '../../functions/adapters/secrets.ts';

const dirs: string[] = [];
function keyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'optout-secrets-'));
  dirs.push(dir);
  return join(dir, 'nested', 'secret.key');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SESSION = Buffer.from(JSON.stringify([{ name: 'li_at', value: 'session-value', domain: '.linkedin.com' }]));

/** Flips one character of the ciphertext part (the last part) of a sealed value. */
function tamper(sealed: string): string {
  const parts = sealed.split('.');
  const last = parts.at(-1)!;
  parts[parts.length - 1] = (last[0] === 'A' ? 'B' : 'A') + last.slice(1);
  return parts.join('.');
}

describe('localSecretBox', () => {
  it('round-trips, with a fresh IV each time, in the v1 format', async () => {
    const box = localSecretBox(keyFile());
    const a = await box.seal(SESSION, 'session#sub1#linkedin');
    const b = await box.seal(SESSION, 'session#sub1#linkedin');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('session-value');
    expect(await box.open(a, 'session#sub1#linkedin')).toEqual(SESSION);
  });

  it('creates a 32-byte key file with mode 0600 on first use and reuses it', async () => {
    const file = keyFile();
    const sealed = await localSecretBox(file).seal(SESSION, 'ctx');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file)).toHaveLength(32);
    // A second box (another process start) reads the same key.
    expect(await localSecretBox(file).open(sealed, 'ctx')).toEqual(SESSION);
  });

  it('refuses the wrong context, a tampered value, another key, and a malformed value', async () => {
    const box = localSecretBox(keyFile());
    const sealed = await box.seal(SESSION, 'session#sub1#linkedin');
    await expect(box.open(sealed, 'session#sub2#linkedin')).rejects.toThrow(
      'sealed secret does not open for context "session#sub2#linkedin": it was tampered with, sealed for another context, or sealed with another key',
    );
    await expect(box.open(tamper(sealed), 'session#sub1#linkedin')).rejects.toBeInstanceOf(SecretOpenError);
    await expect(localSecretBox(keyFile()).open(sealed, 'session#sub1#linkedin')).rejects.toThrow(/does not open/);
    await expect(box.open(`v2${sealed.slice(2)}`, 'x')).rejects.toThrow('sealed secret has format "v2", expected "v1"');
    await expect(box.open('v1.abc.def', 'x')).rejects.toThrow('expected 4 base64url parts after "v1"');
  });

  it('refuses a key file of the wrong size', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optout-secrets-')), 'short.key');
    dirs.push(join(file, '..'));
    writeFileSync(file, randomBytes(16));
    await expect(localSecretBox(file).seal(SESSION, 'ctx')).rejects.toThrow(/holds 16 bytes, expected 32/);
  });
});

/** A stand-in for KMS: wraps data keys with its own key, binding EncryptionContext like KMS does. */
function fakeKms() {
  const master = randomBytes(32);
  const calls: string[] = [];
  const aad = (ctx: Record<string, string> | undefined) => Buffer.from(JSON.stringify(ctx ?? {}));
  const client = {
    async send(command: unknown) {
      if (command instanceof GenerateDataKeyCommand) {
        calls.push(`GenerateDataKey ${command.input.KeyId} ${command.input.KeySpec}`);
        const plaintext = randomBytes(32);
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', master, iv).setAAD(aad(command.input.EncryptionContext));
        const blob = Buffer.concat([iv, c.update(plaintext), c.final(), c.getAuthTag()]);
        return { Plaintext: new Uint8Array(plaintext), CiphertextBlob: new Uint8Array(blob), KeyId: command.input.KeyId };
      }
      if (command instanceof DecryptCommand) {
        calls.push(`Decrypt ${command.input.KeyId}`);
        const blob = Buffer.from(command.input.CiphertextBlob!);
        try {
          const d = createDecipheriv('aes-256-gcm', master, blob.subarray(0, 12)).setAAD(aad(command.input.EncryptionContext));
          d.setAuthTag(blob.subarray(blob.length - 16));
          return { Plaintext: new Uint8Array(Buffer.concat([d.update(blob.subarray(12, blob.length - 16)), d.final()])) };
        } catch {
          throw Object.assign(new Error('fake KMS cannot decrypt'), { name: 'InvalidCiphertextException' });
        }
      }
      throw new Error('unexpected command');
    },
  };
  return { client: client as unknown as Pick<KMSClient, 'send'>, calls };
}

describe('kmsSecretBox', () => {
  it('round-trips with a data key from GenerateDataKey, in the k1 format', async () => {
    const kms = fakeKms();
    const box = kmsSecretBox(kms.client, 'alias/optout');
    const sealed = await box.seal(SESSION, 'session#sub1#x');
    expect(sealed).toMatch(/^k1(\.[A-Za-z0-9_-]+){4}$/);
    expect(await box.open(sealed, 'session#sub1#x')).toEqual(SESSION);
    expect(kms.calls).toEqual(['GenerateDataKey alias/optout AES_256', 'Decrypt alias/optout']);
  });

  it('refuses the wrong context (KMS refuses the key) and a tampered ciphertext', async () => {
    const box = kmsSecretBox(fakeKms().client, 'alias/optout');
    const sealed = await box.seal(SESSION, 'session#sub1#x');
    await expect(box.open(sealed, 'session#sub2#x')).rejects.toThrow(
      'sealed secret does not open for context "session#sub2#x": KMS refused its data key (InvalidCiphertextException)',
    );
    await expect(box.open(tamper(sealed), 'session#sub1#x')).rejects.toThrow(/tampered with/);
    await expect(box.open(sealed.replace(/^k1/, 'v1'), 'session#sub1#x')).rejects.toThrow('expected "k1"');
  });
});
