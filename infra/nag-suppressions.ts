import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { SkillStack } from './skill-stack.js';

/** A cdk-nag finding we accept, on the construct it concerns, with the reason in words. */
export interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly on: (stack: SkillStack) => IConstruct;
}

/** Every cdk-nag finding we accept (cdk-nag 3 uses CDK's own acknowledgements, the successor of NagSuppressions). */
export const ACKNOWLEDGED: readonly Acknowledgement[] = [
  {
    id: 'AwsSolutions-L1',
    reason: 'Node.js 22 is the runtime the skill is built and tested for (esbuild target node22); moving to a newer runtime is a deliberate upgrade with its own test run, not an automatic one.',
    on: (stack) => stack.function,
  },
];

export function applySuppressions(stack: SkillStack): void {
  for (const { on, ...ack } of ACKNOWLEDGED) Validations.of(on(stack)).acknowledge(ack);
}
