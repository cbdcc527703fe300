/**
 * infra/policy-site.ts: the privacy policy and terms pages, their private bucket and the CloudFront distribution
 * in front of it, as synthesized; and the pages themselves (tools/policy-pages.ts), in every language.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PolicySite } from '../../infra/policy-site.js';
import { SkillStack } from '../../infra/skill-stack.js';
import { persistedView } from '../../src/core/state-merge.js';
import { parseState } from '../../src/core/state-parse.js';
import { INITIAL_STATE } from '../../src/core/state.js';
import { examplePhraseRequest, expandedSamples } from '../../tools/nlu.js';
import { markdownToHtml, POLICY_LANGUAGES, policyPath, policySource, renderPolicySite } from '../../tools/policy-pages.js';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const template = (context: Record<string, unknown> = {}) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return Template.fromStack(new SkillStack(app, 'Test', { skillId: SKILL_ID }));
};

describe('PolicySite in the skill stack', () => {
  let t: Template;
  beforeAll(() => { t = template(); });

  it('keeps the pages in a private, encrypted bucket', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(JSON.stringify(t.findResources('AWS::S3::Bucket'))).not.toMatch(/WebsiteConfiguration|PublicRead/);
  });

  it('refuses every request without TLS 1.2, and lets only this distribution read, through origin access control', () => {
    const statements = Object.values(t.findResources('AWS::S3::BucketPolicy')).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties.PolicyDocument.Statement);
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    ]));
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject',
      Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
    });
    expect(JSON.stringify(allows[0]!.Condition)).toMatch(/PolicySiteDistribution/);
    t.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
  });

  it('serves them over HTTPS only, from the bucket through OAC, with index.html at the root', () => {
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue() }),
        Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('PolicySite'), 'Id'] }, S3OriginConfig: { OriginAccessIdentity: '' } })],
      }),
    });
    expect(JSON.stringify(t.findResources('AWS::CloudFront::CloudFrontOriginAccessIdentity'))).toBe('{}');
  });

  it('copies the nine pages into the bucket as UTF-8 HTML, cached ten minutes, and empties it when the stack goes', () => {
    t.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.stringLikeRegexp('PolicySiteBucket') },
      SourceObjectKeys: Match.anyValue(),
      SystemMetadata: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=600' },
      RetainOnDelete: false,
      Prune: true,
    });
    const deployment = Object.values(t.findResources('Custom::CDKBucketDeployment'))[0] as { Properties: { SourceObjectKeys: unknown[] } };
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(Object.keys(renderPolicySite()).length);
    expect(Object.keys(renderPolicySite()).sort()).toEqual(['de/privacy.html', 'de/terms.html', 'en/privacy.html', 'en/terms.html', 'es/privacy.html', 'es/terms.html', 'fr/privacy.html', 'fr/terms.html', 'index.html']);
  });

  it('outputs the page URLs skill.json gets, {lang} standing for the language', () => {
    const outputs = t.findOutputs('*');
    for (const [key, page] of [['PrivacyPolicyUrl', 'privacy'], ['TermsOfUseUrl', 'terms']] as const) {
      const [, [scheme, domain, path]] = (outputs[key]!.Value as { 'Fn::Join': [string, [string, { 'Fn::GetAtt': [string, string] }, string]] })['Fn::Join'];
      expect([scheme, path]).toEqual(['https://', `/${policyPath(page, '{lang}')}`]);
      expect(domain['Fn::GetAtt'][0]).toMatch(/^PolicySiteDistribution/);
      expect(domain['Fn::GetAtt'][1]).toBe('DomainName');
    }
  });

  it('outputs the publisher\'s own URLs instead when the context gives them, and refuses half of them or http', () => {
    const own = template({ privacyPolicyUrl: 'https://footcare.test/{lang}/privacy', termsOfUseUrl: 'https://footcare.test/terms' }).findOutputs('*');
    expect(own.PrivacyPolicyUrl!.Value).toBe('https://footcare.test/{lang}/privacy');
    expect(own.TermsOfUseUrl!.Value).toBe('https://footcare.test/terms');
    expect(() => template({ privacyPolicyUrl: 'https://footcare.test/privacy' })).toThrow(/both/);
    expect(() => template({ privacyPolicyUrl: 'http://footcare.test/p', termsOfUseUrl: 'https://footcare.test/t' })).toThrow(/https/);
  });

  it('is one construct of its own, usable in any stack', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Alone');
    const site = new PolicySite(stack, 'Site');
    expect(site.privacyPolicyUrl).toMatch(/\/\{lang\}\/privacy\.html$/);
    Template.fromStack(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

describe('the published pages', () => {
  const pages = renderPolicySite();
  const stored = Object.keys(persistedView(parseState({ ...INITIAL_STATE, leaveOut: true, disclaimed: true, heard: ['ankle'], progress: { routineId: 'ankle', at: { stepIndex: 0, atMs: 0 } } })));
  const LOCALE = { en: 'en-US', de: 'de-DE', es: 'es-ES', fr: 'fr-FR' } as const;

  it.each(POLICY_LANGUAGES)('%s: the privacy page is in its language and names every stored field, how long, and the erasure marker', (lang) => {
    const html = pages[policyPath('privacy', lang)]!;
    expect(html).toContain(`<html lang="${lang}">`);
    for (const field of [...stored, 'stats']) expect(html, field).toContain(`<code>${field}</code>`);
    for (const figure of ['24', '30', '35']) expect(html).toMatch(new RegExp(`\\b${figure}\\b`));
    expect(html).toContain('DynamoDB');
    expect(html).not.toMatch(/<!--|REPLACE|usesPersonalInfo/);
  });

  it.each(POLICY_LANGUAGES)('%s: the commands it tells the user to say are ones the skill understands in that language', (lang) => {
    // What the page tells the user to say: its bold phrases, quotes off; a one-shot request loses "Alexa, ask … to".
    const said = [...policySource('privacy', lang).matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.replace(/^["„«]\s*|\s*["“»]$/gu, ''));
    const samples = expandedSamples(LOCALE[lang]);
    const reached = new Map(said.map((phrase) => {
      const request = /^Alexa, /.test(phrase) ? examplePhraseRequest(phrase, LOCALE[lang]) : { launch: false as const, words: phrase.toLocaleLowerCase() };
      const words = request && !request.launch ? request.words : '';
      return [phrase, [...(samples.get(words) ?? [])].join()];
    }));
    const intents = new Set(reached.values());
    for (const intent of ['DeleteDataIntent', 'ForgetChoiceIntent', 'ResetSettingsIntent']) expect(intents.has(intent), `${lang}: ${JSON.stringify([...reached])}`).toBe(true);
  });

  it.each(POLICY_LANGUAGES)('%s: the terms page is in its language, says it is not medical advice, and links the privacy page', (lang) => {
    const html = pages[policyPath('terms', lang)]!;
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`href="../${policyPath('privacy', lang)}"`);
    expect(html).toMatch({ en: /not medical advice/, de: /Keine ärztliche Beratung/, es: /No es consejo médico/, fr: /pas un avis médical/ }[lang]);
  });

  it('renders the Markdown it is given: headings, tables, lists, bold and code, without the comments', () => {
    const { title, body } = markdownToHtml('<!-- note -->\n# T\n\nA **b** `c` <x>\nd\n\n| a | b |\n|---|---|\n| `v` | w |\n\n- one\n  two\n- three\n');
    expect(title).toBe('T');
    expect(body).toBe('<h1>T</h1>\n<p>A <strong>b</strong> <code>c</code> &lt;x&gt; d</p>\n<table>\n<thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody>\n<tr><td><code>v</code></td><td>w</td></tr>\n</tbody>\n</table>\n<ul>\n<li>one two</li>\n<li>three</li>\n</ul>');
  });
});
