/**
 * scripts/deploy-skill-package.sh with stand-ins for the ask and aws CLIs (no account here): which manifest
 * `ask deploy` would upload, and where the skill id is kept.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:FootAcupressureSkill-SkillFunction';
let repo: string;
let bin: string;

/** A fake `ask`: records the manifest it was given, and like the real one stores a new skill's id. */
const FAKE_ASK = `#!/usr/bin/env bash
cp skill-package/skill.json "$FAKE_LOG/uploaded.json"
cp skill-package/interactionModels/custom/en-US.json "$FAKE_LOG/uploaded-en-US.json"
mkdir -p .ask
[[ -f .ask/ask-states.json ]] || echo '{"profiles":{"default":{"skillId":"${SKILL_ID}"}}}' > .ask/ask-states.json
`;
const FAKE_AWS = `#!/usr/bin/env bash
echo "$*" > "$FAKE_LOG/aws-args"
echo "${ARN}"
`;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'skillpkg-'));
  bin = join(repo, 'fake-bin');
  for (const p of ['scripts/deploy-skill-package.sh', 'skill-package', 'ask-resources.json']) cpSync(p, join(repo, p), { recursive: true });
  mkdirSync(bin);
  writeFileSync(join(bin, 'ask'), FAKE_ASK);
  writeFileSync(join(bin, 'aws'), FAKE_AWS);
  chmodSync(join(bin, 'ask'), 0o755);
  chmodSync(join(bin, 'aws'), 0o755);
});

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('bash', [join(repo, 'scripts/deploy-skill-package.sh'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_LOG: bin, ...env },
  });
  return { status: r.status, out: r.stdout + r.stderr };
}
const uploaded = () => JSON.parse(readFileSync(join(bin, 'uploaded.json'), 'utf8')) as { manifest: { apis: { custom: { endpoint?: { uri: string } } } } };
const states = () => join(repo, '.ask', 'ask-states.json');

describe('deploy-skill-package.sh', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', 'scripts/deploy-skill-package.sh']).status).toBe(0);
  });

  it('create: uploads the package without an endpoint, keeps the new id and says what to run next', () => {
    const r = run(['create']);
    expect(r.status, r.out).toBe(0);
    expect(uploaded().manifest.apis.custom.endpoint).toBeUndefined();
    expect(readFileSync(states(), 'utf8')).toContain(SKILL_ID);
    expect(r.out).toContain(`npm run deploy -- -c skillId=${SKILL_ID}`);
    expect(run(['create']).status).not.toBe(0); // never a second skill by accident
  });

  it('leaves the name-free block out of the uploaded models until NAME_FREE=1 (the skill must be live first)', () => {
    expect(run(['create']).status).toBe(0);
    const model = () => JSON.parse(readFileSync(join(bin, 'uploaded-en-US.json'), 'utf8')) as { interactionModel: Record<string, unknown> };
    expect(model().interactionModel._nameFreeInteraction).toBeUndefined();
    expect(model().interactionModel.languageModel).toBeDefined();
    expect(run([], { NAME_FREE: '1' }).status).toBe(0);
    expect(model().interactionModel._nameFreeInteraction).toBeDefined();
    expect(JSON.parse(readFileSync(join(repo, 'skill-package/interactionModels/custom/en-US.json'), 'utf8')).interactionModel._nameFreeInteraction).toBeDefined();
  });

  it('update: points the skill at the stack\'s FunctionArn, leaving the repository\'s skill.json alone', () => {
    expect(run(['create']).status).toBe(0);
    const before = readFileSync(join(repo, 'skill-package/skill.json'), 'utf8');
    const r = run([]);
    expect(r.status, r.out).toBe(0);
    expect(uploaded().manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(readFileSync(join(bin, 'aws-args'), 'utf8')).toContain('--stack-name FootAcupressureSkill');
    expect(readFileSync(join(repo, 'skill-package/skill.json'), 'utf8')).toBe(before);
  });

  it('update: can read a cdk outputs file and a skill made elsewhere', () => {
    const outputs = join(repo, 'outputs.json');
    writeFileSync(outputs, JSON.stringify({ FootAcupressureSkill: { FunctionArn: 'arn:from-file' } }));
    const r = run(['update'], { CDK_OUTPUTS_FILE: outputs, SKILL_ID });
    expect(r.status, r.out).toBe(0);
    expect(uploaded().manifest.apis.custom.endpoint).toEqual({ uri: 'arn:from-file' });
    expect(existsSync(join(bin, 'aws-args'))).toBe(false);
    expect(readFileSync(states(), 'utf8')).toContain(SKILL_ID);
  });

  it('update: refuses without a skill, or without a deployed stack', () => {
    expect(run([]).out).toMatch(/create' first/);
    const outputs = join(repo, 'outputs.json');
    writeFileSync(outputs, '{}');
    const r = run([], { CDK_OUTPUTS_FILE: outputs, SKILL_ID });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/no FunctionArn output/);
  });
});
