// SES: the sending domain (Easy DKIM), a configuration set for every message (publishing its bounces
// to EventBridge), and the receipt rule that stores replies in S3 and then hands them to the mail-in
// function.
import { Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { type MailSending, sesIdentityArn } from './functions.ts';

export interface MailProps {
  domain: string;
  inboundDomain: string;
  sandboxRecipients: string[];
}

export interface DnsRecord {
  type: 'CNAME' | 'MX';
  name: string;
  value: string;
}

/** True when `child` is `parent` or one of its subdomains (a verified parent covers it). */
function coveredBy(child: string, parent: string): boolean {
  return child === parent || child.endsWith(`.${parent}`);
}

export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  /** Only when the inbound domain is not under the sending domain: SES receives only for verified domains. */
  readonly inboundIdentity?: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly sending: MailSending;
  readonly receiptRuleSet: ses.ReceiptRuleSet;
  private readonly inboundDomain: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.inboundDomain = props.inboundDomain;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // Stop mailing addresses that bounced or complained: protects the account's reputation.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const easyDkim = ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT);
    this.identity = new ses.EmailIdentity(this, 'SendingDomain', {
      identity: ses.Identity.domain(props.domain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
      dkimIdentity: easyDkim,
    });
    if (!coveredBy(props.inboundDomain, props.domain)) {
      this.inboundIdentity = new ses.EmailIdentity(this, 'InboundDomain', {
        identity: ses.Identity.domain(props.inboundDomain),
        dkimSigning: true,
        dkimIdentity: easyDkim,
      });
    }
    this.sending = {
      identityArn: this.identity.emailIdentityArn,
      configurationSetName: this.configurationSet.configurationSetName,
      configurationSetArn: Stack.of(this).formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
      sandboxRecipientArns: props.sandboxRecipients.map((address) => sesIdentityArn(this, address)),
    };
    this.receiptRuleSet = new ses.ReceiptRuleSet(this, 'ReceiptRules');
  }

  /** Replies to <inbound domain>: store the raw message under `prefix`, then invoke `handler` (Event). */
  receiveInto(bucket: s3.IBucket, prefix: string, handler: lambda.IFunction): ses.ReceiptRule {
    return this.receiptRuleSet.addRule('Replies', {
      recipients: [this.inboundDomain],
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.OPTIONAL,
      actions: [
        new actions.S3({ bucket, objectKeyPrefix: prefix }),
        new actions.Lambda({ function: handler, invocationType: actions.LambdaInvocationType.EVENT }),
      ],
    });
  }

  /**
   * SES's bounce and send events for the messages sent with our configuration set, to `handler`: a
   * letter the provider's server refused comes back as an event from AWS (trusted), not only as a DSN
   * by mail; a Send event (carrying the letter's `letter` tag) is the outbox's delivery log
   * (functions/app/outbox.ts recordSesSend), read before a letter in doubt is ever sent again.
   * SES event publishing only supports the default event bus. An event EventBridge cannot deliver
   * after its retries goes to `deadLetterQueue`.
   */
  publishBouncesTo(handler: lambda.IFunction, deadLetterQueue: sqs.IQueue): events.Rule {
    const bus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('Bounces', {
      destination: ses.EventDestination.eventBus(bus),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.SEND],
    });
    return new events.Rule(this, 'BounceEvents', {
      description: 'Bounces and sends of letters sent with the Optout configuration set',
      eventBus: bus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Sent'],
        // Other senders in the same account publish to the same bus: take only our configuration set's.
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new targets.LambdaFunction(handler, { retryAttempts: 4, deadLetterQueue })],
    });
  }

  /** The records to create at the DNS provider (CNAMEs for DKIM; MX for the inbound domain). */
  dnsRecords(): DnsRecord[] {
    const records: DnsRecord[] = [];
    for (const identity of [this.identity, this.inboundIdentity]) {
      for (const dkim of identity?.dkimRecords ?? []) records.push({ type: 'CNAME', name: dkim.name, value: dkim.value });
    }
    records.push({ type: 'MX', name: this.inboundDomain, value: `10 inbound-smtp.${Stack.of(this).region}.amazonaws.com` });
    return records;
  }
}
