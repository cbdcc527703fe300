/**
 * The one infra test that really bundles (no 'aws:cdk:bundling-stacks' context): esbuild runs locally, no Docker.
 * The asset Lambda would receive must load as CommonJS and answer a request; the skill package asset has no endpoint.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SkillStack } from '../../infra/skill-stack.js';
import { nodeRuntimes } from '../../tools/bench/node-runtimes.js';
import { launchRequest, TEST_SKILL_ID } from '../../tools/envelopes.js';
import { SUPPORTED_LOCALES } from '../../src/alexa/locales.js';

type AssetManifest = { files: Record<string, { source: { path: string; packaging?: string } }> };
let outdir: string;
let assets: AssetManifest['files'][string]['source'][];

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'cdk-'));
  const app = new App({ outdir });
  new SkillStack(app, 'Bundled', { skillId: TEST_SKILL_ID, skillManagement: { vendorId: 'M2EXAMPLE', lwaSecretName: 'foot-acupressure/lwa' } });
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'Bundled.assets.json'), 'utf8')) as AssetManifest;
  assets = Object.values(manifest.files).map((f) => f.source);
});

/** Whether a bundle exports the skill's `handler` (the stream function's bundle exports only `audio`). */
const exportsHandler = (code: string) => /[{,]handler:\(\)=>/.test(code);

/** A copy outside this "type": "module" repository, as in the Lambda zip (no package.json: CommonJS). */
function functionAsset(kind: 'skill' | 'audio' = 'skill'): string {
  const dirs = assets.filter((s) => s.packaging === 'zip' && existsSync(join(outdir, s.path, 'index.js')))
    .filter((s) => exportsHandler(readFileSync(join(outdir, s.path, 'index.js'), 'utf8')) === (kind === 'skill'));
  expect(dirs).toHaveLength(1);
  const copy = mkdtempSync(join(tmpdir(), 'asset-'));
  cpSync(join(outdir, (dirs[0] as { path: string }).path), copy, { recursive: true });
  return copy;
}

describe('SkillStack bundling (real esbuild, no Docker)', () => {
  it('builds a minified CommonJS index.js, self-contained and without the AWS SDK; its source map stays out of the asset', () => {
    const dir = functionAsset();
    expect(readdirSync(dir).sort()).toEqual(['index.js']);
    // Kept beside the build for debugging by hand: cdk.out/sourcemaps, never in the zip Lambda (and lambda:GetFunction) gets.
    expect(existsSync(join(outdir, 'sourcemaps', 'index.js.map'))).toBe(true);
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(code.includes('sourceMappingURL'), 'no pointer to a map').toBe(false);
    // Booleans, so that a failure does not print 200 kB of bundle.
    expect(code.includes('module.exports'), 'CommonJS export').toBe(true);
    expect(code.includes('@aws-sdk'), 'no AWS SDK (the store client is aws4 + node:https)').toBe(false);
    // Only Node built-ins are required: nothing is left for a node_modules the zip does not have.
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.filter((m) => !builtinModules.includes(m.replace(/^node:/, ''))), 'non-builtin requires').toEqual([]);
    expect(/^\s*(import|export)\s/m.test(code), 'no ESM syntax').toBe(false);
    // Minified: our own names are mangled (the locale words are text literals, with their own line breaks).
    expect(readFileSync('src/core/pacing.ts', 'utf8').includes('function paceResponse'), 'the name the check looks for').toBe(true);
    expect(code.includes('function paceResponse') || code.includes('function resumeEntry'), 'minified').toBe(false);
    // The words are inside the one file: English as JSON text, other languages packed with Brotli (tools/bundle-plugins.ts).
    expect(code.includes('Welcome to Foot Acupressure'), 'English words as text').toBe(true);
    expect(code.includes('Willkommen'), 'German words packed, not plain').toBe(false);
    expect(code.includes('brotliDecompressSync'), 'packed words unpacked on first use').toBe(true);
    // Not one of ask-sdk-model's service clients is bundled (the skill has no API client).
    expect(code.includes('DirectiveServiceClient'), 'no ask-sdk-model service clients').toBe(false);
  });

  it('bundles the stream function on its own (index.audio): it loads as CommonJS and refuses an unsigned URL', () => {
    const dir = functionAsset('audio');
    const script = `
      const { audio } = require('./index.js');
      audio({ rawPath: '/step.mp3', rawQueryString: 'r=ankle&s=0', headers: {}, requestContext: { http: { method: 'GET' } } })
        .then((r) => process.stdout.write(String(r.statusCode)));`;
    const env = { ...process.env, AUDIO_URL_KEY: 'k'.repeat(40), CLIPS_DIR: dir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    delete env.NODE_OPTIONS;
    expect(execFileSync(process.execPath, ['-e', script], { cwd: dir, env, encoding: 'utf8' })).toBe('403');
  });

  it('never gives the skill an API client, which the bundle has no service clients for', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => readFileSync(join('src', f), 'utf8').includes('withApiClient'))).toEqual([]);
  });

  it.each(nodeRuntimes())('loads with require() on $label, answers a LaunchRequest for its skill and refuses another skill', ({ path: node }) => {
    const dir = functionAsset();
    writeFileSync(join(dir, 'ours.json'), JSON.stringify(launchRequest()));
    writeFileSync(join(dir, 'other.json'), JSON.stringify(launchRequest({ skillId: 'amzn1.ask.skill.99999999-9999-4999-8999-999999999999' })));
    const script = `
      const { handler } = require('./index.js');
      if (typeof handler !== 'function') throw new Error('no handler export');
      (async () => {
        const ours = await handler(require('./ours.json'), {});
        const other = await handler(require('./other.json'), {}).then(() => 'answered', (e) => /skill ID verification failed/i.test(String(e && e.message)) ? 'refused' : 'crashed: ' + String(e && e.message));
        process.stdout.write(JSON.stringify({ ours, other }));
      })();`;
    const env = { ...process.env, SKILL_ID: TEST_SKILL_ID, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    delete env.TABLE_NAME;
    delete env.NODE_OPTIONS; // vitest's loader hooks must not help the bundle
    const out = execFileSync(node, ['--enable-source-maps', '-e', script], { cwd: dir, env, encoding: 'utf8' });
    const { ours, other } = JSON.parse(out) as { ours: { version: string; response: { outputSpeech?: { ssml?: string } } }; other: string };
    expect(ours.version).toBe('1.0');
    expect(ours.response.outputSpeech?.ssml).toMatch(/^<speak>.+<\/speak>$/s);
    expect(other).toBe('refused');
  });

  it('reads no file once loaded: every locale answers from the words inside the one file', () => {
    const dir = functionAsset();
    const locales = SUPPORTED_LOCALES;
    writeFileSync(join(dir, 'launches.json'), JSON.stringify(locales.map((locale) => launchRequest({ locale }))));
    const script = `
      const launches = require('./launches.json');
      const { handler } = require('./index.js');
      const fs = require('node:fs');
      const reads = [];
      for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'existsSync', 'statSync', 'readdirSync']) {
        const real = fs[name];
        fs[name] = function (...args) { reads.push(name + ' ' + String(args[0])); return real.apply(this, args); };
      }
      for (const name of ['readFile', 'open']) {
        const real = fs.promises[name];
        fs.promises[name] = function (...args) { reads.push('promises.' + name + ' ' + String(args[0])); return real.apply(this, args); };
      }
      (async () => {
        const said = [];
        for (const launch of launches) said.push((await handler(launch, {})).response.outputSpeech.ssml.slice(7, 40));
        process.stdout.write(JSON.stringify({ said, reads }));
      })();`;
    const env = { ...process.env, SKILL_ID: TEST_SKILL_ID, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    delete env.TABLE_NAME;
    delete env.NODE_OPTIONS;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, env, encoding: 'utf8' })) as { said: string[]; reads: string[] };
    expect(out.reads).toEqual([]);
    // Each answer opens with the first words of that locale's own welcome.
    const welcomeOf = (locale: string) => (JSON.parse(readFileSync(`locales/${locale.startsWith('en') ? 'en' : locale.slice(0, 2)}/common.json`, 'utf8')) as { welcome: string }).welcome;
    expect(out.said).toHaveLength(locales.length);
    expect(out.said.map((s) => s.split(' ')[0])).toEqual(locales.map((l) => welcomeOf(l).split(' ')[0]));
    expect(out.said.map((s) => s.split(' ')[0])).toEqual(['Welcome', 'Welcome', 'Welcome', 'Welcome', 'Welcome', 'Willkommen', 'Te', 'Bienvenue']);
  });

  it('uploads the skill package without the placeholder endpoint (the stack sets the real one)', () => {
    const pkg = assets.find((s) => existsSync(join(outdir, s.path, 'skill.json')));
    expect(pkg).toBeDefined();
    const dir = join(outdir, (pkg as { path: string }).path);
    const skill = JSON.parse(readFileSync(join(dir, 'skill.json'), 'utf8')) as { manifest: { apis: { custom: Record<string, unknown> } } };
    expect(skill.manifest.apis.custom.endpoint).toBeUndefined();
    expect(skill.manifest.apis.custom.interfaces).toBeDefined();
    expect(existsSync(join(dir, 'interactionModels', 'custom', 'en-US.json'))).toBe(true);
  });
});
