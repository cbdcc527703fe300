import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SkillStack } from '../../infra/skill-stack.js';

describe('SkillStack bundling (real esbuild, no Docker)', () => {
  it('builds an asset whose index.js exports the handler', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdk-'));
    const app = new App({ outdir });
    const stack = new SkillStack(app, 'Bundled', { skillId: 'amzn1.ask.skill.x' });
    Template.fromStack(stack);
    app.synth();
    const asset = readdirSync(outdir).find((d) => d.startsWith('asset.'));
    expect(asset).toBeDefined();
    const copy = mkdtempSync(join(tmpdir(), 'asset-'));
    cpSync(join(outdir, asset as string), copy, { recursive: true });
    writeFileSync(join(copy, 'package.json'), '{ "type": "commonjs" }');
    expect(readdirSync(copy)).toEqual(expect.arrayContaining(['index.js', 'index.js.map']));
    const mod = createRequire(import.meta.url)(join(copy, 'index.js')) as { handler?: unknown };
    expect(typeof mod.handler).toBe('function');
  });
});
