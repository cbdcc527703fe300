import { App, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SkillStack } from '../../infra/skill-stack.js';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

/** Template tests skip bundling so they stay fast; tests/infra/bundle.test.ts builds the real asset. */
function template(props: ConstructorParameters<typeof SkillStack>[2] = { skillId: SKILL_ID }): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new SkillStack(app, 'Test', props));
}

describe('SkillStack', () => {
  let t: Template;
  beforeAll(() => { t = template(); });

  it('runs the handler on Node.js 22, arm64, with a timeout under Alexa\'s 8 s', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 7,
      Environment: { Variables: { SKILL_ID: SKILL_ID, TABLE_NAME: { Ref: Match.stringLikeRegexp('UserTable') }, NODE_OPTIONS: '--enable-source-maps' } },
    });
  });

  it('lets only this skill invoke the function', () => {
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: SKILL_ID,
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('SkillFunction'), 'Arn'] },
    });
  });

  it('keeps users in an on-demand, recoverable, encrypted table that outlives the stack', () => {
    t.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('grants the function this table and its own log group only, with no wildcard resource', () => {
    const policies = t.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }).Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const s of dynamo) {
      expect([s.Resource].flat().every((r) => /UserTable/.test(JSON.stringify(r)) || JSON.stringify(r).includes('AWS::NoValue')), JSON.stringify(s.Resource)).toBe(true);
      expect([s.Action].flat()).not.toContain('dynamodb:*');
      expect([s.Action].flat()).not.toContain('dynamodb:DeleteTable');
    }
    expect(dynamo.flatMap((s) => [s.Action].flat())).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
    for (const s of statements) expect(JSON.stringify(s.Resource)).not.toBe('"*"');
    const logs = statements.find((s) => [s.Action].flat().includes('logs:PutLogEvents'));
    expect(JSON.stringify(logs?.Resource)).toMatch(/SkillFunctionLogs/);
    t.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('writes logs to an explicit log group with a retention', () => {
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    t.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('SkillFunctionLogs') } } });
  });

  it.each([
    ['Errors', 'Sum', 1, 'GreaterThanOrEqualToThreshold'],
    ['Throttles', 'Sum', 1, 'GreaterThanOrEqualToThreshold'],
  ])('alarms on %s', (metric, statistic, threshold, op) => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metric, Namespace: 'AWS/Lambda', Statistic: statistic, Threshold: threshold, ComparisonOperator: op, TreatMissingData: 'notBreaching',
    });
  });

  it('alarms when p99 duration nears the timeout', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 5600, ComparisonOperator: 'GreaterThanThreshold' });
    expect(template({ skillId: SKILL_ID, timeout: Duration.seconds(5) }).findResources('AWS::CloudWatch::Alarm', { Properties: { Threshold: 4000 } })).not.toEqual({});
  });

  it('outputs the function ARN for the skill endpoint', () => {
    t.hasOutput('FunctionArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('SkillFunction'), 'Arn'] } });
  });

  it('sends alarms to an encrypted, TLS-only topic when an email is given', () => {
    const withEmail = template({ skillId: SKILL_ID, alarmEmail: 'ops@example.com' });
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    withEmail.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    withEmail.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }] });
  });

  it('without a skill id is a marked development stack with no Alexa trigger', () => {
    const dev = template({});
    dev.resourceCountIs('AWS::Lambda::Permission', 0);
    dev.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: { SKILL_ID: '' } } });
    expect(dev.toJSON().Description).toMatch(/^DEVELOPMENT/);
  });
});
