import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, CfnOutput, CfnRule, Duration, Fn, RemovalPolicy, Stack, Token, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { SkillAlarms, STORE_OPERATIONS } from './alarms.js';
import { AudioStream } from './audio-stream.js';
import { LAMBDA_BUNDLE } from './bundling.js';
import { bundledCode } from './lambda-code.js';
import { ManagedSkill, type SkillManagementProps } from './managed-skill.js';
import { PolicySite } from './policy-site.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Skill ids look like amzn1.ask.skill.<uuid>; a typo here would leave the skill unable to call the function. */
export const SKILL_ID_PATTERN = /^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The only regions where Lambda accepts the Alexa Skills Kit trigger. */
export const ALEXA_TRIGGER_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'] as const;

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
   * Email address subscribed to the alarm topic (infra/alarms.ts). Every alarm sends to the topic either way.
   * `npm run deploy` requires it, or an explicit `-c alarmEmail=none` (infra/context.ts).
   * @default undefined: the topic has no subscriber
   */
  readonly alarmEmail?: string;
  /**
   * Let CloudFormation create and update the skill itself (`Alexa::ASK::Skill`) from skill-package/.
   * @default undefined: the skill is managed with the ASK CLI (scripts/deploy-skill-package.sh)
   */
  readonly skillManagement?: SkillManagementProps;
}

/** The skill's backend: one function, its Alexa trigger, the user table, logs and alarms (and optionally the skill). */
export class SkillStack extends Stack {
  readonly function: LambdaFunction;
  readonly table: Table;
  readonly alarms: SkillAlarms;
  /** Only with `skillManagement`. */
  readonly skill?: ManagedSkill;

  constructor(scope: Construct, id: string, props: SkillStackProps = {}) {
    const { skillId, skillManagement } = props;
    if (skillId !== undefined && !Token.isUnresolved(skillId) && !SKILL_ID_PATTERN.test(skillId)) {
      throw new Error(`skillId "${skillId}" is not a skill id (amzn1.ask.skill.<uuid>): copy it from the developer console or .ask/ask-states.json`);
    }
    super(scope, id, {
      ...props,
      description: skillId
        ? 'Foot Acupressure Alexa skill backend'
        : skillManagement
          ? 'Foot Acupressure Alexa skill backend, first deploy: the skill is created without an endpoint; deploy again with -c skillId=<SkillId output>'
          : 'DEVELOPMENT stack: no skill id was given, so there is no Alexa trigger and the function refuses every request',
    });
    const timeout = props.timeout ?? Duration.seconds(7);

    // Fail the deploy early, with a reason, instead of at the trigger or when the skill saves its endpoint.
    new CfnRule(this, 'AlexaTriggerRegion', {
      assertions: [{
        assert: Fn.conditionContains([...ALEXA_TRIGGER_REGIONS], Aws.REGION),
        assertDescription: `Alexa can invoke Lambda functions only in ${ALEXA_TRIGGER_REGIONS.join(', ')}: deploy the skill backend to one of them.`,
      }],
    });

    this.table = new Table(this, 'UserTable', {
      partitionKey: { name: 'id', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      // Items whose `expiresAt` (epoch seconds) has passed are deleted by DynamoDB: the deletion tombstones.
      timeToLiveAttribute: 'expiresAt',
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

    this.function = new LambdaFunction(this, 'SkillFunction', {
      code: bundledCode(),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout,
      role,
      logGroup,
      // One JSON record per console call, with the request id; the skill's own record is its `message` (src/alexa/log.ts).
      loggingFormat: LoggingFormat.JSON,
      environment: {
        SKILL_ID: skillId ?? '',
        TABLE_NAME: this.table.tableName,
        ...((LAMBDA_BUNDLE.nodeOptions as string) ? { NODE_OPTIONS: LAMBDA_BUNDLE.nodeOptions as string } : {}),
      },
    });
    // The three calls the store client makes (src/alexa/persistence), not grantReadWriteData's twelve (Scan, Query,
    // Batch*…): a compromised dependency cannot list every user's record. Conditional writes need no other action.
    role.addToPolicy(new PolicyStatement({
      effect: Effect.ALLOW,
      actions: STORE_OPERATIONS.map((operation) => `dynamodb:${operation}`),
      resources: [this.table.tableArn],
    }));
    new AudioStream(this, 'AudioStream', { skillFunction: this.function, ...(props.logRetention ? { logRetention: props.logRetention } : {}) });

    // Only this skill may invoke the function. Without a skill id there is no trigger at all, never an open one.
    if (skillId) {
      this.function.addPermission('AlexaSkillTrigger', {
        principal: new ServicePrincipal('alexa-appkit.amazon.com'),
        action: 'lambda:InvokeFunction',
        eventSourceToken: skillId,
      });
    }
    if (skillManagement) {
      this.skill = new ManagedSkill(this, 'AlexaSkill', {
        ...skillManagement,
        skillPackageDir: join(here, '..', 'skill-package'),
        endpoint: this.function,
        ...(skillId ? { trigger: this.function.node.findChild('AlexaSkillTrigger') } : {}),
      });
    }

    this.alarms = new SkillAlarms(this, 'Alarms', { function: this.function, table: this.table, logGroup, timeout, email: props.alarmEmail });

    new PolicySite(this, 'PolicySite');

    new CfnOutput(this, 'FunctionArn', { value: this.function.functionArn, description: 'Skill endpoint: apis.custom.endpoint.uri in skill.json' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

