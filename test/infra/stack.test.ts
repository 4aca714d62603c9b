// The synthesized stack: per-function IAM, the stores' protection, SES, the workflow, logs, alarms,
// outputs, and cdk-nag's AWS Solutions checks with every acknowledgement justified and still needed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { loadConfig } from '../../functions/adapters/config.ts';
import { RUNTIME_SETTINGS } from '../../functions/settings/schema.ts';
import { TABLE_KEYS } from '../../functions/data/schema.ts';
import { FAILURE_STATES } from '../../infra/cdk/asl.ts';
import { buildApp } from '../../infra/cdk/stack.ts';
import { executionWildcardFinding } from '../../infra/cdk/constructs/functions.ts';
import { actionsOf, CDK_JSON_CONTEXT, type Cfn, logicalIdOf, outdir, REQUIRED_CONTEXT, statementsOf, synth } from './support.ts';

const { stack, template } = synth();

const BASE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const READ = ['dynamodb:GetItem', 'dynamodb:Query'];
const READ_WRITE = [...READ, 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const MAIL = ['secretsmanager:GetSecretValue', 'ses:SendEmail'];

/** Exactly what each function may do: what its code calls, nothing more. */
const EXPECTED_ACTIONS: Record<string, string[]> = {
  PlanRequests: [...BASE, ...READ_WRITE],
  ChooseChannel: [...BASE, ...READ_WRITE, ...MAIL],
  SendLetter: [...BASE, ...READ_WRITE, ...MAIL, 's3:PutObject'],
  ApplyInBrowser: [...BASE, ...READ_WRITE, ...MAIL, 's3:PutObject', 'kms:Decrypt'],
  BrowserFailed: [...BASE, ...READ_WRITE, ...MAIL],
  SendSummary: [...BASE, ...READ_WRITE, ...MAIL],
  // One follow-up turn: reminder, final notice, or the complaint draft with the evidence attached.
  FollowUp: [...BASE, ...READ_WRITE, ...MAIL, 's3:GetObject', 's3:PutObject'],
  DispatchFailed: [...BASE, ...READ_WRITE, ...MAIL],
  FollowUpFailed: [...BASE, ...READ_WRITE, ...MAIL],
  // The person's download and deletion of their data: evidence under their folders, and StopExecution.
  Http: [
    ...BASE,
    ...READ_WRITE,
    ...MAIL,
    'kms:GenerateDataKey',
    'states:StartExecution',
    'states:StopExecution',
    's3:GetObject',
    's3:DeleteObject',
    's3:DeleteObjectVersion',
    's3:ListBucket',
    's3:ListBucketVersions',
  ],
  // sqs:SendMessage: Lambda puts a failed asynchronous invocation into the dead-letter queue as the function.
  MailIn: [...BASE, ...READ_WRITE, ...MAIL, 's3:GetObject', 's3:PutObject', 'sqs:SendMessage'],
  MailEvents: [...BASE, ...READ_WRITE, ...MAIL, 'sqs:SendMessage'],
  BrowserJobs: [...BASE, ...READ_WRITE, ...MAIL, 's3:PutObject', 'kms:Decrypt'],
  // The daily status digests: no browser, no evidence.
  Digests: [...BASE, ...READ_WRITE, ...MAIL],
};

const ref = (type: string, prefix: string) => logicalIdOf(template, type, prefix);
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const statementWith = (name: string, action: string): Cfn => {
  const found = statementsOf(template, name).filter((s: Cfn) => [s.Action].flat().includes(action));
  expect(found, `${name} has one statement with ${action}`).toHaveLength(1);
  return found[0];
};

describe('IAM, per function', () => {
  it('creates exactly the functions listed here, one role each', () => {
    expect(Object.keys(stack.functions).sort()).toEqual(Object.keys(EXPECTED_ACTIONS).sort());
    expect(template.findResources('AWS::Lambda::Function')).toSatisfy((fns: object) => Object.keys(fns).length === Object.keys(EXPECTED_ACTIONS).length);
  });

  for (const [name, expected] of Object.entries(EXPECTED_ACTIONS)) {
    it(`${name} may do exactly ${expected.length} things`, () => {
      expect(actionsOf(statementsOf(template, name))).toEqual([...expected].sort());
    });
  }

  it('uses no managed policies (AWSLambdaBasicExecutionRole would allow every log group)', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect((role as Cfn).Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('grants table access on the table and GSI1 only, never Scan', () => {
    const table = ref('AWS::DynamoDB::GlobalTable', 'StorageTable');
    const statement = statementWith('FollowUp', 'dynamodb:Query');
    expect(statement.Resource).toEqual([arnOf(table), { 'Fn::Join': ['', [arnOf(table), `/index/${TABLE_KEYS.gsi1.indexName}`]] }]);
    for (const name of Object.keys(EXPECTED_ACTIONS)) expect(actionsOf(statementsOf(template, name))).not.toContain('dynamodb:Scan');
  });

  it('lets ses:SendEmail use the sending identity with the configuration set, nothing else', () => {
    const statement = statementWith('SendLetter', 'ses:SendEmail');
    const resources = JSON.stringify(statement.Resource);
    expect(statement.Resource).toHaveLength(2);
    expect(resources).toContain(':identity/');
    expect(resources).toContain(ref('AWS::SES::EmailIdentity', 'MailSendingDomain'));
    expect(resources).toContain(':configuration-set/');
    expect(resources).toContain(ref('AWS::SES::ConfigurationSet', 'MailConfigurationSet'));
  });

  it('adds verified sandbox recipients to the SendEmail resources only when asked', () => {
    const sandbox = synth({ sandboxRecipients: 'me@example.net,You@Example.com' });
    const statement = statementsOf(sandbox.template, 'SendSummary').find((s: Cfn) => s.Action === 'ses:SendEmail');
    const resources = JSON.stringify(statement.Resource);
    expect(statement.Resource).toHaveLength(4);
    expect(resources).toContain(':identity/me@example.net');
    expect(resources).toContain(':identity/you@example.com');
  });

  it('seals sessions in the HTTP function and opens them only in the browser functions', () => {
    const key = ref('AWS::KMS::Key', 'SessionKey');
    expect(statementWith('Http', 'kms:GenerateDataKey').Resource).toEqual(arnOf(key));
    expect(statementWith('ApplyInBrowser', 'kms:Decrypt').Resource).toEqual(arnOf(key));
    expect(statementWith('BrowserJobs', 'kms:Decrypt').Resource).toEqual(arnOf(key));
    const openers = Object.keys(EXPECTED_ACTIONS).filter((n) => actionsOf(statementsOf(template, n)).includes('kms:Decrypt'));
    expect(openers.sort()).toEqual(['ApplyInBrowser', 'BrowserJobs']);
  });

  it('lets only the HTTP function start executions, of this state machine', () => {
    const machine = ref('AWS::StepFunctions::StateMachine', 'WorkflowStateMachine');
    expect(statementWith('Http', 'states:StartExecution').Resource).toEqual({ Ref: machine });
    const starters = Object.keys(EXPECTED_ACTIONS).filter((n) => actionsOf(statementsOf(template, n)).includes('states:StartExecution'));
    expect(starters).toEqual(['Http']);
  });

  it("lets the HTTP function read, list and delete only the person's evidence folders, and stop only this machine's executions", () => {
    const evidence = ref('AWS::S3::Bucket', 'StorageEvidence');
    const folders = ['letters', 'replies', 'screenshots'].map((folder) => ({ 'Fn::Join': ['', [arnOf(evidence), `/${folder}/*`]] }));
    for (const action of ['s3:GetObject', 's3:DeleteObject', 's3:DeleteObjectVersion']) expect(statementWith('Http', action).Resource).toEqual(folders);
    const list = statementWith('Http', 's3:ListBucketVersions');
    expect(list.Resource).toEqual(arnOf(evidence));
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['letters/*', 'replies/*', 'screenshots/*'] } });
    const machine = ref('AWS::StepFunctions::StateMachine', 'WorkflowStateMachine');
    expect(JSON.stringify(statementWith('Http', 'states:StopExecution').Resource)).toContain(`:execution:`);
    expect(JSON.stringify(statementWith('Http', 'states:StopExecution').Resource)).toContain(machine);
    const stoppers = Object.keys(EXPECTED_ACTIONS).filter((n) => actionsOf(statementsOf(template, n)).includes('states:StopExecution'));
    expect(stoppers).toEqual(['Http']);
    const http = template.findResources('AWS::Lambda::Function')[ref('AWS::Lambda::Function', 'HttpFunction')] as Cfn;
    expect(http.Properties.Environment.Variables.EVIDENCE_BUCKET).toEqual({ Ref: evidence });
  });

  it('reads inbound mail only under inbound/ and writes evidence objects only', () => {
    const inbound = ref('AWS::S3::Bucket', 'StorageInbound');
    const evidence = ref('AWS::S3::Bucket', 'StorageEvidence');
    expect(statementWith('MailIn', 's3:GetObject').Resource).toEqual({ 'Fn::Join': ['', [arnOf(inbound), '/inbound/*']] });
    expect(statementWith('MailIn', 's3:PutObject').Resource).toEqual({ 'Fn::Join': ['', [arnOf(evidence), '/*']] });
  });

  it('uses Resource "*" only where AWS allows nothing narrower (X-Ray, Step Functions log delivery)', () => {
    const allowedWithStar = new Set([
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
      'logs:CreateLogDelivery',
      'logs:GetLogDelivery',
      'logs:UpdateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:DescribeResourcePolicies',
      'logs:DescribeLogGroups',
    ]);
    const offenders: string[] = [];
    for (const [id, policy] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
      for (const statement of (policy as Cfn).Properties.PolicyDocument.Statement) {
        const resources = [statement.Resource].flat();
        const actions: string[] = [statement.Action].flat();
        if (actions.some((a) => a.includes('*'))) offenders.push(`${id}: wildcard action ${actions.join(',')}`);
        if (resources.includes('*')) offenders.push(...actions.filter((a) => !allowedWithStar.has(a)).map((a) => `${id}: ${a} on *`));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('lets the state machine invoke exactly its task functions, unqualified ARNs only', () => {
    const statement = statementsOf(template, 'WorkflowStateMachine').find((s: Cfn) => s.Action === 'lambda:InvokeFunction');
    const expected = Object.keys(stack.taskFunctions).map((name) => arnOf(ref('AWS::Lambda::Function', `${name}Function`)));
    expect(statement.Resource).toEqual(expected);
  });
});

describe('data stores', () => {
  it('builds the table from functions/data/schema.ts with PITR, TTL, encryption and deletion protection', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE_KEYS.gsi1.indexName,
            KeySchema: [
              { AttributeName: TABLE_KEYS.gsi1.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE_KEYS.gsi1.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  it('encrypts, blocks public access to, expires and retains every bucket', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const [id, bucket] of Object.entries(buckets) as [string, Cfn][]) {
      expect(bucket.DeletionPolicy, id).toBe('Retain');
      const sse = bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm;
      expect(['aws:kms', 'AES256'], id).toContain(sse);
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays, id).toBe(730);
    }
    const evidence = buckets[ref('AWS::S3::Bucket', 'StorageEvidence')] as Cfn;
    expect(evidence.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' },
    });
    expect(evidence.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(evidence.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: ref('AWS::S3::Bucket', 'StorageAccessLogs') });
  });

  it('denies plain-HTTP requests on every bucket', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Cfn[];
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('follows the retention setting', () => {
    const short = synth({ retentionDays: '120' }).template;
    for (const bucket of Object.values(short.findResources('AWS::S3::Bucket')) as Cfn[]) {
      expect(bucket.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(120);
    }
  });

  it('rotates and retains the session key; the signing secret is generated and retained', () => {
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ EnableKeyRotation: true, Description: Match.stringLikeRegexp('sessions') }),
    });
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } }),
    });
    for (const key of Object.values(template.findResources('AWS::KMS::Key')) as Cfn[]) expect(key.Properties.EnableKeyRotation).toBe(true);
  });
});

describe('mail', () => {
  it('verifies the sending domain with Easy DKIM (2048-bit) and the configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: ref('AWS::SES::ConfigurationSet', 'MailConfigurationSet') } },
    });
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
  });

  it('stores inbound mail under inbound/ first, then invokes the mail-in function asynchronously', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Enabled: true,
        Recipients: ['in.example.org'],
        ScanEnabled: true,
        TlsPolicy: 'Optional',
        Actions: [
          { S3Action: { BucketName: { Ref: ref('AWS::S3::Bucket', 'StorageInbound') }, ObjectKeyPrefix: 'inbound/' } },
          { LambdaAction: { FunctionArn: arnOf(ref('AWS::Lambda::Function', 'MailInFunction')), InvocationType: 'Event' } },
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'ses.amazonaws.com',
      FunctionName: arnOf(ref('AWS::Lambda::Function', 'MailInFunction')),
    });
    const inboundPolicy = (Object.values(template.findResources('AWS::S3::BucketPolicy')) as Cfn[]).find(
      (p) => p.Properties.Bucket.Ref === ref('AWS::S3::Bucket', 'StorageInbound'),
    );
    expect(inboundPolicy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Action: 's3:PutObject', Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' } }),
    );
  });

  it("publishes SES bounces and sends of the configuration set's letters to the default bus, and routes them to MailEvents", () => {
    const configurationSet = { Ref: ref('AWS::SES::ConfigurationSet', 'MailConfigurationSet') };
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: configurationSet,
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'send'],
        EventBridgeDestination: { EventBusArn: { 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] } },
      },
    });
    const mailEvents = ref('AWS::Lambda::Function', 'MailEventsFunction');
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': ['Email Bounced', 'Email Sent'],
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSet] } } },
      },
      Targets: [Match.objectLike({ Arn: arnOf(mailEvents), RetryPolicy: { MaximumRetryAttempts: 4 } })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'app/functions/handlers/index.sesEvent' });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: arnOf(mailEvents),
    });
  });

  it('verifies an inbound domain outside the sending domain separately and lists its DKIM records', () => {
    const other = synth({ inboundDomain: 'replies.example.net' });
    other.template.resourceCountIs('AWS::SES::EmailIdentity', 2);
    other.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'replies.example.net' });
    expect(Object.keys(other.template.findOutputs('*')).filter((k) => k.startsWith('DnsRecord'))).toHaveLength(7);
  });
});

describe('workflow', () => {
  it('is a Standard state machine from the ASL file, logging ALL to an encrypted log group, traced', () => {
    const logGroup = ref('AWS::Logs::LogGroup', 'WorkflowLogs');
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: arnOf(logGroup) } }],
        IncludeExecutionData: true,
        Level: 'ALL',
      },
      DefinitionS3Location: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 30 });
  });

  it('alarms on failed and timed-out executions and on every function error, to the topic', () => {
    const topic = { Ref: ref('AWS::SNS::Topic', 'AlarmsTopic') };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Cfn[];
    const metrics = alarms.map((a) => `${a.Properties.Namespace}/${a.Properties.MetricName}`).sort();
    expect(metrics.filter((m) => m.startsWith('AWS/States'))).toEqual(['AWS/States/ExecutionsFailed', 'AWS/States/ExecutionsTimedOut']);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(Object.keys(EXPECTED_ACTIONS).length);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    synth({ alarmEmail: 'ops@example.org' }).template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });
});

describe('failure isolation', () => {
  const deadLetters = () => ref('AWS::SQS::Queue', 'MailDeadLetters');

  it('counts entries into the failure states of the workflow log and alarms on them, to the topic', () => {
    const logGroup = { Ref: ref('AWS::Logs::LogGroup', 'WorkflowLogs') };
    const filters = Object.values(template.findResources('AWS::Logs::MetricFilter')) as Cfn[];
    expect(filters).toHaveLength(2);
    const topic = { Ref: ref('AWS::SNS::Topic', 'AlarmsTopic') };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Cfn[];
    for (const [metric, type, states] of [
      ['RequestsFailed', 'TaskStateEntered', FAILURE_STATES.requestFailed],
      ['RequestFailuresUnrecorded', 'PassStateEntered', FAILURE_STATES.unrecorded],
    ] as const) {
      const filter = filters.find((f) => f.Properties.MetricTransformations[0].MetricName === metric);
      expect(filter, metric).toBeDefined();
      expect(filter.Properties.LogGroupName).toEqual(logGroup);
      expect(filter.Properties.MetricTransformations[0]).toMatchObject({ MetricNamespace: 'Optout/OptoutAutopilot', MetricValue: '1' });
      // Step Functions logs each state entered as {"type": "<Type>StateEntered", "details": {"name": ...}}.
      const pattern: string = filter.Properties.FilterPattern;
      expect(pattern).toContain(`($.type = "${type}")`);
      for (const state of states) expect(pattern).toContain(`($.details.name = "${state}")`);
      const alarm = alarms.find((a) => a.Properties.MetricName === metric);
      expect(alarm?.Properties).toMatchObject({
        Namespace: 'Optout/OptoutAutopilot',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [topic],
      });
    }
  });

  it('names failure states that exist in the ASL, of the type the filters look for', () => {
    const states: Record<string, Cfn> = {};
    const walk = (machine: Cfn) => {
      for (const [name, state] of Object.entries<Cfn>(machine.States ?? {})) {
        states[name] = state;
        if (state.ItemProcessor) walk(state.ItemProcessor);
      }
    };
    walk(JSON.parse(readFileSync(new URL('../../workflows/submission.asl.json', import.meta.url), 'utf8')));
    for (const name of FAILURE_STATES.requestFailed) expect(states[name]?.Type, name).toBe('Task');
    for (const name of FAILURE_STATES.unrecorded) expect(states[name]?.Type, name).toBe('Pass');
  });

  it('keeps failed inbound mail and SES events in an encrypted, SSL-only dead-letter queue for 14 days, with an alarm', () => {
    template.resourceCountIs('AWS::SQS::Queue', 1);
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: deadLetters() }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
    const alarm = (Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Cfn[]).filter(
      (a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    expect(alarm).toHaveLength(1);
    expect(alarm[0].Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetters(), 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('sends mail-in and MailEvents invocations that still fail after 2 retries to that queue', () => {
    for (const name of ['MailIn', 'MailEvents']) {
      const fn = ref('AWS::Lambda::Function', `${name}Function`);
      expect((template.findResources('AWS::Lambda::Function')[fn] as Cfn).Properties.DeadLetterConfig).toEqual({ TargetArn: arnOf(deadLetters()) });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: fn }, MaximumRetryAttempts: 2 });
      expect(statementWith(name, 'sqs:SendMessage').Resource).toEqual(arnOf(deadLetters()));
    }
    const withDlq = Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Cfn>).filter((f) => f.Properties.DeadLetterConfig);
    expect(withDlq).toHaveLength(2);
  });

  it('sends SES events that EventBridge cannot deliver to MailEvents to the same queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.ses'] }),
      Targets: [
        Match.objectLike({
          Arn: arnOf(ref('AWS::Lambda::Function', 'MailEventsFunction')),
          RetryPolicy: { MaximumRetryAttempts: 4 },
          DeadLetterConfig: { Arn: arnOf(deadLetters()) },
        }),
      ],
    });
    // EventBridge may write to the queue, for this rule only.
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': arnOf(ref('AWS::Events::Rule', 'MailBounceEvents')) } },
          }),
        ]),
      },
    });
  });
});

describe('functions', () => {
  const functions = template.findResources('AWS::Lambda::Function') as Record<string, Cfn>;
  const byName = (name: string) => functions[ref('AWS::Lambda::Function', `${name}Function`)];
  const api = ref('AWS::ApiGatewayV2::Api', 'Api');

  it('run nodejs22.x, traced, with their own encrypted 30-day log group and the full configuration', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup') as Record<string, Cfn>;
    for (const [id, fn] of Object.entries(functions)) {
      const p = fn.Properties;
      expect(p.Runtime, id).toBe('nodejs22.x');
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      const group = logGroups[p.LoggingConfig.LogGroup.Ref];
      expect(group.Properties.RetentionInDays, id).toBe(30);
      expect(group.Properties.KmsKeyId, id).toBeDefined();
      expect(p.Handler, id).toMatch(/^app\/functions\/handlers\/index\.\w+$/);
      const env = p.Environment.Variables;
      expect(env, id).toMatchObject({
        NODE_ENV: 'production',
        NODE_OPTIONS: '--enable-source-maps',
        TABLE_NAME: { Ref: ref('AWS::DynamoDB::GlobalTable', 'StorageTable') },
        OPTOUT_FROM_ADDRESS: 'optout@example.org',
        OPTOUT_INBOUND_DOMAIN: 'in.example.org',
        OPTOUT_PUBLIC_URL: { 'Fn::GetAtt': [api, 'ApiEndpoint'] },
        OPTOUT_OPERATOR_NAME: 'Optout Autopilot',
        OPTOUT_RETENTION_DAYS: '730',
        OPTOUT_RECHECK_DAYS: '30',
        OPTOUT_ALLOWED_JURISDICTIONS: 'EU,EEA,GB,US-CA',
        OPTOUT_MAX_ACCOUNTS: '40',
        OPTOUT_REMINDER_GRACE_DAYS: '14',
        OPTOUT_FINAL_NOTICE_GRACE_DAYS: '7',
        OPTOUT_UNVERIFIED_HOURS: '72',
        OPTOUT_ADDRESS_MAILS_PER_DAY: '3',
        OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '10',
        OPTOUT_DAILY_VERIFICATION_MAILS: '1000',
        OPTOUT_SEND_GRACE_SECONDS: '120',
      });
    }
  });

  it('gives every function an environment its runtime configuration accepts (so none fails on start)', () => {
    for (const [id, fn] of Object.entries(functions)) {
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      // CloudFormation references resolve at deploy time: stand in the schema's example of each.
      const example = (name: string) => RUNTIME_SETTINGS.find((e) => e.meta.env === name)?.meta.example ?? `resolved-${name}`;
      const env = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : example(k)]));
      expect(() => loadConfig({ ...env, AWS_REGION: 'eu-west-1' }), id).not.toThrow();
    }
  });

  it('sets binding-specific settings only where the grant is', () => {
    expect(byName('Http').Properties.Environment.Variables).toMatchObject({
      STATE_MACHINE_ARN: { Ref: ref('AWS::StepFunctions::StateMachine', 'WorkflowStateMachine') },
      SESSION_KEY_ID: arnOf(ref('AWS::KMS::Key', 'SessionKey')),
      SIGNING_SECRET_ARN: { Ref: ref('AWS::SecretsManager::Secret', 'SigningSecret') },
      SES_CONFIGURATION_SET: { Ref: ref('AWS::SES::ConfigurationSet', 'MailConfigurationSet') },
    });
    expect(byName('MailIn').Properties.Environment.Variables).toMatchObject({
      INBOUND_BUCKET: { Ref: ref('AWS::S3::Bucket', 'StorageInbound') },
      INBOUND_PREFIX: 'inbound/',
      EVIDENCE_BUCKET: { Ref: ref('AWS::S3::Bucket', 'StorageEvidence') },
    });
    const planRequests = byName('PlanRequests').Properties.Environment.Variables;
    for (const name of ['STATE_MACHINE_ARN', 'SESSION_KEY_ID', 'SIGNING_SECRET_ARN', 'EVIDENCE_BUCKET', 'SES_CONFIGURATION_SET']) {
      expect(planRequests[name], name).toBeUndefined();
    }
  });

  it('gives the browser function x86_64, 2 GB, 1 GB /tmp and a timeout under the Task timeout', () => {
    expect(byName('ApplyInBrowser').Properties).toMatchObject({
      Architectures: ['x86_64'],
      MemorySize: 2048,
      EphemeralStorage: { Size: 1024 },
      Timeout: 290,
    });
    expect(byName('PlanRequests').Properties.Architectures).toEqual(['arm64']);
  });

  it('runs the browser jobs hourly on the same Chromium profile, with a 15-minute budget', () => {
    expect(byName('BrowserJobs').Properties).toMatchObject({ Architectures: ['x86_64'], MemorySize: 2048, Timeout: 900 });
    const rules = (
      Object.values(template.findResources('AWS::Events::Rule')) as { Properties: { ScheduleExpression?: string; Targets: { Arn: unknown }[] } }[]
    ).filter((r) => r.Properties.ScheduleExpression);
    // Two schedules: the browser jobs hourly, and the light digests function (no Chromium) every 10
    // minutes, so that a complaint draft reaches the person within minutes.
    expect(rules).toHaveLength(2);
    expect(rules.map((r) => r.Properties.ScheduleExpression).sort()).toEqual(['rate(1 hour)', 'rate(10 minutes)']);
    expect(rules.map((r) => r.Properties.Targets[0]!.Arn)).toEqual(
      expect.arrayContaining([arnOf(ref('AWS::Lambda::Function', 'BrowserJobs')), arnOf(ref('AWS::Lambda::Function', 'Digests'))]),
    );
  });

  it('sends the digests from a light arm64 function every 10 minutes, at most once per schedule', () => {
    expect(byName('Digests').Properties).toMatchObject({ Architectures: ['arm64'], Handler: 'app/functions/handlers/index.handler' });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(10 minutes)',
      Targets: [Match.objectLike({ Arn: arnOf(ref('AWS::Lambda::Function', 'DigestsFunction')), RetryPolicy: { MaximumRetryAttempts: 0 } })],
    });
  });

  it('runs the browser jobs at most once per schedule: no retry by EventBridge nor by Lambda', () => {
    const browserJobs = ref('AWS::Lambda::Function', 'BrowserJobsFunction');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Arn: arnOf(browserJobs), RetryPolicy: { MaximumRetryAttempts: 0 } })],
    });
    // The scheduled event reaches Lambda asynchronously: its own retries are off too (the handler also
    // claims each scheduled time in the table against duplicate deliveries; see test/integration/failures.test.ts).
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: browserJobs }, MaximumRetryAttempts: 0 });
  });

  it('serves everything through one $default route to the HTTP function, with access logs and throttling', () => {
    const integration = ref('AWS::ApiGatewayV2::Integration', 'ApiDefaultRouteHttpIntegration');
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      Target: Match.objectLike({ 'Fn::Join': ['', ['integrations/', { Ref: integration }]] }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: arnOf(ref('AWS::Lambda::Function', 'HttpFunction')),
      PayloadFormatVersion: '2.0',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: arnOf(ref('AWS::Logs::LogGroup', 'ApiAccessLogs')), Format: Match.anyValue() },
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
    });
  });
});

describe('outputs', () => {
  it('gives the form URL, the DNS records and the activation command', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).filter((k) => k.startsWith('DnsRecord'))).toHaveLength(4);
    expect(outputs.FormUrl!.Value).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [ref('AWS::ApiGatewayV2::Api', 'Api'), 'ApiEndpoint'] }, '/']] });
    const identity = ref('AWS::SES::EmailIdentity', 'MailSendingDomain');
    for (const i of [1, 2, 3]) {
      expect(outputs[`DnsRecord${i}`]!.Value).toEqual({
        'Fn::Join': ['', ['CNAME ', { 'Fn::GetAtt': [identity, `DkimDNSTokenName${i}`] }, ' ', { 'Fn::GetAtt': [identity, `DkimDNSTokenValue${i}`] }]],
      });
    }
    expect(JSON.stringify(outputs.DnsRecord4!.Value)).toMatch(/^.*"MX in\.example\.org 10 inbound-smtp\.".*"AWS::Region".*"\.amazonaws\.com".*$/);
    expect(JSON.stringify(outputs.ActivateReceiptRules!.Value)).toContain('aws ses set-active-receipt-rule-set --rule-set-name ');
  });
});

describe('cdk-nag AWS Solutions', () => {
  interface Ack {
    path: string;
    id: string;
    reason: string;
  }
  const acknowledgements = (): Ack[] => {
    const found: Ack[] = [];
    const walk = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
            found.push({ path: node.node.path, id: id.replace(/^annotation::/i, ''), reason });
          }
        }
      }
      node.node.children.forEach(walk);
    };
    walk(stack);
    return found;
  };

  it('reports no unacknowledged finding', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}: ${v.description}`));
    expect(findings).toEqual([]);
  });

  it('still finds problems (the check is not blind): a bare bucket fails S1 and S10', () => {
    const bucket = new s3.Bucket(new Stack(new App({ outdir: outdir() }), 'Probe'), 'BareBucket');
    const rules = new AwsSolutionsChecks().validateScope(bucket).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('is registered on the app, so a finding fails the synth', () => {
    const { app, stack: extra } = buildApp({ ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT, 'aws:cdk:bundling-stacks': [] }, outdir());
    new s3.Bucket(extra, 'BareBucket');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });

  it('gives every acknowledgement a reason that says why', () => {
    const acks = acknowledgements();
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('acknowledges only findings that exist (no stale suppressions)', () => {
    // The same pack with acknowledgements ignored: the raw findings.
    const blind = new AwsSolutionsChecks();
    Object.defineProperty(blind, 'isAcknowledged', { value: () => false });
    const unsuppressed = blind.validateScope(stack);
    const raw = unsuppressed.violations.flatMap((v) => v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath ?? '' })));
    const stale = acknowledgements().filter((ack) => !raw.some((f) => f.id === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))));
    expect(stale).toEqual([]);
    expect(new Set(raw.map((f) => f.id))).toEqual(
      new Set([
        'AwsSolutions-SMG4',
        'AwsSolutions-L1',
        'AwsSolutions-APIG4',
        'AwsSolutions-IAM5[Resource::*]',
        `AwsSolutions-IAM5[Resource::<${ref('AWS::S3::Bucket', 'StorageEvidence')}.Arn>/*]`,
        `AwsSolutions-IAM5[Resource::<${ref('AWS::S3::Bucket', 'StorageInbound')}.Arn>/inbound/*]`,
        ...['letters', 'replies', 'screenshots'].map((folder) => `AwsSolutions-IAM5[Resource::<${ref('AWS::S3::Bucket', 'StorageEvidence')}.Arn>/${folder}/*]`),
        executionWildcardFinding(stack.workflow.stateMachine),
      ]),
    );
  });
});
