// Mail that SES's receipt rule stored on AWS: its S3 action puts the raw message under
// <INBOUND_PREFIX><messageId> in INBOUND_BUCKET (both set by the stack's bindInbound).
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { InboundPort } from '../runtime/ports.ts';
import { type Config, ConfigError } from './config.ts';

/** Where the receipt rule stored a message: the stack sets both, so a missing one is a deployment error. */
export function inboundObject(
  { inboundBucket, inboundPrefix }: Pick<Config, 'inboundBucket' | 'inboundPrefix'>,
  messageId: string,
): { Bucket: string; Key: string } {
  if (!inboundBucket) throw new ConfigError('setting INBOUND_BUCKET is missing');
  if (!inboundPrefix) throw new ConfigError('setting INBOUND_PREFIX is missing');
  return { Bucket: inboundBucket, Key: `${inboundPrefix}${messageId}` };
}

export function s3Inbound(s3: Pick<S3Client, 'send'>, settings: Pick<Config, 'inboundBucket' | 'inboundPrefix'>): InboundPort {
  return {
    async get(messageId) {
      const object = await s3.send(new GetObjectCommand(inboundObject(settings, messageId)));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
  };
}
