/**
 * The step-stream part of the stack (infra/audio-stream.ts), from the synthesized template (no bundling):
 * a Node 22 arm64 function behind a function URL with auth NONE (the URLs are signed), a private encrypted
 * TLS-only clip bucket, least-privilege roles, and the URL key shared with the skill through the environment.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SkillStack } from '../../infra/skill-stack.js';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
type Policy = { Properties: { Roles: unknown; PolicyDocument: { Statement: Statement[] } } };

let t: Template;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  t = Template.fromStack(new SkillStack(app, 'Test', { skillId: 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555' }));
});

const statementsOf = (role: string) => Object.values(t.findResources('AWS::IAM::Policy') as Record<string, Policy>)
  .filter((p) => JSON.stringify(p.Properties.Roles).includes(role)).flatMap((p) => p.Properties.PolicyDocument.Statement);
const actions = (s: readonly Statement[]) => s.flatMap((x) => [x.Action].flat()).sort();

describe('AudioStream', () => {
  it('runs the stream handler on Node.js 22, arm64, with the clip bucket and the URL key in its environment', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.audio', Runtime: 'nodejs22.x', Architectures: ['arm64'],
      Environment: { Variables: { CLIPS_BUCKET: { Ref: Match.stringLikeRegexp('ClipBucket') }, AUDIO_URL_KEY: Match.objectLike({ 'Fn::Join': Match.anyValue() }) } },
    });
  });

  it('is reached through a function URL with auth NONE: the device sends no AWS credentials, the URLs are signed', () => {
    t.resourceCountIs('AWS::Lambda::Url', 1);
    t.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AudioStreamFunction'), 'Arn'] } });
  });

  it('gives the skill the stream base URL and the same key, which lives in Secrets Manager and never in the template', () => {
    const skill = Object.values(t.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f).includes('SKILL_ID')) as { Properties: { Environment: { Variables: Record<string, unknown> } } };
    const vars = skill.Properties.Environment.Variables;
    expect(JSON.stringify(vars.AUDIO_BASE_URL)).toMatch(/AudioStreamFunctionFunctionUrl.*FunctionUrl/);
    expect(JSON.stringify(vars.AUDIO_URL_KEY)).toMatch(/\{\{resolve:secretsmanager:/);
    const audio = Object.values(t.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f).includes('index.audio')) as typeof skill;
    expect(audio.Properties.Environment.Variables.AUDIO_URL_KEY).toEqual(vars.AUDIO_URL_KEY);
    t.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true } });
  });

  it('keeps the clips in a private, encrypted, TLS-only bucket', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('lets the stream function read clips and write its logs, nothing else; only the render role may call Polly', () => {
    const stream = statementsOf('AudioStreamRole');
    expect(actions(stream)).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 's3:GetObject']);
    expect(JSON.stringify(stream.find((s) => s.Action === 's3:GetObject')?.Resource)).toMatch(/ClipBucket.*\/clips\/\*/);
    const render = statementsOf('ClipRenderRole');
    expect(actions(render)).toEqual(['polly:SynthesizeSpeech', 's3:GetObject', 's3:PutObject']);
    expect(render.filter((s) => JSON.stringify(s.Resource) === '"*"').flatMap((s) => [s.Action].flat())).toEqual(['polly:SynthesizeSpeech']);
    expect(actions(statementsOf('SkillFunctionRole')).some((a) => a.startsWith('polly:') || a.startsWith('s3:'))).toBe(false);
    t.hasResourceProperties('AWS::IAM::Role', { Description: Match.stringLikeRegexp('render'), AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: Match.anyValue() } })] } });
  });

  it('outputs what the deploy step needs', () => {
    t.hasOutput('AudioBaseUrl', Match.anyValue());
    t.hasOutput('ClipBucketName', Match.anyValue());
    t.hasOutput('ClipRenderRoleArn', Match.anyValue());
  });
});
