import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGED, applySuppressions } from '../../infra/nag-suppressions.js';
import { SkillStack } from '../../infra/skill-stack.js';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

/** Synthesizes like infra/app.ts does; cdk-nag 3 reports through CDK's validation report, not annotations. */
function synth(acknowledge: boolean, props: ConstructorParameters<typeof SkillStack>[2]) {
  const outdir = mkdtempSync(join(tmpdir(), 'nag-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SkillStack(app, 'Nag', props);
  if (acknowledge) applySuppressions(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  let error: unknown;
  try { app.synth(); } catch (e) { error = e; }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations: { ruleName: string }[] }[] };
  return { error, violations: report.pluginReports.flatMap((r) => r.violations.map((v) => v.ruleName)) };
}

describe('cdk-nag AwsSolutions', () => {
  const skillManagement = { vendorId: 'M2EXAMPLE', lwaSecretName: 'foot-acupressure/lwa' };
  it.each([
    ['production stack', { skillId: SKILL_ID }],
    ['stack with alarm email', { skillId: SKILL_ID, alarmEmail: 'ops@example.com' }],
    ['development stack', {}],
    ['managed skill, first deploy', { skillManagement }],
    ['managed skill, connected', { skillId: SKILL_ID, skillManagement }],
  ])('%s has no unacknowledged findings', (_, props) => {
    const { error, violations } = synth(true, props);
    expect(violations).toEqual([]);
    expect(error).toBeUndefined();
  });

  it('really runs: without our acknowledgements it reports exactly the acknowledged rules', () => {
    const { error, violations } = synth(false, { skillId: SKILL_ID });
    expect(error).toBeDefined();
    expect([...new Set(violations)].sort()).toEqual(ACKNOWLEDGED.map((a) => a.id).sort());
  });

  it('gives every acknowledgement a written reason', () => {
    for (const a of ACKNOWLEDGED) expect(a.reason.split(' ').length, a.id).toBeGreaterThan(8);
  });

  it('acknowledges findings on the construct they concern, not on the whole stack', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new SkillStack(app, 'Scope', { skillId: SKILL_ID });
    applySuppressions(stack);
    expect(stack.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)).toEqual([]);
    expect(stack.function.node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)).toBe(true);
  });
});
