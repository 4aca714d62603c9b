// The project's one way to declare a Lambda function: runtime, architecture, bundling, tracing, logs
// and source maps are set here, and `bind*` helpers set a setting's environment variable and grant
// exactly the actions the code behind it calls, in one step.
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Duration, RemovalPolicy, type Size, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../../functions/data/schema.ts';

export const REPO_ROOT: string = fileURLToPath(new URL('../../../', import.meta.url));

/** Entry files, resolved from this module so the app works from any working directory. */
export const ENTRIES = {
  workflowTasks: fileURLToPath(new URL('../../../functions/handlers/workflow-tasks.ts', import.meta.url)),
  browserTask: fileURLToPath(new URL('../../../functions/handlers/browser-task.ts', import.meta.url)),
  http: fileURLToPath(new URL('../../../functions/handlers/http-lambda.ts', import.meta.url)),
  mailIn: fileURLToPath(new URL('../../../functions/handlers/mail-in-lambda.ts', import.meta.url)),
  browserJobs: fileURLToPath(new URL('../../../functions/handlers/browser-jobs.ts', import.meta.url)),
  digests: fileURLToPath(new URL('../../../functions/handlers/digests.ts', import.meta.url)),
} as const;

/**
 * Where the bundle sits inside the deployment package. The bundled code still resolves data files
 * from `import.meta.url` the way each source module does from its own folder, and those modules sit
 * at different depths; three levels deep, every one of them lands inside the package (see RUNTIME_FILES).
 */
export const BUNDLE_DIR = 'app/functions/handlers';

/** Data files read at run time, copied to where the bundled code looks for them. */
const RUNTIME_FILES: { source: string; target: string; why: string }[] = [
  { source: 'templates', target: posix.join(BUNDLE_DIR, '../../templates'), why: 'functions/core/templates.ts reads ../../templates' },
  { source: 'providers', target: posix.join(BUNDLE_DIR, '../../../providers'), why: 'functions/core/providers/catalog.ts reads ../../../providers/' },
  {
    source: 'functions/core/authorities/authorities.json',
    target: posix.join(BUNDLE_DIR, 'authorities.json'),
    why: 'functions/core/authorities reads ./authorities.json',
  },
  { source: 'functions/core/authorities/extra.json', target: posix.join(BUNDLE_DIR, 'extra.json'), why: 'functions/core/authorities reads ./extra.json' },
  {
    source: 'functions/core/providers/companies.json',
    target: posix.join(BUNDLE_DIR, 'companies.json'),
    why: 'functions/core/providers/companies-file.ts reads ./companies.json (the long tail, on first use)',
  },
  ...['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((font) => ({
    source: `node_modules/dejavu-fonts-ttf/ttf/${font}`,
    target: posix.join(BUNDLE_DIR, `../../node_modules/dejavu-fonts-ttf/ttf/${font}`),
    why: 'functions/adapters/pdf.ts reads the font from ../../node_modules/dejavu-fonts-ttf/ttf/ when the package is not installed',
  })),
];

/**
 * One set of esbuild settings for the deployed functions and the bundle test (test/infra/bundle.test.ts).
 * ESM output; the banner gives bundled CommonJS dependencies the `require`, `__filename` and
 * `__dirname` they expect (an ES module has none of them).
 */
export const BUNDLE_SETTINGS = {
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: [
    "import { createRequire as __optoutCreateRequire } from 'node:module';",
    "import { fileURLToPath as __optoutFileURLToPath } from 'node:url';",
    'const require = __optoutCreateRequire(import.meta.url);',
    'const __filename = __optoutFileURLToPath(import.meta.url);',
    "const __dirname = __optoutFileURLToPath(new URL('.', import.meta.url));",
  ].join(' '),
  minify: true,
  keepNames: true,
  sourcemap: true,
  sourcesContent: false,
} as const;

/** Shell commands that move the bundle into BUNDLE_DIR and copy RUNTIME_FILES next to it. */
export function layoutCommands(inputDir: string, outputDir: string): string[] {
  const out = (p: string) => posix.join(outputDir, p);
  const commands = [`mkdir -p "${out(BUNDLE_DIR)}"`, `mv "${out('index.mjs')}" "${out('index.mjs.map')}" "${out(BUNDLE_DIR)}/"`];
  for (const file of RUNTIME_FILES) {
    commands.push(`mkdir -p "${posix.dirname(out(file.target))}"`, `cp -R "${posix.join(inputDir, file.source)}" "${out(file.target)}"`);
  }
  return commands;
}

const LAYOUT_HOOKS: nodejs.ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir, outputDir) => layoutCommands(inputDir, outputDir),
};

export interface ProjectFunctionProps {
  /** Absolute path of the entry file (one of ENTRIES). */
  entry: string;
  /** The named export Lambda calls. */
  exportName: string;
  description: string;
  /** Settings every function reads (functions/adapters/config.ts); binding-specific ones come from bind*. */
  environment: Record<string, string>;
  /** Encrypts the function's log group. */
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  ephemeralStorage?: Size;
  /** Chromium ships x86_64 only in this setup; everything else runs on Graviton. */
  architecture?: lambda.Architecture;
  /** Packages installed into the function's node_modules instead of bundled (native files, binaries). */
  nodeModules?: string[];
  /** Asynchronous invocations that still fail after Lambda's retries land here (DeadLetterConfig). */
  deadLetterQueue?: sqs.IQueue;
}

export type TableAccess = 'read' | 'readWrite';

/** The DynamoDB calls functions/data/store.ts makes: no Scan, no batch or transaction APIs. */
const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};

export interface MailSending {
  identityArn: string;
  configurationSetArn: string;
  configurationSetName: string;
  /** Sandbox only: verified recipient identity ARNs (SES checks them in the sandbox). */
  sandboxRecipientArns: string[];
}

export class ProjectFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole, whose log permissions cover every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${id}: ${props.description}`.slice(0, 1000),
    });
    iam.Grant.addToPrincipal({
      grantee: this.role,
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resourceArns: [this.logGroup.logGroupArn],
    });

    const installed = props.nodeModules ?? [];
    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: `${BUNDLE_DIR}/index.${props.exportName}`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: props.architecture ?? lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      ephemeralStorageSize: props.ephemeralStorage,
      deadLetterQueue: props.deadLetterQueue,
      role: this.role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: REPO_ROOT,
      depsLockFilePath: posix.join(REPO_ROOT, 'package-lock.json'),
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        target: BUNDLE_SETTINGS.target,
        format: nodejs.OutputFormat.ESM,
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        banner: BUNDLE_SETTINGS.banner,
        minify: BUNDLE_SETTINGS.minify,
        keepNames: BUNDLE_SETTINGS.keepNames,
        sourceMap: BUNDLE_SETTINGS.sourcemap,
        sourcesContent: BUNDLE_SETTINGS.sourcesContent,
        // The SDK version is pinned by our lock file, not by whatever the runtime ships.
        bundleAwsSDK: true,
        externalModules: installed,
        nodeModules: installed.length > 0 ? installed : undefined,
        commandHooks: LAYOUT_HOOKS,
      },
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'Pinned to nodejs22.x, the Node version the project is built and tested for (esbuild target node22); moved deliberately, not by a synth.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Tracing is Active: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so AWS requires "*".',
      },
    );
  }

  get functionArn(): string {
    return this.fn.functionArn;
  }

  /** TABLE_NAME, and exactly the item and query calls of `access` on the table and GSI1. */
  bindTable(table: dynamodb.ITableV2, access: TableAccess): this {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    iam.Grant.addToPrincipal({
      grantee: this.role,
      actions: TABLE_ACTIONS[access],
      resourceArns: [table.tableArn, `${table.tableArn}/index/${TABLE_KEYS.gsi1.indexName}`],
    });
    return this;
  }

  /** EVIDENCE_BUCKET; objects are encrypted with the AWS managed S3 key, which needs no key grant. */
  bindEvidence(bucket: s3.IBucket, access: 'write' | 'readWrite'): this {
    this.fn.addEnvironment('EVIDENCE_BUCKET', bucket.bucketName);
    const actions = access === 'write' ? ['s3:PutObject'] : ['s3:GetObject', 's3:PutObject'];
    iam.Grant.addToPrincipal({ grantee: this.role, actions, resourceArns: [bucket.arnForObjects('*')] });
    Validations.of(this.role).acknowledge({
      id: objectWildcardFinding(bucket, '*'),
      reason: 'Evidence object keys contain submission and request ids created at run time; only Get/PutObject are granted.',
    });
    return this;
  }

  /** INBOUND_BUCKET (+ INBOUND_PREFIX): read the raw messages SES stored under `prefix`. */
  bindInbound(bucket: s3.IBucket, prefix: string): this {
    this.fn.addEnvironment('INBOUND_BUCKET', bucket.bucketName);
    this.fn.addEnvironment('INBOUND_PREFIX', prefix);
    iam.Grant.addToPrincipal({ grantee: this.role, actions: ['s3:GetObject'], resourceArns: [bucket.arnForObjects(`${prefix}*`)] });
    Validations.of(this.role).acknowledge({
      id: objectWildcardFinding(bucket, `${prefix}*`),
      reason: 'SES names each stored message after its message id, known only at run time; reads are limited to the inbound prefix.',
    });
    return this;
  }

  /** SES_CONFIGURATION_SET, and ses:SendEmail for the sending identity with that configuration set only. */
  bindMail(mail: MailSending): this {
    this.fn.addEnvironment('SES_CONFIGURATION_SET', mail.configurationSetName);
    iam.Grant.addToPrincipal({
      grantee: this.role,
      actions: ['ses:SendEmail'],
      resourceArns: [mail.identityArn, mail.configurationSetArn, ...mail.sandboxRecipientArns],
    });
    return this;
  }

  /** SIGNING_SECRET_ARN: reads the key that signs verification and status links. */
  bindSigningSecret(secret: secretsmanager.ISecret): this {
    this.fn.addEnvironment('SIGNING_SECRET_ARN', secret.secretArn);
    iam.Grant.addToPrincipal({ grantee: this.role, actions: ['secretsmanager:GetSecretValue'], resourceArns: [secret.secretArn] });
    return this;
  }

  /** SESSION_KEY_ID: seal sessions (new data keys) or open them (decrypt), never both unless asked. */
  bindSessionKey(key: kms.IKey, use: 'seal' | 'open'): this {
    this.fn.addEnvironment('SESSION_KEY_ID', key.keyArn);
    key.grant(this.role, use === 'seal' ? 'kms:GenerateDataKey' : 'kms:Decrypt');
    return this;
  }

  /** STATE_MACHINE_ARN: may start executions, nothing else. */
  bindStateMachine(stateMachine: sfn.IStateMachine): this {
    this.fn.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(this.role);
    return this;
  }

  /**
   * The person's download and deletion of their own data (functions/app/personal-data.ts): read,
   * list and delete (every version: the bucket is versioned) the objects under `folders`, nothing
   * else of the bucket; listing is limited to those prefixes by condition.
   */
  bindEvidenceErasure(bucket: s3.IBucket, folders: readonly string[]): this {
    this.fn.addEnvironment('EVIDENCE_BUCKET', bucket.bucketName);
    const objects = folders.map((folder) => bucket.arnForObjects(`${folder}/*`));
    iam.Grant.addToPrincipal({ grantee: this.role, actions: ['s3:GetObject', 's3:DeleteObject', 's3:DeleteObjectVersion'], resourceArns: objects });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket', 's3:ListBucketVersions'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': folders.map((folder) => `${folder}/*`) } },
      }),
    );
    for (const folder of folders) {
      Validations.of(this.role).acknowledge({
        id: objectWildcardFinding(bucket, `${folder}/*`),
        reason: `Evidence keys under ${folder}/ contain the submission id, known at run time; the person's download and deletion read and delete only there.`,
      });
    }
    return this;
  }

  /** May stop executions of this state machine (the person deleted their data), nothing else. */
  bindExecutionStop(stateMachine: sfn.StateMachine): this {
    stateMachine.grantExecution(this.role, 'states:StopExecution');
    Validations.of(this.role).acknowledge({
      id: executionWildcardFinding(stateMachine),
      reason: 'Execution names derive from submission ids created at run time; StopExecution is granted on executions of this one state machine only.',
    });
    return this;
  }
}

/** cdk-nag's finding id for a grant on every execution of `stateMachine` (as grantExecution writes it). */
export function executionWildcardFinding(stateMachine: sfn.StateMachine): string {
  const logicalId = Stack.of(stateMachine).getLogicalId(stateMachine.node.defaultChild as CfnElement);
  return `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId}"}]}]}:*]`;
}

/** cdk-nag's finding id for a grant on `<bucket ARN>/<suffix>` (acknowledgements name findings exactly). */
function objectWildcardFinding(bucket: s3.IBucket, suffix: string): string {
  const logicalId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${suffix}]`;
}

/** The ARN of an SES identity (domain or address) in this stack's account and region. */
export function sesIdentityArn(scope: Construct, identity: string): string {
  return Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
}
