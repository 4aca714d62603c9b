// Where data lives: the single DynamoDB table (layout from functions/data/schema.ts), the evidence
// bucket (letters, replies, screenshots), the inbound-mail bucket SES writes to, and the bucket that
// receives both buckets' server access logs. Data stores are retained when the stack is deleted.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../../functions/data/schema.ts';

/** SES stores each raw message at inbound/<messageId>; the mail-in handler reads it from there. */
export const INBOUND_PREFIX = 'inbound/';

export interface StorageProps {
  retentionDays: number;
}

export class Storage extends Construct {
  readonly table: dynamodb.TableV2;
  readonly evidenceBucket: s3.Bucket;
  readonly inboundBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const { partitionKey, sortKey, gsi1, ttlAttribute } = TABLE_KEYS;
    const string = dynamodb.AttributeType.STRING;
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: partitionKey, type: string },
      sortKey: { name: sortKey, type: string },
      globalSecondaryIndexes: [
        {
          indexName: gsi1.indexName,
          partitionKey: { name: gsi1.partitionKey, type: string },
          sortKey: { name: gsi1.sortKey, type: string },
          projectionType: dynamodb.ProjectionType.ALL,
        },
      ],
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS managed key (aws/dynamodb): encrypted at rest with every use logged in CloudTrail, no
      // key policy to maintain and no monthly key fee. Provider sessions, the most sensitive items,
      // are additionally sealed with the session key before they reach the table.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Server access logs may only go to a bucket with S3-managed encryption.
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(props.retentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const expire: s3.LifecycleRule = {
      id: 'expire-after-retention',
      expiration: Duration.days(props.retentionDays),
      noncurrentVersionExpiration: Duration.days(30),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    };

    // The code writes with SSE-KMS and no key id, which means the AWS managed key aws/s3; the bucket
    // default says the same, so nothing is stored with weaker encryption.
    this.evidenceBucket = new s3.Bucket(this, 'Evidence', {
      encryption: s3.BucketEncryption.KMS_MANAGED,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Evidence must survive an accidental overwrite or delete until retention ends.
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [expire],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // SES's S3 action can write to SSE-S3 buckets without a key policy (SSE-KMS would need one that
    // lets SES use a customer managed key; the AWS managed aws/s3 key cannot be shared with SES).
    this.inboundBucket = new s3.Bucket(this, 'Inbound', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'inbound/',
      lifecycleRules: [expire],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
