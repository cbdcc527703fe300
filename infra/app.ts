import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { applySuppressions } from './nag-suppressions.js';
import { SkillStack } from './skill-stack.js';

/**
 * CDK app. Context: skillId (amzn1.ask.skill.…), alarmEmail (optional).
 * Without a skillId the stack is a clearly marked development stack (no Alexa trigger).
 */
const app = new App();
const skillId = app.node.tryGetContext('skillId') as string | undefined;
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;

const stack = new SkillStack(app, skillId ? 'FootAcupressureSkill' : 'FootAcupressureSkill-dev', {
  ...(skillId ? { skillId } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
});
applySuppressions(stack);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
