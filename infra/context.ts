import type { Node } from 'constructs';
import type { SkillStackProps } from './skill-stack.js';

/** The stack for a real skill; a development stack gets its own name so it never replaces it. */
export const STACK_NAME = 'FootAcupressureSkill';

/**
 * Reads the app's context (`-c key=value` or cdk.json):
 * - `skillId`: amzn1.ask.skill.…; restricts the Alexa trigger and is checked by the handler.
 * - `alarmEmail`: where alarms are sent (optional).
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
  const alarmEmail = get('alarmEmail');
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
