import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackFromContext } from './context.js';
import { applySuppressions } from './nag-suppressions.js';
import { SkillStack } from './skill-stack.js';

/**
 * CDK app: `npm run synth` / `npm run deploy -- -c skillId=amzn1.ask.skill.…`. Context is read in infra/context.ts.
 * Environment-agnostic (no account/region, no lookups), so synth runs offline without credentials.
 * Without a skillId (and no managed skill) the stack is a clearly marked development stack with no Alexa trigger.
 */
const app = new App();
const { id, props } = stackFromContext(app.node);
const stack = new SkillStack(app, id, props);
applySuppressions(stack);
// cdk-nag 3 is a policy-validation plugin (v2 was an Aspect): any unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
