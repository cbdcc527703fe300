import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGED, applySuppressions } from '../../infra/nag-suppressions.js';
import { SkillStack } from '../../infra/skill-stack.js';

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
  it.each([
    ['production stack', { skillId: 'amzn1.ask.skill.x' }],
    ['stack with alarm email', { skillId: 'amzn1.ask.skill.x', alarmEmail: 'ops@example.com' }],
    ['development stack', {}],
  ])('%s has no unacknowledged findings', (_, props) => {
    const { error, violations } = synth(true, props);
    expect(violations).toEqual([]);
    expect(error).toBeUndefined();
  });

  it('really runs: without our acknowledgements it reports exactly the acknowledged rules', () => {
    const { error, violations } = synth(false, { skillId: 'amzn1.ask.skill.x' });
    expect(error).toBeDefined();
    expect([...new Set(violations)].sort()).toEqual(ACKNOWLEDGED.map((a) => a.id).sort());
  });

  it('gives every acknowledgement a written reason', () => {
    for (const a of ACKNOWLEDGED) expect(a.reason.split(' ').length, a.id).toBeGreaterThan(8);
  });
});
