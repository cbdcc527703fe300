import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackFromContext } from '../../infra/context.js';
import { SkillStack } from '../../infra/skill-stack.js';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

/** Who may invoke the skill function (the stream function's URL has permissions of its own: tests/infra/audio-stream.test.ts). */
const skillPermissions = (t: Template) => Object.values(t.findResources('AWS::Lambda::Permission'))
  .filter((p) => JSON.stringify((p as { Properties: { FunctionName: unknown } }).Properties.FunctionName).includes('SkillFunction'));

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
      Environment: { Variables: { SKILL_ID: SKILL_ID, TABLE_NAME: { Ref: Match.stringLikeRegexp('UserTable') }, NODE_OPTIONS: Match.absent() } },
    });
  });

  it('lets only this skill invoke the function', () => {
    expect(skillPermissions(t)).toHaveLength(1);
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
        // Deletion tombstones expire.
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('grants the function this table and its own log group only, with no wildcard resource', () => {
    const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes('SkillFunctionRole'));
    const statements = Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }).Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const s of dynamo) {
      expect([s.Resource].flat().every((r) => /UserTable/.test(JSON.stringify(r)) || JSON.stringify(r).includes('AWS::NoValue')), JSON.stringify(s.Resource)).toBe(true);
      expect([s.Action].flat()).not.toContain('dynamodb:*');
      expect([s.Action].flat()).not.toContain('dynamodb:DeleteTable');
    }
    // Exactly the calls the store client makes: no Scan, Query, Batch*, DeleteItem (erasing writes a tombstone) or stream reads.
    expect(dynamo.flatMap((s) => [s.Action].flat()).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    for (const s of statements) expect(JSON.stringify(s.Resource)).not.toBe('"*"');
    const logs = statements.find((s) => [s.Action].flat().includes('logs:PutLogEvents'));
    expect(JSON.stringify(logs?.Resource)).toMatch(/SkillFunctionLogs/);
    t.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('writes JSON logs to an explicit log group with a retention', () => {
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    t.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('SkillFunctionLogs') }, LogFormat: 'JSON' } });
  });

  it('outputs the function ARN for the skill endpoint', () => {
    t.hasOutput('FunctionArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('SkillFunction'), 'Arn'] } });
  });

  it('without a skill id is a marked development stack with no Alexa trigger, never an open one', () => {
    const dev = template({});
    expect(skillPermissions(dev)).toHaveLength(0);
    dev.resourceCountIs('Alexa::ASK::Skill', 0);
    dev.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: { SKILL_ID: '' } } });
    expect(dev.toJSON().Description).toMatch(/^DEVELOPMENT/);
    expect(template().toJSON().Description).not.toMatch(/DEVELOPMENT/);
  });

  it('refuses a skill id that is not one, before anything is deployed', () => {
    expect(() => template({ skillId: 'amzn1.ask.skill.x' })).toThrow(/not a skill id/);
    expect(() => template({ skillId: 'my-skill' })).toThrow(/not a skill id/);
  });

  it('can only be deployed where Alexa can invoke Lambda', () => {
    const rules = (t.toJSON() as { Rules: Record<string, { Assertions: { Assert: unknown; AssertDescription: string }[] }> }).Rules;
    expect(rules.AlexaTriggerRegion?.Assertions).toEqual([{
      Assert: { 'Fn::Contains': [['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'], { Ref: 'AWS::Region' }] },
      AssertDescription: expect.stringMatching(/^Alexa can invoke Lambda functions only in/),
    }]);
  });

  it('leaves the skill to the ASK CLI unless asked to manage it', () => {
    t.resourceCountIs('Alexa::ASK::Skill', 0);
  });
});

describe('SkillStack managing the skill (Alexa::ASK::Skill)', () => {
  const skillManagement = { vendorId: 'M2EXAMPLE', lwaSecretName: 'foot-acupressure/lwa' };
  const secretRef = (field: string) => `{{resolve:secretsmanager:foot-acupressure/lwa:SecretString:${field}::}}`;

  it('first deploy: creates the skill without an endpoint and without any trigger, and outputs its id', () => {
    const first = template({ skillManagement });
    expect(skillPermissions(first)).toHaveLength(0);
    first.hasResourceProperties('Alexa::ASK::Skill', {
      VendorId: 'M2EXAMPLE',
      AuthenticationConfiguration: { ClientId: secretRef('clientId'), ClientSecret: secretRef('clientSecret'), RefreshToken: secretRef('refreshToken') },
      SkillPackage: { S3Bucket: Match.anyValue(), S3Key: Match.stringLikeRegexp('\\.zip$'), S3BucketRole: { 'Fn::GetAtt': [Match.stringLikeRegexp('PackageReadRole'), 'Arn'] }, Overrides: Match.absent() },
    });
    first.hasOutput('SkillId', { Value: { Ref: Match.stringLikeRegexp('AlexaSkill') }, Description: Match.stringLikeRegexp('skillId') });
    expect(first.toJSON().Description).toMatch(/first deploy/);
  });

  it('second deploy: restricts the trigger to the skill, then points the skill at the function', () => {
    const connected = template({ skillId: SKILL_ID, skillManagement });
    connected.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'alexa-appkit.amazon.com', EventSourceToken: SKILL_ID });
    connected.hasResource('Alexa::ASK::Skill', {
      Properties: { SkillPackage: { Overrides: { Manifest: { apis: { custom: { endpoint: { uri: { 'Fn::GetAtt': [Match.stringLikeRegexp('SkillFunction'), 'Arn'] } } } } } } } },
    });
    const [skill] = Object.values(connected.findResources('Alexa::ASK::Skill')) as { DependsOn: string[] }[];
    expect(skill?.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/AlexaSkillTrigger/), expect.stringMatching(/PackageReadRoleDefaultPolicy/)]));
  });

  it('lets Alexa read the package object and nothing else, and keeps the credentials out of the template', () => {
    const connected = template({ skillId: SKILL_ID, skillManagement });
    connected.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [Match.objectLike({
      Principal: { Service: 'alexa-appkit.amazon.com' },
      // Checked whenever the request names an account (no documented key is guaranteed for Alexa: infra/managed-skill.ts).
      Condition: { StringEqualsIfExists: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    })] } });
    connected.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('PackageReadRole') }],
      PolicyDocument: { Statement: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('\\.zip$')])] } }] },
    });
    const json = JSON.stringify(connected.toJSON());
    expect(json.match(/\{\{resolve:secretsmanager:foot-acupressure\/lwa/g)).toHaveLength(3);
  });
});

describe('app context', () => {
  const read = (context: Record<string, string>) => stackFromContext(new App({ context }).node);

  it.each([
    ['the development stack, alarms waived', { alarmEmail: 'none' }, 'FootAcupressureSkill-dev', {}],
    ['a skill id', { skillId: ` ${SKILL_ID} `, alarmEmail: 'none' }, 'FootAcupressureSkill', { skillId: SKILL_ID }],
    ['an alarm email', { skillId: SKILL_ID, alarmEmail: 'ops@example.com' }, 'FootAcupressureSkill', { skillId: SKILL_ID, alarmEmail: 'ops@example.com' }],
    ['a managed skill keeps one stack name across both deploys', { vendorId: 'M2', lwaSecretName: 's', alarmEmail: 'NONE' }, 'FootAcupressureSkill', { skillManagement: { vendorId: 'M2', lwaSecretName: 's' } }],
  ])('reads %s', (_, context, id, props) => {
    expect(read(context)).toEqual({ id, props });
  });

  it('wants both a vendor id and the secret name, or neither', () => {
    expect(() => read({ vendorId: 'M2', alarmEmail: 'none' })).toThrow(/lwaSecretName/);
    expect(() => read({ lwaSecretName: 's', alarmEmail: 'none' })).toThrow(/vendorId/);
  });

  it('refuses to synthesise without someone to tell about alarms, unless waived with alarmEmail=none', () => {
    expect(() => read({})).toThrow(/-c alarmEmail=you@example.com .*alarmEmail=none/);
    expect(() => read({ skillId: SKILL_ID })).toThrow(/alarmEmail/);
    expect(() => read({ skillId: SKILL_ID, alarmEmail: 'ops at example' })).toThrow(/not an email address/);
  });
});
