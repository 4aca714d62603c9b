// The whole deployment in one stack: HTTP API, functions, workflow, table, buckets, SES, keys, alarms.
// Every Task state of the workflow file gets its own function with only the grants its code needs.
import { App, Aws, CfnOutput, Duration, RemovalPolicy, Size, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FAILURE_STATES, loadAsl, SUBMISSION_ASL, taskStates } from './asl.ts';
import { Alarms } from './constructs/alarms.ts';
import { ENTRIES, ProjectFunction, type ProjectFunctionProps, type TableAccess } from './constructs/functions.ts';
import { Mail } from './constructs/mail.ts';
import { INBOUND_PREFIX, Storage } from './constructs/storage.ts';
import { Workflow } from './constructs/workflow.ts';
import { SUBMISSION_EVIDENCE_FOLDERS } from '../../functions/adapters/evidence.ts';
import { DIGESTS_EVERY_MINUTES } from '../../functions/core/schedules.ts';
import { type DeploySettings, functionEnvironment, readSettings } from './settings.ts';

/** What a function's code touches; each entry becomes one bind* call (env var + exact grant). */
export interface Needs {
  table: TableAccess;
  evidence?: 'write' | 'readWrite';
  /** Sends mail (letters or status emails); status emails carry signed links, so it also signs. */
  mail?: boolean;
  sessions?: 'seal' | 'open';
  inbound?: boolean;
  startWorkflow?: boolean;
}

type Profile = Pick<ProjectFunctionProps, 'entry' | 'memorySize' | 'timeout' | 'ephemeralStorage' | 'architecture' | 'nodeModules' | 'deadLetterQueue'>;

const LIGHT: Profile = { entry: ENTRIES.workflowTasks };
const BROWSER: Profile = {
  entry: ENTRIES.browserTask,
  memorySize: 2048,
  // Below the ASL's TimeoutSeconds (300) so a slow page ends as a Lambda error the Catch can name.
  timeout: Duration.seconds(290),
  ephemeralStorage: Size.gibibytes(1),
  // The packaged Chromium binary used here is x86_64.
  architecture: lambda.Architecture.X86_64,
  // Installed into the function's node_modules, not bundled: Chromium finds its brotli files beside itself.
  nodeModules: ['@sparticuz/chromium', 'puppeteer-core'],
};

/**
 * One entry per Task state of the workflow. A Task missing here (or an entry without a Task) fails
 * the synth, so a new state cannot deploy without a decision about what it may touch.
 */
export const TASKS: Record<string, { profile: Profile; needs: Needs; description: string }> = {
  PlanRequests: { profile: LIGHT, needs: { table: 'readWrite' }, description: 'Creates one request per account' },
  ChooseChannel: { profile: LIGHT, needs: { table: 'readWrite', mail: true }, description: 'Picks email, browser or a hand-over' },
  SendLetter: { profile: LIGHT, needs: { table: 'readWrite', mail: true, evidence: 'write' }, description: 'Sends the first letter' },
  ApplyInBrowser: {
    profile: BROWSER,
    needs: { table: 'readWrite', mail: true, evidence: 'write', sessions: 'open' },
    description: "Runs the provider's playbook in headless Chromium",
  },
  BrowserFailed: { profile: LIGHT, needs: { table: 'readWrite', mail: true }, description: 'Records a failed browser run and falls back' },
  SendSummary: { profile: LIGHT, needs: { table: 'readWrite', mail: true }, description: 'Mails the person a summary' },
  FollowUp: {
    // A turn may draft the complaint with the evidence attached: the longest of the light tasks.
    profile: { ...LIGHT, timeout: Duration.seconds(60) },
    needs: { table: 'readWrite', mail: true, evidence: 'readWrite' },
    description: 'One follow-up turn: checks the request, sends the reminder, final notice or complaint draft when due, plans the next wait',
  },
  DispatchFailed: { profile: LIGHT, needs: { table: 'readWrite', mail: true }, description: 'Marks a request failed during dispatch and tells the person' },
  FollowUpFailed: { profile: LIGHT, needs: { table: 'readWrite', mail: true }, description: 'Marks a request failed during follow-up and tells the person' },
};

export const HTTP_NEEDS: Needs = { table: 'readWrite', mail: true, sessions: 'seal', startWorkflow: true };
export const MAIL_IN_NEEDS: Needs = { table: 'readWrite', mail: true, inbound: true, evidence: 'write' };
/** SES bounce events: finds the letter's request, hands it to the person, marks the address failing. */
export const MAIL_EVENTS_NEEDS: Needs = { table: 'readWrite', mail: true };
/** The daily status digests: reads pending changes and requests, mails the person (signed status link). */
export const DIGESTS_NEEDS: Needs = { table: 'readWrite', mail: true };
/** Re-checks and late first tries: opens sessions, runs the browser, stores screenshots, tells the person. */
export const BROWSER_JOBS_NEEDS: Needs = { table: 'readWrite', mail: true, evidence: 'write', sessions: 'open' };

const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

export interface OptoutStackProps extends StackProps {
  settings: DeploySettings;
  /** Tests point this at a fixture; the deployment always uses workflows/submission.asl.json. */
  aslFile?: string;
}

export class OptoutStack extends Stack {
  readonly functions: Record<string, ProjectFunction> = {};
  readonly taskFunctions: Record<string, ProjectFunction> = {};
  readonly workflow: Workflow;
  readonly storage: Storage;
  readonly mail: Mail;
  readonly api: apigwv2.HttpApi;

  constructor(scope: Construct, id: string, props: OptoutStackProps) {
    super(scope, id, props);
    // Set here, before any child exists, so the stack behaves the same in any app.
    for (const [flag, value] of Object.entries(FEATURE_FLAGS)) this.node.setContext(flag, value);
    const { settings } = props;
    const aslFile = props.aslFile ?? SUBMISSION_ASL;

    const opsKey = this.opsKey();
    const sessionKey = new kms.Key(this, 'SessionKey', {
      description: 'Seals provider sessions (envelope encryption of cookies)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const signingSecret = new secretsmanager.Secret(this, 'SigningSecret', {
      description: 'Signs verification and status links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the link-signing key would invalidate every status link already mailed to people; it is rotated by hand if it leaks.',
    });

    this.storage = new Storage(this, 'Storage', { retentionDays: settings.retentionDays });
    this.mail = new Mail(this, 'Mail', {
      domain: settings.domain,
      inboundDomain: settings.inboundDomain,
      sandboxRecipients: settings.sandboxRecipients,
    });
    const alarms = new Alarms(this, 'Alarms', { key: opsKey, alarmEmail: settings.alarmEmail });

    // Every runtime setting the context sets (functions/settings/schema.ts), under its variable.
    const environment: Record<string, string> = { NODE_ENV: 'production', ...functionEnvironment(settings) };

    const create = (name: string, profile: Profile, exportName: string, description: string, needs: Needs) => {
      const fn = new ProjectFunction(this, name, { ...profile, exportName, description, environment, logKey: opsKey, logRetention: LOG_RETENTION });
      fn.bindTable(this.storage.table, needs.table);
      if (needs.evidence) fn.bindEvidence(this.storage.evidenceBucket, needs.evidence);
      if (needs.mail) fn.bindMail(this.mail.sending).bindSigningSecret(signingSecret);
      if (needs.sessions) fn.bindSessionKey(sessionKey, needs.sessions);
      if (needs.inbound) fn.bindInbound(this.storage.inboundBucket, INBOUND_PREFIX);
      this.functions[name] = fn;
      alarms.watchFunction(name, fn.fn);
      return fn;
    };

    // One function per Task state, enumerated from the ASL file.
    const states = taskStates(loadAsl(aslFile));
    const missing = states.filter((s) => !TASKS[s.name]).map((s) => s.name);
    if (missing.length > 0) throw new Error(`Task state(s) ${missing.join(', ')} of ${aslFile} have no entry in TASKS (infra/cdk/stack.ts)`);
    for (const state of states) {
      const task = TASKS[state.name]!;
      this.taskFunctions[state.name] = create(state.name, task.profile, state.name, task.description, task.needs);
    }

    this.workflow = new Workflow(this, 'Workflow', {
      aslFile,
      taskFunctions: Object.fromEntries(Object.entries(this.taskFunctions).map(([name, fn]) => [name, fn.functionArn])),
      logKey: opsKey,
      logRetention: LOG_RETENTION,
    });
    Validations.of(this.workflow).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Step Functions log delivery (logs:CreateLogDelivery and friends) and X-Ray tracing require Resource "*".',
    });
    alarms.watchStateMachine(this.workflow.stateMachine);
    // One request's failure ends only its own Map branch (the execution goes on), so it is alarmed on apart.
    alarms.watchWorkflowStates(
      'RequestsFailed',
      this.workflow.logGroup,
      'Task',
      FAILURE_STATES.requestFailed,
      'A request was stopped by an error (marked failed, the person told); the workflow log says why.',
    );
    alarms.watchWorkflowStates(
      'RequestFailuresUnrecorded',
      this.workflow.logGroup,
      'Pass',
      FAILURE_STATES.unrecorded,
      'A failure could not be recorded, or the summary mail failed: nobody was told. See the workflow log.',
    );

    // Inbound mail and SES events are invoked asynchronously: what still fails after the retries is
    // kept here (the raw message stays in the inbound bucket), not dropped.
    const mailDeadLetters = new sqs.Queue(this, 'MailDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    alarms.watchDeadLetters(
      'MailDeadLettersWaiting',
      mailDeadLetters,
      'Inbound mail or an SES event failed after its retries; it waits in the MailDeadLetters queue.',
    );

    const http = create('Http', { entry: ENTRIES.http, timeout: Duration.seconds(29) }, 'handler', 'Web form, verification, status pages and /api', HTTP_NEEDS);
    http.bindStateMachine(this.workflow.stateMachine);
    // The person's own data: download it, or delete it (evidence, and the follow-up's execution).
    http.bindEvidenceErasure(this.storage.evidenceBucket, SUBMISSION_EVIDENCE_FOLDERS).bindExecutionStop(this.workflow.stateMachine);
    const mailIn = create(
      'MailIn',
      { entry: ENTRIES.mailIn, timeout: Duration.seconds(60), deadLetterQueue: mailDeadLetters },
      'handler',
      'Parses and files replies',
      MAIL_IN_NEEDS,
    );
    const mailEvents = create(
      'MailEvents',
      { entry: ENTRIES.mailIn, timeout: Duration.seconds(30), deadLetterQueue: mailDeadLetters },
      'sesEvent',
      "Files SES's bounce reports for letters",
      MAIL_EVENTS_NEEDS,
    );
    for (const fn of [mailIn, mailEvents]) fn.fn.configureAsyncInvoke({ retryAttempts: 2 });
    this.mail.publishBouncesTo(mailEvents.fn, mailDeadLetters);

    const browserJobs = create(
      'BrowserJobs',
      { ...BROWSER, entry: ENTRIES.browserJobs, timeout: Duration.minutes(15) },
      'handler',
      'Re-checks settings switched off before, and tries sessions given later',
      BROWSER_JOBS_NEEDS,
    );
    // At most one run per schedule: no retries by EventBridge or by Lambda's asynchronous invoke, and
    // the handler claims each scheduled time in the table, so a duplicate delivery does nothing.
    browserJobs.fn.configureAsyncInvoke({ retryAttempts: 0 });
    // Hourly is plenty for re-checks counted in days; a late session waits at most an hour.
    new events.Rule(this, 'BrowserJobsSchedule', {
      description: 'Runs due browser jobs (re-checks, late sessions)',
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(browserJobs.fn, { retryAttempts: 0 })],
    });

    // The status digests and complaint drafts: a light function (no browser) on its own schedule
    // (every 10 minutes: a complaint draft is mailed within minutes), once per time.
    const digests = create(
      'Digests',
      { entry: ENTRIES.digests, timeout: Duration.seconds(120) },
      'handler',
      'Sends the status digests and complaint drafts that are due',
      DIGESTS_NEEDS,
    );
    digests.fn.configureAsyncInvoke({ retryAttempts: 0 });
    new events.Rule(this, 'DigestsSchedule', {
      description: 'Sends the status digests (at most one per person a day) and the complaint drafts that are due',
      schedule: events.Schedule.rate(Duration.minutes(DIGESTS_EVERY_MINUTES)),
      targets: [new targets.LambdaFunction(digests.fn, { retryAttempts: 0 })],
    });

    this.api = this.httpApi(http, opsKey);
    // The API resource depends on nothing of ours, so its URL can go into every function without a cycle.
    for (const fn of Object.values(this.functions)) fn.fn.addEnvironment('OPTOUT_PUBLIC_URL', this.api.apiEndpoint);

    const rule = this.mail.receiveInto(this.storage.inboundBucket, INBOUND_PREFIX, mailIn.fn);

    new CfnOutput(this, 'FormUrl', { value: `${this.api.apiEndpoint}/`, description: 'The web form' });
    this.mail.dnsRecords().forEach((record, i) => {
      new CfnOutput(this, `DnsRecord${i + 1}`, {
        value: `${record.type} ${record.name} ${record.value}`,
        description: 'Create this DNS record at your DNS provider (type, name, value)',
      });
    });
    new CfnOutput(this, 'ActivateReceiptRules', {
      value: `aws ses set-active-receipt-rule-set --rule-set-name ${this.mail.receiptRuleSet.receiptRuleSetName} --region ${Aws.REGION}`,
      description: 'Run once after the first deploy: CloudFormation cannot activate a receipt rule set',
    });
    new CfnOutput(this, 'ReceiptRuleName', { value: rule.receiptRuleName });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.storage.evidenceBucket.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }

  /** Encrypts log groups and the alarm topic; logs and CloudWatch alarms may use it, nothing else. */
  private opsKey(): kms.Key {
    const key = new kms.Key(this, 'OpsKey', {
      description: 'Encrypts log groups and the alarm topic',
      enableKeyRotation: true,
      // Only logs are encrypted with it and they are deleted with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(30),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*` },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    return key;
  }

  private httpApi(http: ProjectFunction, opsKey: kms.IKey): apigwv2.HttpApi {
    const api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Optout Autopilot: web form, status pages, /api',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: LOG_RETENTION,
      encryptionKey: opsKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new apigwv2.HttpStage(this, 'ApiStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      // Each submission sends an email: a low ceiling keeps abuse from burning the SES reputation.
      throttle: { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(accessLogs) },
    });
    const route = new apigwv2.HttpRoute(this, 'ApiDefaultRoute', {
      httpApi: api,
      routeKey: apigwv2.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('HttpIntegration', http.fn),
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'A public web form: anyone may submit; everything after that is authorized by signed, unguessable links checked in the handler.',
    });
    return api;
  }
}

/** Feature flags the stack relies on. */
export const FEATURE_FLAGS = {
  // Grant S3 server access logging through a bucket policy instead of the legacy ACL.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/**
 * The app with its one stack and cdk-nag's AWS Solutions checks. Used by app.ts and the tests.
 * `env`: the account and region the CDK CLI resolved (app.ts passes them); without them the stack is
 * environment-agnostic, so a synth works offline.
 */
export function buildApp(
  context: Record<string, unknown> = {},
  outdir?: string,
  env: { account?: string; region?: string } = {},
): { app: App; stack: OptoutStack } {
  const app = new App({ context, outdir });
  const settings = readSettings(app.node);
  const stack = new OptoutStack(app, settings.stackName, {
    settings,
    description: 'Optout Autopilot: files AI-training opt-outs and privacy requests, follows up until confirmed',
    env,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
