import { CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { CachePolicy, Distribution, HttpVersion, ResponseHeadersPolicy, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { policyPath, renderPolicySite } from '../tools/policy-pages.js';

export interface PolicySiteProps {
  /**
   * The publisher's own privacy policy, instead of the published page; `{lang}` in it becomes en, de, es or fr.
   * @default the context value `privacyPolicyUrl`, else the page this construct publishes
   */
  readonly privacyPolicyUrl?: string;
  /**
   * The publisher's own terms of use, as for privacyPolicyUrl.
   * @default the context value `termsOfUseUrl`, else the page this construct publishes
   */
  readonly termsOfUseUrl?: string;
}

/** A publisher's URL must be one Amazon's certification can open: https, no placeholder. */
function checkUrl(name: string, url: string): void {
  let parsed: URL;
  try { parsed = new URL(url.replaceAll('{lang}', 'en')); } catch { throw new Error(`${name} "${url}" is not a URL`); }
  if (parsed.protocol !== 'https:') throw new Error(`${name} "${url}" must be an https URL`);
  // The same words scripts/prepare-skill-package.mjs refuses when it writes the URL into skill.json.
  if (/REPLACE|PLACEHOLDER|example\.(com|org|net)/i.test(url)) throw new Error(`${name} "${url}" is a placeholder`);
}

/**
 * The skill's privacy policy and terms of use as static pages (docs/privacy*.md, docs/terms*.md rendered at
 * synth time by tools/policy-pages.ts), in every language the skill speaks: `/<lang>/privacy.html` and
 * `/<lang>/terms.html` behind CloudFront over HTTPS. Amazon asks for a privacy policy URL that opens, in one of
 * the skill's languages (https://developer.amazon.com/en-US/blogs/alexa/alexa-skills-kit/2023/02/certification-requirements-privacy-urls-feb-2023).
 *
 * The bucket is private (all public access blocked, objects owned by the bucket owner), encrypted, refuses any
 * request without TLS 1.2; only this distribution reads it, through origin access control
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html).
 * Outputs `PrivacyPolicyUrl` and `TermsOfUseUrl` (with `{lang}`), which scripts/deploy-skill-package.sh writes into
 * skill.json per locale; a publisher's own URLs (`-c privacyPolicyUrl=… -c termsOfUseUrl=…`) take their place.
 */
export class PolicySite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The URLs skill.json gets, `{lang}` standing for the locale's language. */
  readonly privacyPolicyUrl: string;
  readonly termsOfUseUrl: string;

  constructor(scope: Construct, id: string, props: PolicySiteProps = {}) {
    super(scope, id);
    const context = (key: string): string | undefined => {
      const v: unknown = this.node.tryGetContext(key);
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string') throw new Error(`Context ${key} must be a string`);
      return v.trim();
    };
    const ownPrivacy = props.privacyPolicyUrl ?? context('privacyPolicyUrl');
    const ownTerms = props.termsOfUseUrl ?? context('termsOfUseUrl');
    if (Boolean(ownPrivacy) !== Boolean(ownTerms)) throw new Error('Give both privacyPolicyUrl and termsOfUseUrl (your own pages), or neither (the published ones)');
    if (ownPrivacy && !Token.isUnresolved(ownPrivacy)) checkUrl('privacyPolicyUrl', ownPrivacy);
    if (ownTerms && !Token.isUnresolved(ownTerms)) checkUrl('termsOfUseUrl', ownTerms);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // The pages are rebuilt from docs/ on every deploy; the deployment empties the bucket when the stack goes.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Foot Acupressure privacy policy and terms of use',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
    });

    const pages = renderPolicySite();
    new BucketDeployment(this, 'Pages', {
      sources: Object.entries(pages).map(([key, html]) => Source.data(key, html)),
      destinationBucket: this.bucket,
      contentType: 'text/html; charset=utf-8',
      // No CloudFront invalidation (it can only be granted on every distribution, Resource "*"): pages say how long
      // they may be cached instead, so a changed policy is live within ten minutes of the deploy.
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.minutes(10))],
      retainOnDelete: false,
      prune: true,
      memoryLimit: 256,
    });

    const site = `https://${this.distribution.distributionDomainName}`;
    this.privacyPolicyUrl = ownPrivacy ?? `${site}/${policyPath('privacy', '{lang}')}`;
    this.termsOfUseUrl = ownTerms ?? `${site}/${policyPath('terms', '{lang}')}`;
    new CfnOutput(this, 'PrivacyPolicyUrl', { key: 'PrivacyPolicyUrl', value: this.privacyPolicyUrl, description: 'privacyPolicyUrl in skill.json; {lang} is the locale\'s language (scripts/deploy-skill-package.sh fills it in)' });
    new CfnOutput(this, 'TermsOfUseUrl', { key: 'TermsOfUseUrl', value: this.termsOfUseUrl, description: 'termsOfUseUrl in skill.json; {lang} as for PrivacyPolicyUrl' });
    new CfnOutput(this, 'PolicySiteUrl', { key: 'PolicySiteUrl', value: site, description: 'The published privacy policy and terms, every language' });

    // cdk-nag findings accepted on these constructs only, each for a reason.
    const ack = (on: Construct, id: string, reason: string) => Validations.of(on).acknowledge({ id, reason });
    ack(this.bucket, 'AwsSolutions-S1', 'The bucket holds only the public policy pages, written by the deployment; server access logs would record visitors\' IP addresses, which the privacy policy would then have to cover, for no operational gain.');
    ack(this.distribution, 'AwsSolutions-CFR3', 'Access logs for two static policy pages would only collect visitors\' IP addresses; CloudFront metrics show whether the pages are served.');
    ack(this.distribution, 'AwsSolutions-CFR1', 'The privacy policy must open for every user in every distribution country and for Amazon\'s certification reviewers, so no country is blocked.');
    ack(this.distribution, 'AwsSolutions-CFR2', 'Static pages from a private bucket, no origin compute and no forms: a web application firewall would protect nothing here and cost more than the whole skill.');
    ack(this.distribution, 'AwsSolutions-CFR4', 'The pages are served on the distribution\'s own cloudfront.net name with its default certificate; a publisher with a custom domain gives its own URLs (-c privacyPolicyUrl, -c termsOfUseUrl).');
    // The deployment's function is a singleton at the stack's root (one per stack and memory size), not under this construct.
    const copier = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))!;
    const copierReason = 'The BucketDeployment custom resource of aws-cdk-lib, which runs only during deploys: the AWS managed basic execution role for its logs, object-level wildcards on the CDK asset bucket and this pages bucket for the copy.';
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    for (const finding of [
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((a) => `AwsSolutions-IAM5[Action::${a}]`),
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
    ]) ack(copier, finding, copierReason);
    ack(copier, 'AwsSolutions-L1', 'The BucketDeployment custom resource\'s runtime is chosen by aws-cdk-lib and moves with its upgrades.');
  }
}
