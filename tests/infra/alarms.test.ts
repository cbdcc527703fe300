/**
 * Alarms (infra/alarms.ts): every one routes to the SNS topic; a store outage, which the skill survives without a
 * Lambda error, is seen through the skill's own log lines; the table's throttles and server errors are watched too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_FAILURE_EVENTS } from '../../infra/alarms.js';
import { SkillStack } from '../../infra/skill-stack.js';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

function template(props: ConstructorParameters<typeof SkillStack>[2] = { skillId: SKILL_ID }): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new SkillStack(app, 'Test', props));
}

type AlarmResource = { Properties: Record<string, unknown> & { AlarmActions?: unknown[] } };

describe('SkillAlarms', () => {
  let t: Template;
  let alarms: AlarmResource[];
  beforeAll(() => {
    t = template({ skillId: SKILL_ID, alarmEmail: 'ops@example.com' });
    alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm')) as AlarmResource[];
  });

  it('has six alarms, and every one sends to the topic', () => {
    expect(alarms).toHaveLength(6);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/AlarmsTopic/) }]);
    // Also when nobody is subscribed: the topic exists and the alarms still send to it.
    const waived = Object.values(template().findResources('AWS::CloudWatch::Alarm')) as AlarmResource[];
    expect(waived).toHaveLength(6);
    for (const alarm of waived) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template().resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes the email to an encrypted, TLS-only topic whose key CloudWatch may use', () => {
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AlarmsTopicKey'), 'Arn'] } });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } });
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': Match.anyValue() } },
      })]) },
    });
  });

  it('counts the skill\'s store failure lines (Lambda JSON records) and alarms on 3 in 5 minutes', () => {
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('SkillFunctionLogs') },
      FilterPattern: '{ ($.message.event = "store.load_failed") || ($.message.event = "store.save_failed") || ($.message.event = "store.delete_failed") }',
      MetricTransformations: [{ MetricNamespace: 'FootAcupressureSkill', MetricName: 'StoreFailures', MetricValue: '1', DefaultValue: 0 }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'StoreFailures', Namespace: 'FootAcupressureSkill', Statistic: 'Sum', Period: 300, Threshold: 3,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
    });
  });

  it('watches for the event names the skill really logs', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const source = files.map((f) => readFileSync(join('src', f), 'utf8')).join('\n');
    for (const event of STORE_FAILURE_EVENTS) expect(source, event).toContain(`'${event}'`);
  });

  it.each([['ThrottledRequests'], ['SystemErrors']])('alarms on the table\'s %s for GetItem, PutItem and UpdateItem', (metric) => {
    const alarm = alarms.find((a) => JSON.stringify(a.Properties.Metrics ?? '').includes(`"MetricName":"${metric}"`));
    expect(alarm, metric).toBeDefined();
    const operations = (alarm!.Properties.Metrics as { MetricStat?: { Metric: { Dimensions: { Name: string; Value: unknown }[] } } }[])
      .flatMap((m) => m.MetricStat?.Metric.Dimensions.filter((d) => d.Name === 'Operation').map((d) => d.Value) ?? []);
    expect(operations.sort()).toEqual(['GetItem', 'PutItem', 'UpdateItem']);
    expect(alarm!.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
  });

  it.each([
    ['Errors', 'Sum', 1, 'GreaterThanOrEqualToThreshold'],
    ['Throttles', 'Sum', 1, 'GreaterThanOrEqualToThreshold'],
  ])('alarms on the function\'s %s', (metric, statistic, threshold, op) => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metric, Namespace: 'AWS/Lambda', Statistic: statistic, Threshold: threshold, ComparisonOperator: op, TreatMissingData: 'notBreaching',
    });
  });

  it('alarms when p99 duration nears the timeout', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 5600, ComparisonOperator: 'GreaterThanThreshold' });
    expect(template({ skillId: SKILL_ID, timeout: Duration.seconds(5) }).findResources('AWS::CloudWatch::Alarm', { Properties: { Threshold: 4000 } })).not.toEqual({});
  });
});
