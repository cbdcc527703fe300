import { Validations, type Stack } from 'aws-cdk-lib';

/** Every cdk-nag finding we accept, each with its reason (cdk-nag 3 uses CDK's own acknowledgements). */
export const ACKNOWLEDGED: readonly { readonly id: string; readonly reason: string }[] = [
  {
    id: 'AwsSolutions-L1',
    reason: 'Node.js 22 is the runtime the skill is built and tested for (esbuild target node22); moving to a newer runtime is a deliberate upgrade with its own test run, not an automatic one.',
  },
];

export function applySuppressions(stack: Stack): void {
  for (const ack of ACKNOWLEDGED) Validations.of(stack).acknowledge(ack);
}
