import { Aws, Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/**
 * The log events that mean "the user's saved data could not be read, saved or erased" (src/alexa/persistence-sync.ts).
 * The skill answers anyway (it degrades to a session without saved data), so a store outage raises no Lambda error
 * and no slow p99: only these lines show it. tests/infra/alarms.test.ts checks that src/alexa still logs them.
 */
export const STORE_FAILURE_EVENTS = ['store.load_failed', 'store.save_failed', 'store.delete_failed'] as const;

/** The store operations the function calls (its role allows these and no others). */
export const STORE_OPERATIONS = [Operation.GET_ITEM, Operation.PUT_ITEM, Operation.UPDATE_ITEM] as const;

export const ALARM_METRIC_NAMESPACE = 'FootAcupressureSkill';

export interface SkillAlarmsProps {
  readonly function: IFunction;
  readonly table: ITable;
  /** The function's log group; its records are in Lambda's JSON log format (the skill's own record is `message`). */
  readonly logGroup: ILogGroup;
  /** The function's timeout: the duration alarm fires at 80 % of it. */
  readonly timeout: Duration;
  /**
   * Who is told. Every alarm routes to the topic either way; without an email it has no subscriber
   * (an explicit choice made at synth time: `-c alarmEmail=none`, infra/context.ts).
   */
  readonly email?: string;
}

/**
 * Alarms for what users would notice, all sent to one SNS topic: the function throws, is throttled or runs
 * near its timeout; the store fails (read from the skill's own log lines); the table throttles or has errors.
 */
export class SkillAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: SkillAlarmsProps) {
    super(scope, id);
    // A key of our own: CloudWatch may publish to an encrypted topic only if the key's policy lets it use the key,
    // and the policy of the AWS managed key (alias/aws/sns) cannot be changed, so alarms sent to a topic under it
    // are dropped. https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html (compatibility with AWS services)
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts the skill\'s alarm topic; CloudWatch alarms of this account may use it' });
    key.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'], // in a key policy, "*" is this key
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*` },
      },
    }));
    this.topic = new Topic(this, 'Topic', { enforceSSL: true, masterKey: key, displayName: 'Foot Acupressure skill alarms' });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    const period = Duration.minutes(5);
    const fn = props.function;
    // The skill's record is the `message` of Lambda's JSON log record (src/alexa/log.ts).
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
    const storeFailures = new MetricFilter(this, 'StoreFailures', {
      logGroup: props.logGroup,
      filterPattern: FilterPattern.any(...STORE_FAILURE_EVENTS.map((event) => FilterPattern.stringValue('$.message.event', '=', event))),
      metricNamespace: ALARM_METRIC_NAMESPACE,
      metricName: 'StoreFailures',
      metricValue: '1',
      defaultValue: 0,
    }).metric({ period, statistic: 'Sum' });
    const operations = [...STORE_OPERATIONS];
    const atLeast = (metric: IMetric, threshold: number) =>
      ({ metric, threshold, evaluationPeriods: 1, comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD });

    const specs: [string, string, ConstructorParameters<typeof Alarm>[2]][] = [
      ['ErrorsAlarm', 'The skill function threw: users heard an error or nothing', atLeast(fn.metricErrors({ period, statistic: 'Sum' }), 1)],
      ['ThrottlesAlarm', 'The skill function was throttled: requests went unanswered', atLeast(fn.metricThrottles({ period, statistic: 'Sum' }), 1)],
      ['DurationAlarm', 'p99 duration is above 80% of the timeout: Alexa gives up at about 8 s', {
        metric: fn.metricDuration({ period, statistic: 'p99' }),
        threshold: Math.round(props.timeout.toMilliseconds() * 0.8), evaluationPeriods: 3, datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      }],
      // Three failed store calls in five minutes: an outage or a bug, not one unlucky request.
      ['StoreFailuresAlarm', 'The skill could not read, save or erase saved data (store.*_failed log lines): users lose their place or settings', atLeast(storeFailures, 3)],
      ['TableThrottlesAlarm', 'The user table throttled GetItem/PutItem/UpdateItem requests', atLeast(props.table.metricThrottledRequestsForOperations({ operations, period }), 1)],
      ['TableSystemErrorsAlarm', 'DynamoDB answered GetItem/PutItem/UpdateItem with a server error (5xx)', atLeast(props.table.metricSystemErrorsForOperations({ operations, period }), 1)],
    ];
    const action = new SnsAction(this.topic);
    this.alarms = specs.map(([alarmId, alarmDescription, alarmProps]) => {
      const alarm = new Alarm(this, alarmId, { ...alarmProps, alarmDescription, treatMissingData: TreatMissingData.NOT_BREACHING });
      alarm.addAlarmAction(action);
      return alarm;
    });
  }
}
