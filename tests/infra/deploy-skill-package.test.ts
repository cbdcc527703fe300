/**
 * scripts/deploy-skill-package.sh with stand-ins for the ask and aws CLIs (no account here) that behave like the
 * real ones where it matters: which package `ask deploy` uploads, where the skill id is kept, and what fails.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeSkillPackageWithoutEndpoint } from '../../infra/managed-skill.js';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:FootAcupressureSkill-SkillFunction';
const SITE = 'https://d1234abcd.cloudfront.net';
let repo: string;
let bin: string;

/**
 * A fake `ask` (ASK CLI v2), run in the package copy, with Amazon's side in $FAKE_LOG/skills (one id a line):
 * - `ask deploy [--target skill-metadata]` imports the package: a new skill when .ask/ask-states.json names none,
 *   else that skill (404 when Amazon has no such skill), and writes the id to .ask/ask-states.json at once,
 *   as ask-cli does before anything else can fail (lib/commands/deploy: ResourcesConfig.write() before enableSkill);
 * - FAKE_FAIL=model then fails the model build;
 * - without --target it then enables the skill, which Amazon refuses for a manifest without an endpoint
 *   (403 "Skill is not ready for enablement", https://github.com/alexa-samples/skill-sample-nodejs-fact/issues/88);
 * - an unknown --target, or a privacy URL that is not https, is an error.
 */
const FAKE_ASK = `#!/usr/bin/env bash
set -u
echo "$*" >> "$FAKE_LOG/ask-args"
[[ "\${1:-}" == deploy ]] || { echo "fake ask: only deploy" >&2; exit 2; }
target=""
if [[ "\${2:-}" == --target ]]; then target="\${3:-}"; fi
case "$target" in ""|skill-metadata|skill-infrastructure) ;; *) echo "[Error]: Target $target is not supported." >&2; exit 1;; esac
[[ -f ask-resources.json && -f skill-package/skill.json ]] || { echo "[Error]: not an ask project" >&2; exit 1; }
node -e '
  const u = JSON.parse(require("fs").readFileSync("skill-package/skill.json", "utf8")).manifest.privacyAndCompliance.locales ?? {};
  for (const l of Object.values(u)) for (const url of Object.values(l)) if (!/^https:\\/\\/[^/]+/.test(url)) { console.error("[Error]: 400 invalid URL " + url); process.exit(1); }
' || exit 1
touch "$FAKE_LOG/skills"
id="$(node -e 'try { process.stdout.write(JSON.parse(require("fs").readFileSync(".ask/ask-states.json", "utf8")).profiles.default.skillId ?? ""); } catch {}')"
if [[ -z "$id" ]]; then
  n=$(( $(wc -l < "$FAKE_LOG/skills") + 1 ))
  id="amzn1.ask.skill.$(printf '%08x' "$n")-2222-3333-4444-555555555555"
  echo "$id" >> "$FAKE_LOG/skills"
  echo "Skill ID: $id"
elif ! grep -qx "$id" "$FAKE_LOG/skills"; then
  echo "[Error]: 404 Skill $id not found" >&2; exit 1
fi
cp skill-package/skill.json "$FAKE_LOG/uploaded.json"
cp skill-package/interactionModels/custom/en-US.json "$FAKE_LOG/uploaded-en-US.json"
mkdir -p .ask
printf '{"askcliStatesVersion":"2020-03-31","profiles":{"default":{"skillId":"%s","skillMetadata":{"lastDeployHash":"x"}}}}\\n' "$id" > .ask/ask-states.json
[[ "\${FAKE_FAIL:-}" != model ]] || { echo "[Error]: Interaction model build failed" >&2; exit 1; }
[[ -z "$target" ]] || exit 0
if node -e 'process.exit(JSON.parse(require("fs").readFileSync("skill-package/skill.json", "utf8")).manifest.apis.custom.endpoint ? 0 : 1)'; then
  echo "The skill has been enabled."
else
  echo '[Error]: {"message":"Skill is not ready for enablement. Reasons: object has missing required properties ([\\"endpoint\\"])"}' >&2
  exit 1
fi
`;
/** A fake `aws cloudformation describe-stacks … --query "…OutputKey=='X'…"`: the stack's outputs, as text. */
const FAKE_AWS = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_LOG/aws-args"
case "$*" in
  *"OutputKey=='FunctionArn'"*) echo "${ARN}" ;;
  *"OutputKey=='PrivacyPolicyUrl'"*) echo '${SITE}/{lang}/privacy.html' ;;
  *"OutputKey=='TermsOfUseUrl'"*) echo '${SITE}/{lang}/terms.html' ;;
  *) echo None ;;
esac
`;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'skillpkg-'));
  bin = join(repo, 'fake-bin');
  for (const p of ['scripts/deploy-skill-package.sh', 'scripts/prepare-skill-package.mjs', 'skill-package', 'ask-resources.json']) cpSync(p, join(repo, p), { recursive: true });
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
interface Uploaded { manifest: { apis: { custom: { endpoint?: { uri: string } } }; privacyAndCompliance: { locales?: Record<string, { privacyPolicyUrl: string; termsOfUseUrl: string }> } } }
const uploaded = () => JSON.parse(readFileSync(join(bin, 'uploaded.json'), 'utf8')) as Uploaded;
const statesFile = () => join(repo, '.ask', 'ask-states.json');
const keptId = () => (JSON.parse(readFileSync(statesFile(), 'utf8')) as { profiles: { default: { skillId: string } } }).profiles.default.skillId;
/** The skills Amazon has, as the fake keeps them. */
const skills = () => (existsSync(join(bin, 'skills')) ? readFileSync(join(bin, 'skills'), 'utf8').trim().split('\n').filter(Boolean) : []);
const askArgs = () => readFileSync(join(bin, 'ask-args'), 'utf8').trim().split('\n');

describe('the fake ask behaves like ask-cli', () => {
  it('fails at enablement on a plain `ask deploy` of a package without an endpoint, after writing the new id', () => {
    const dir = join(repo, 'plain');
    cpSync(join(repo, 'skill-package'), join(dir, 'skill-package'), { recursive: true });
    cpSync(join(repo, 'ask-resources.json'), join(dir, 'ask-resources.json'));
    const skill = JSON.parse(readFileSync(join(dir, 'skill-package/skill.json'), 'utf8')) as { manifest: { apis: { custom: { endpoint?: unknown } } } };
    delete skill.manifest.apis.custom.endpoint;
    writeFileSync(join(dir, 'skill-package/skill.json'), JSON.stringify(skill));
    const r = spawnSync(join(bin, 'ask'), ['deploy'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FAKE_LOG: bin } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not ready for enablement/);
    expect(readFileSync(join(dir, '.ask/ask-states.json'), 'utf8')).toContain(skills()[0]);
  });
});

describe('deploy-skill-package.sh', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', 'scripts/deploy-skill-package.sh']).status).toBe(0);
  });

  it('create: deploys the metadata only, without an endpoint, keeps the new id and says what to run next', () => {
    const r = run(['create']);
    expect(r.status, r.out).toBe(0);
    expect(askArgs()).toEqual(['deploy --target skill-metadata']);
    expect(uploaded().manifest.apis.custom.endpoint).toBeUndefined();
    expect(skills()).toHaveLength(1);
    expect(keptId()).toBe(skills()[0]);
    expect(r.out).toContain(`npm run deploy -- -c skillId=${skills()[0]}`);
  });

  it('create, run again: finds the skill it made and deploys to it, never a second one', () => {
    expect(run(['create']).status).toBe(0);
    const first = keptId();
    const again = run(['create']);
    expect(again.status, again.out).toBe(0);
    expect(again.out).toContain(`Skill ${first} already exists`);
    expect(keptId()).toBe(first);
    expect(skills()).toEqual([first]);
  });

  it('create that fails after the skill exists (the model build): the id is kept, and the rerun finds the same skill', () => {
    const failed = run(['create'], { FAKE_FAIL: 'model' });
    expect(failed.status).not.toBe(0);
    expect(failed.out).toMatch(/model build failed/);
    expect(skills()).toHaveLength(1);
    expect(keptId()).toBe(skills()[0]);
    const rerun = run(['create']);
    expect(rerun.status, rerun.out).toBe(0);
    expect(skills()).toHaveLength(1);
    expect(keptId()).toBe(skills()[0]);
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

  it('update: points the skill at FunctionArn, writes the stack\'s policy pages per locale, enables it, and leaves skill.json alone', () => {
    expect(run(['create']).status).toBe(0);
    const before = readFileSync(join(repo, 'skill-package/skill.json'), 'utf8');
    const r = run([]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('The skill has been enabled.');
    expect(askArgs()).toEqual(['deploy --target skill-metadata', 'deploy']);
    const m = uploaded().manifest;
    expect(m.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(Object.keys(m.privacyAndCompliance.locales!).sort()).toEqual(['de-DE', 'en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US', 'es-ES', 'fr-FR']);
    expect(m.privacyAndCompliance.locales!['en-GB']).toEqual({ privacyPolicyUrl: `${SITE}/en/privacy.html`, termsOfUseUrl: `${SITE}/en/terms.html` });
    expect(m.privacyAndCompliance.locales!['de-DE']).toEqual({ privacyPolicyUrl: `${SITE}/de/privacy.html`, termsOfUseUrl: `${SITE}/de/terms.html` });
    expect(m.privacyAndCompliance.locales!['fr-FR']!.privacyPolicyUrl).toBe(`${SITE}/fr/privacy.html`);
    expect(readFileSync(join(bin, 'aws-args'), 'utf8')).toContain('--stack-name FootAcupressureSkill');
    expect(readFileSync(join(repo, 'skill-package/skill.json'), 'utf8')).toBe(before);
    expect(skills()).toHaveLength(1);
  });

  it('update: the publisher\'s own URLs win over the stack\'s; placeholders and http are refused', () => {
    expect(run(['create']).status).toBe(0);
    const own = { PRIVACY_POLICY_URL: 'https://footcare.test/{lang}/privacy', TERMS_OF_USE_URL: 'https://footcare.test/terms' };
    expect(run([], own).status).toBe(0);
    expect(uploaded().manifest.privacyAndCompliance.locales!['es-ES']).toEqual({ privacyPolicyUrl: 'https://footcare.test/es/privacy', termsOfUseUrl: 'https://footcare.test/terms' });
    const placeholder = run([], { ...own, PRIVACY_POLICY_URL: 'https://REPLACE-WITH-PUBLISHER-PRIVACY-POLICY-URL' });
    expect(placeholder.status).not.toBe(0);
    expect(placeholder.out).toMatch(/placeholder/);
    expect(run([], { ...own, TERMS_OF_USE_URL: 'http://footcare.test/terms' }).out).toMatch(/must be https/);
  });

  it('update: can read a cdk outputs file and a skill made elsewhere', () => {
    const outputs = join(repo, 'outputs.json');
    writeFileSync(outputs, JSON.stringify({ FootAcupressureSkill: { FunctionArn: 'arn:from-file', PrivacyPolicyUrl: `${SITE}/{lang}/privacy.html`, TermsOfUseUrl: `${SITE}/{lang}/terms.html` } }));
    writeFileSync(join(bin, 'skills'), `${SKILL_ID}\n`);
    const r = run(['update'], { CDK_OUTPUTS_FILE: outputs, SKILL_ID });
    expect(r.status, r.out).toBe(0);
    expect(uploaded().manifest.apis.custom.endpoint).toEqual({ uri: 'arn:from-file' });
    expect(uploaded().manifest.privacyAndCompliance.locales!['en-US']!.termsOfUseUrl).toBe(`${SITE}/en/terms.html`);
    expect(existsSync(join(bin, 'aws-args'))).toBe(false);
    expect(keptId()).toBe(SKILL_ID);
  });

  it('update: refuses without a skill, without a deployed stack, or without the policy pages', () => {
    expect(run([]).out).toMatch(/create' first/);
    const outputs = join(repo, 'outputs.json');
    writeFileSync(outputs, '{}');
    const r = run([], { CDK_OUTPUTS_FILE: outputs, SKILL_ID });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/no FunctionArn output/);
    writeFileSync(outputs, JSON.stringify({ FootAcupressureSkill: { FunctionArn: ARN } }));
    const noPages = run([], { CDK_OUTPUTS_FILE: outputs, SKILL_ID });
    expect(noPages.status).not.toBe(0);
    expect(noPages.out).toMatch(/no PrivacyPolicyUrl/);
  });
});

describe('the CloudFormation-managed path (infra/managed-skill.ts)', () => {
  it('uploads no endpoint and no name-free block, unless -c nameFree=true', () => {
    const model = (dir: string) => JSON.parse(readFileSync(join(dir, 'interactionModels/custom/en-GB.json'), 'utf8')) as { interactionModel: Record<string, unknown> };
    const out = join(repo, 'managed');
    writeSkillPackageWithoutEndpoint('skill-package', out);
    expect(model(out).interactionModel._nameFreeInteraction).toBeUndefined();
    expect(model(out).interactionModel.languageModel).toBeDefined();
    expect((JSON.parse(readFileSync(join(out, 'skill.json'), 'utf8')) as Uploaded).manifest.apis.custom.endpoint).toBeUndefined();
    const live = join(repo, 'managed-live');
    writeSkillPackageWithoutEndpoint('skill-package', live, true);
    expect(model(live).interactionModel._nameFreeInteraction).toBeDefined();
  });
});
