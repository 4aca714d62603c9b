// The settings the runtime sets itself (the README's second settings table): the local runtime
// (infra/local/stack.ts), the CDK stack's bind* helpers (infra/cdk/constructs/functions.ts) or Lambda.
// Nobody sets them by hand; they are in the schema so that they are read, checked and documented
// like the rest. Part of the one settings schema (schema.ts).
import { ALL, AWS, LOCAL, optional, required } from './meta.ts';
import { httpUrl, keyPrefix, oneOf, text } from './types.ts';

export const SET_BY_RUNTIME = {
  region: required(text, {
    env: 'AWS_REGION',
    fallbackEnv: 'AWS_DEFAULT_REGION',
    description: 'the AWS region of the SDK clients',
    localDefault: 'eu-west-1',
    setBy: 'Lambda (AWS); the local runtime: `eu-west-1` unless set',
    runtimes: ALL,
    example: 'eu-west-1',
  }),
  tableName: required(text, {
    env: 'TABLE_NAME',
    description: 'the DynamoDB table',
    setBy: 'the CDK stack (`bindTable`); the local runtime: `optout`',
    runtimes: ALL,
    example: 'optout',
  }),
  dynamoEndpoint: optional(httpUrl, {
    env: 'DYNAMODB_ENDPOINT',
    description: 'the local DynamoDB (dynalite); unset on AWS',
    setBy: 'the local runtime',
    runtimes: LOCAL,
    example: 'http://127.0.0.1:8000',
  }),
  sesEndpoint: optional(httpUrl, {
    env: 'SES_ENDPOINT',
    description: 'the SES emulator (its own, or `OPTOUT_SES_ENDPOINT`); unset on AWS and in personal mode',
    setBy: 'the local runtime',
    runtimes: ['local'],
    example: 'http://127.0.0.1:8005',
  }),
  mode: optional(oneOf('personal'), {
    env: 'OPTOUT_MODE',
    description: "`personal` when `<data folder>/personal.json` exists: letters are the person's own, in the first person",
    setBy: 'the local runtime (`personal.json`)',
    runtimes: ['personal'],
    example: 'personal',
  }),
  fromName: optional(text, {
    env: 'OPTOUT_FROM_NAME',
    description: "display name of the From address: the person's name",
    setBy: 'the local runtime (`personal.json`)',
    runtimes: ['personal'],
    example: 'Erika Mustermann',
  }),
  evidenceBucket: optional(text, {
    env: 'EVIDENCE_BUCKET',
    description: 'the S3 bucket of letters, replies and screenshots',
    setBy: 'the CDK stack (`bindEvidence`)',
    runtimes: AWS,
    example: 'optout-evidence',
  }),
  inboundBucket: optional(text, {
    env: 'INBOUND_BUCKET',
    description: 'the S3 bucket SES stores inbound mail in (the mail-in function)',
    setBy: 'the CDK stack (`bindInbound`)',
    runtimes: AWS,
    example: 'optout-inbound',
  }),
  inboundPrefix: optional(keyPrefix, {
    env: 'INBOUND_PREFIX',
    description: "the key prefix of SES's stored messages (`<prefix><message id>`)",
    setBy: 'the CDK stack (`bindInbound`)',
    runtimes: AWS,
    example: 'inbound/',
  }),
  sessionKeyId: optional(text, {
    env: 'SESSION_KEY_ID',
    description: 'the KMS key that seals provider sessions (locally a key file in the data folder)',
    setBy: 'the CDK stack (`bindSessionKey`)',
    runtimes: AWS,
    example: 'arn:aws:kms:eu-west-1:123456789012:key/0f0e0d0c-0b0a-0908-0706-050403020100',
  }),
  signingSecretArn: optional(text, {
    env: 'SIGNING_SECRET_ARN',
    description: 'the secret that signs verification and status links (locally a key file in the data folder)',
    setBy: 'the CDK stack (`bindSigningSecret`)',
    runtimes: AWS,
    example: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SigningSecret-AbCdEf',
  }),
  configurationSet: optional(text, {
    env: 'SES_CONFIGURATION_SET',
    description: "SES's configuration set for every mail (bounce and send events)",
    setBy: 'the CDK stack (`bindMail`)',
    runtimes: AWS,
    example: 'optout-mail',
  }),
  stateMachineArn: optional(text, {
    env: 'STATE_MACHINE_ARN',
    description: 'the workflow the web function starts and stops (locally the in-process runner)',
    setBy: 'the CDK stack (`bindStateMachine`)',
    runtimes: AWS,
    example: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Workflow',
  }),
  nodeEnv: optional(text, {
    env: 'NODE_ENV',
    description: '`production` refuses the test-only origin override',
    setBy: 'the CDK stack (`production`)',
    runtimes: AWS,
    example: 'production',
  }),
};
