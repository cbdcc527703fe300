import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type AlarmProps } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLE } from './bundling.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface SkillStackProps extends StackProps {
  /**
   * The Alexa skill id (amzn1.ask.skill.…). It restricts the Alexa trigger and is checked by the handler.
   * @default undefined: a development stack with no Alexa trigger, whose handler refuses every request
   */
  readonly skillId?: string;
  /**
   * Lambda memory. 512 MB gives arm64 enough CPU for a fast cold start at a cost that stays in cents.
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Lambda timeout. Alexa waits about 8 s for an answer, so anything longer only hides failures.
   * @default Duration.seconds(7)
   */
  readonly timeout?: Duration;
  /**
   * How long logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Email address that receives alarm notifications.
   * @default undefined: alarms are created without actions
   */
  readonly alarmEmail?: string;
}

/** The skill's backend: one function, its Alexa trigger, the user table, logs and alarms. */
export class SkillStack extends Stack {
  readonly function: NodejsFunction;
  readonly table: Table;

  constructor(scope: Construct, id: string, props: SkillStackProps = {}) {
    super(scope, id, {
      ...props,
      description: props.skillId
        ? 'Foot Acupressure Alexa skill backend'
        : 'DEVELOPMENT stack: no skill id was given, so there is no Alexa trigger and the function refuses every request',
    });
    const timeout = props.timeout ?? Duration.seconds(7);

    this.table = new Table(this, 'UserTable', {
      partitionKey: { name: 'id', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const logGroup = new LogGroup(this, 'SkillFunctionLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role: logs to this one log group only, instead of the broad AWS managed policy.
    const role = new Role(this, 'SkillFunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Foot Acupressure skill function: its own log group and its user table, nothing else',
    });
    role.addToPolicy(new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));

    this.function = new NodejsFunction(this, 'SkillFunction', {
      entry: join(here, '..', LAMBDA_BUNDLE.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout,
      role,
      logGroup,
      environment: {
        SKILL_ID: props.skillId ?? '',
        TABLE_NAME: this.table.tableName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: LAMBDA_BUNDLE.format === 'cjs' ? OutputFormat.CJS : OutputFormat.ESM,
        target: LAMBDA_BUNDLE.target,
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourceMap,
        externalModules: [...LAMBDA_BUNDLE.externalModules],
        forceDockerBundling: false,
      },
    });
    this.table.grantReadWriteData(this.function);

    if (props.skillId) {
      this.function.addPermission('AlexaSkillTrigger', {
        principal: new ServicePrincipal('alexa-appkit.amazon.com'),
        action: 'lambda:InvokeFunction',
        eventSourceToken: props.skillId,
      });
    }

    const topic = props.alarmEmail
      ? new Topic(this, 'AlarmTopic', { enforceSSL: true, masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns') })
      : undefined;
    if (topic && props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const period = Duration.minutes(5);
    const alarms: [string, string, Omit<AlarmProps, 'treatMissingData'>][] = [
      ['ErrorsAlarm', 'The skill function threw: users heard an error or nothing', {
        metric: this.function.metricErrors({ period, statistic: 'Sum' }), threshold: 1, evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      }],
      ['ThrottlesAlarm', 'The skill function was throttled: requests went unanswered', {
        metric: this.function.metricThrottles({ period, statistic: 'Sum' }), threshold: 1, evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      }],
      ['DurationAlarm', 'p99 duration is above 80% of the timeout: Alexa gives up at about 8 s', {
        metric: this.function.metricDuration({ period, statistic: 'p99' }),
        threshold: Math.round(timeout.toMilliseconds() * 0.8), evaluationPeriods: 3, datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      }],
    ];
    for (const [id, alarmDescription, props_] of alarms) {
      const alarm = new Alarm(this, id, { ...props_, alarmDescription, treatMissingData: TreatMissingData.NOT_BREACHING });
      if (topic) alarm.addAlarmAction(new SnsAction(topic));
    }

    new CfnOutput(this, 'FunctionArn', { value: this.function.functionArn, description: 'Skill endpoint: apis.custom.endpoint.uri in skill.json' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
