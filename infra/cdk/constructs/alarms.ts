// Alarms on what a person would notice too late otherwise: failed or timed-out executions, requests
// stopped by an error, function errors, and mail left in the dead-letter queue. All go to one
// encrypted SNS topic; an email subscription is optional.
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface AlarmsProps {
  key: kms.IKey;
  alarmEmail?: string;
}

export class Alarms extends Construct {
  readonly topic: sns.Topic;
  private readonly action: cwActions.SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { masterKey: props.key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new cwActions.SnsAction(this.topic);
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }

  watchStateMachine(stateMachine: sfn.IStateMachine): void {
    const period = Duration.minutes(5);
    this.alarm('ExecutionsFailed', stateMachine.metricFailed({ period, statistic: 'Sum' }), 'A submission workflow execution failed.');
    this.alarm('ExecutionsTimedOut', stateMachine.metricTimedOut({ period, statistic: 'Sum' }), 'A submission workflow execution timed out.');
  }

  /**
   * Counts, with a metric filter on the workflow's log (level ALL logs every state entered, inside
   * Map branches too), entries into `states` (all of `stateType`), and alarms on one. Such a metric
   * gets data, and costs, only in an hour with a failure.
   */
  watchWorkflowStates(id: string, logGroup: logs.ILogGroup, stateType: 'Task' | 'Pass', states: readonly string[], description: string): void {
    const filter = new logs.MetricFilter(this, `${id}Filter`, {
      logGroup,
      metricNamespace: `Optout/${Stack.of(this).stackName}`,
      metricName: id,
      metricValue: '1',
      filterPattern: logs.FilterPattern.all(
        logs.FilterPattern.stringValue('$.type', '=', `${stateType}StateEntered`),
        logs.FilterPattern.any(...states.map((name) => logs.FilterPattern.stringValue('$.details.name', '=', name))),
      ),
    });
    this.alarm(id, filter.metric({ period: Duration.minutes(5), statistic: 'Sum' }), description);
  }

  /** Alarms as soon as a message waits in a dead-letter queue. */
  watchDeadLetters(id: string, queue: sqs.IQueue, description: string): void {
    this.alarm(id, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), description);
  }

  watchFunction(name: string, fn: lambda.IFunction): void {
    this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), `The ${name} function reported errors.`);
  }
}
