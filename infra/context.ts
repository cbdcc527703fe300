import type { Node } from 'constructs';
import type { SkillStackProps } from './skill-stack.js';

/** The stack for a real skill; a development stack gets its own name so it never replaces it. */
export const STACK_NAME = 'FootAcupressureSkill';

/**
 * Reads the app's context (`-c key=value` or cdk.json):
 * - `skillId`: amzn1.ask.skill.…; restricts the Alexa trigger and is checked by the handler.
 * - `alarmEmail`: who is told when an alarm fires (infra/alarms.ts). Required: an address, or `none` to deploy
 *   alarms with no subscriber on purpose (`npm run synth` passes `none`; docs/deploy.md, "Alarms").
 * - `vendorId` + `lwaSecretName`: let CloudFormation manage the skill itself (optional, both or neither).
 */
export function stackFromContext(node: Node): { readonly id: string; readonly props: SkillStackProps } {
  const get = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
    return value.trim();
  };
  const skillId = get('skillId');
  const alarmEmail = alarmEmailOf(get('alarmEmail'));
  const vendorId = get('vendorId');
  const lwaSecretName = get('lwaSecretName');
  if (Boolean(vendorId) !== Boolean(lwaSecretName)) {
    throw new Error('Managing the skill with CloudFormation needs both -c vendorId=… and -c lwaSecretName=… (a Secrets Manager secret name)');
  }
  const skillManagement = vendorId && lwaSecretName ? { vendorId, lwaSecretName } : undefined;
  return {
    // A managed skill keeps one stack name across its two deploys, so the second one updates the same skill.
    id: skillId || skillManagement ? STACK_NAME : `${STACK_NAME}-dev`,
    props: {
      ...(skillId ? { skillId } : {}),
      ...(alarmEmail ? { alarmEmail } : {}),
      ...(skillManagement ? { skillManagement } : {}),
    },
  };
}

/** The value of `-c alarmEmail=…` that deploys the alarms without a subscriber, on purpose. */
export const NO_ALARM_EMAIL = 'none';

/** An email address, or undefined for an explicit `none`; anything else (nothing at all included) stops the synth. */
export function alarmEmailOf(value: string | undefined): string | undefined {
  if (value === undefined) {
    throw new Error(`Alarms need someone to tell: pass -c alarmEmail=you@example.com (or -c alarmEmail=${NO_ALARM_EMAIL} to deploy them without a subscriber on purpose). See docs/deploy.md, "Alarms".`);
  }
  if (value.toLowerCase() === NO_ALARM_EMAIL) return undefined;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw new Error(`Context alarmEmail "${value}" is not an email address (or ${NO_ALARM_EMAIL})`);
  return value;
}
