// The mail-in function on AWS reads each message where the receipt rule stored it: INBOUND_BUCKET
// under INBOUND_PREFIX, both set by the stack's bindInbound (test/infra/stack.test.ts checks the
// stack's side). It used to read inbound/<id> whatever the stack said.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../functions/adapters/config.ts';
import { inboundObject, s3Inbound } from '../../functions/adapters/inbound.ts';
import { receiveMail } from '../../functions/app/mail-in.ts';
import { handler } from '../../functions/handlers/mail-in-lambda.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime } from '../support/memory-runtime.ts';

vi.mock('../../functions/app/mail-in.ts', () => ({ receiveMail: vi.fn(async () => ({})) }));

const RAW = 'From: privacy@provider.example\r\nSubject: Re: your request\r\n\r\nDone.\r\n';

/** An S3 client that answers every GetObject with RAW and records what was asked for. */
function fakeS3(): { client: S3Client; asked: { Bucket?: string; Key?: string }[] } {
  const asked: { Bucket?: string; Key?: string }[] = [];
  const client = {
    send: async (command: { input: { Bucket?: string; Key?: string } }) => {
      asked.push(command.input);
      return { Body: { transformToByteArray: async () => new TextEncoder().encode(RAW) } };
    },
  } as unknown as S3Client;
  return { client, asked };
}

const event = {
  Records: [
    {
      ses: {
        mail: { messageId: 'm-123', source: 'privacy@provider.example', destination: ['reply+abc@in.example.org'] },
        receipt: { recipients: ['reply+abc@in.example.org'] },
      },
    },
  ],
};

const ENV = {
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'optout',
  OPTOUT_FROM_ADDRESS: 'optout@example.org',
  OPTOUT_INBOUND_DOMAIN: 'in.example.org',
  OPTOUT_PUBLIC_URL: 'https://optout.example.org',
  INBOUND_BUCKET: 'inbound-bucket',
  INBOUND_PREFIX: 'mail/incoming/',
};

/** The AWS runtime's inbound port over `s3`, with the stack's settings (and `env` over them). */
function runtimeWith(s3: S3Client, env: Record<string, string> = {}) {
  const runtime = memoryRuntime({ env: { ...ENV, ...env } });
  return { ...runtime, inbound: s3Inbound(s3, runtime.settings) };
}

afterEach(() => {
  vi.mocked(receiveMail).mockClear();
});

describe('the mail-in function', () => {
  it('reads the message under the INBOUND_PREFIX the stack set, and files it', async () => {
    const s3 = fakeS3();
    await runWith(runtimeWith(s3.client), () => handler(event));
    expect(s3.asked).toEqual([{ Bucket: 'inbound-bucket', Key: 'mail/incoming/m-123' }]);
    expect(vi.mocked(receiveMail)).toHaveBeenCalledWith(Buffer.from(RAW), { rcptTo: ['reply+abc@in.example.org'], mailFrom: 'privacy@provider.example' });
  });

  it('follows the prefix when it changes (the default layout: inbound/)', () => {
    expect(inboundObject(loadConfig({ ...ENV, INBOUND_PREFIX: 'inbound/' }), 'm-9')).toEqual({ Bucket: 'inbound-bucket', Key: 'inbound/m-9' });
  });

  it('fails at once, naming the setting, when the stack did not set the bucket or the prefix', async () => {
    await expect(runWith(runtimeWith(fakeS3().client, { INBOUND_PREFIX: '' }), () => handler(event))).rejects.toThrow('setting INBOUND_PREFIX is missing');
    expect(() => inboundObject(loadConfig({ ...ENV, INBOUND_BUCKET: '' }), 'm-9')).toThrow('setting INBOUND_BUCKET is missing');
    expect(vi.mocked(receiveMail)).not.toHaveBeenCalled();
  });
});
