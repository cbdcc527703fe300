import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, CfnOutput, DockerImage, SecretValue } from 'aws-cdk-lib';
import { CfnSkill } from 'aws-cdk-lib/alexa-ask';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct, type IConstruct } from 'constructs';

/** How CloudFormation may manage the Alexa skill itself (`Alexa::ASK::Skill`). */
export interface SkillManagementProps {
  /** The Amazon developer vendor id (developer console → Settings → "Your vendor ID"). */
  readonly vendorId: string;
  /**
   * Name of a Secrets Manager secret whose JSON holds `clientId`, `clientSecret` and `refreshToken` of a
   * Login with Amazon security profile allowed to manage skills. Only a dynamic reference to it is in the template.
   */
  readonly lwaSecretName: string;
}

export interface ManagedSkillProps extends SkillManagementProps {
  /** The skill-package directory (skill.json + interactionModels/). */
  readonly skillPackageDir: string;
  /** The backend function. */
  readonly endpoint: IFunction;
  /**
   * The Alexa trigger permission on the endpoint. Only when it exists is the function ARN written into the
   * manifest, and the skill is updated after it: Alexa refuses an endpoint whose trigger does not name the skill.
   * @default undefined: the skill is created without an endpoint (first deploy: its id is not known yet)
   */
  readonly trigger?: IConstruct;
}

/**
 * Copies a skill package, leaving out `apis.custom.endpoint` (the override sets it once the trigger exists) and,
 * unless `nameFree`, the models' `_nameFreeInteraction` block: Amazon opens name-free routing only to skills already
 * live with a record of quality and engagement (docs/deploy.md, "Name-free interaction"; `-c nameFree=true` adds it).
 */
export function writeSkillPackageWithoutEndpoint(sourceDir: string, outputDir: string, nameFree = false): void {
  cpSync(sourceDir, outputDir, { recursive: true });
  const file = join(outputDir, 'skill.json');
  const skill = JSON.parse(readFileSync(file, 'utf8')) as { manifest?: { apis?: { custom?: { endpoint?: unknown } } } };
  if (skill.manifest?.apis?.custom) delete skill.manifest.apis.custom.endpoint;
  writeFileSync(file, `${JSON.stringify(skill, null, 2)}\n`);
  if (nameFree) return;
  const models = join(outputDir, 'interactionModels', 'custom');
  for (const name of readdirSync(models).filter((n) => n.endsWith('.json'))) {
    const model = JSON.parse(readFileSync(join(models, name), 'utf8')) as { interactionModel: { _nameFreeInteraction?: unknown } };
    delete model.interactionModel._nameFreeInteraction;
    writeFileSync(join(models, name), `${JSON.stringify(model, null, 2)}\n`);
  }
}

/**
 * The Alexa skill as a CloudFormation resource, from an S3 asset of skill-package/.
 * Two deploys: the first creates the skill (output SkillId) with no endpoint; the second, given that id as
 * the stack's skillId, adds the restricted trigger and then points the manifest at the function.
 * No moment has an open trigger.
 */
export class ManagedSkill extends Construct {
  readonly skill: CfnSkill;

  constructor(scope: Construct, id: string, props: ManagedSkillProps) {
    super(scope, id);
    const { skillPackageDir } = props;
    const pkg = new Asset(this, 'Package', {
      path: skillPackageDir,
      bundling: {
        // Never used: the local copy below always succeeds, so no Docker is needed.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-alpine'),
        local: { tryBundle: (outputDir) => { writeSkillPackageWithoutEndpoint(skillPackageDir, outputDir, String(this.node.tryGetContext('nameFree')) === 'true'); return true; } },
      },
    });

    // Alexa reads the package with this role: one object, nothing else. The trust names Alexa's service principal, as
    // the S3BucketRole property asks (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/alexa-properties-ask-skill-skillpackage.html).
    // Neither that page nor Alexa's documentation names a condition key Alexa sets when it assumes the role, so the
    // account is checked only if the request carries one: aws:SourceAccount is present only when an AWS service
    // principal calls on behalf of an account, and IAM advises the IfExists operators for such keys
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). A condition that
    // required the key could lock Alexa out of its own skill package on a deploy nobody can test offline.
    const readRole = new Role(this, 'PackageReadRole', {
      assumedBy: new ServicePrincipal('alexa-appkit.amazon.com', { conditions: { StringEqualsIfExists: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      description: 'Lets Alexa read this skill package object from the CDK asset bucket',
    });
    readRole.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [pkg.bucket.arnForObjects(pkg.s3ObjectKey)] }));

    // Dynamic references ({{resolve:secretsmanager:…}}): CloudFormation reads the values, the template never holds them.
    const secret = (field: string) => SecretValue.secretsManager(props.lwaSecretName, { jsonField: field }).unsafeUnwrap();
    this.skill = new CfnSkill(this, 'Skill', {
      vendorId: props.vendorId,
      authenticationConfiguration: { clientId: secret('clientId'), clientSecret: secret('clientSecret'), refreshToken: secret('refreshToken') },
      skillPackage: {
        s3Bucket: pkg.s3BucketName,
        s3Key: pkg.s3ObjectKey,
        s3BucketRole: readRole.roleArn,
        ...(props.trigger ? { overrides: { manifest: { apis: { custom: { endpoint: { uri: props.endpoint.functionArn } } } } } } : {}),
      },
    });
    this.skill.node.addDependency(readRole); // the role's policy too, not only the role
    if (props.trigger) this.skill.node.addDependency(props.trigger);

    new CfnOutput(this, 'SkillId', {
      key: 'SkillId',
      value: this.skill.ref,
      description: props.trigger ? 'The skill, pointed at FunctionArn' : 'Deploy again with -c skillId=<this value> to connect the endpoint',
    });
  }
}
