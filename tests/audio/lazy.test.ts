/**
 * The lead will export the stream handler from the skill's entry (src/index.ts: `export { audio } from
 * './audio/handler.js'`). The skill's cold start must not pay for it: a bundle of that entry, once loaded, has
 * loaded no Node built-in the skill's own bundle does not load (node:crypto, fs, https stay unloaded until a
 * stream request), and answers a launch as before.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLambdaBundle } from '../../tools/build.mjs';
import { SKILL_PLUGINS } from '../../tools/bundle-plugins.js';

const script = `
  const before = new Set(process.moduleLoadList);
  const m = require(process.argv[2]);
  const loaded = process.moduleLoadList.filter((x) => !before.has(x) && x.startsWith('NativeModule '));
  process.stdout.write(JSON.stringify({ exports: Object.keys(m).sort(), loaded }));`;

describe('the stream handler in the skill bundle', () => {
  it("loads nothing more on the skill's cold start than the skill alone", async () => {
    const dir = resolve('dist', 'lazy-audio-test');
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `export { handler } from '${resolve('src/index.ts')}';\nexport { audio } from '${resolve('src/audio/handler.ts')}';\n`);
    const both = await buildLambdaBundle(entry, join(dir, 'both'), { plugins: SKILL_PLUGINS });
    const skill = await buildLambdaBundle('src/index.ts', join(dir, 'skill'));
    // A script file, not -e: node -e loads node:crypto for its own globals.
    writeFileSync(join(dir, 'probe.cjs'), script);
    const run = (file: string) => JSON.parse(execFileSync(process.execPath, [join(dir, 'probe.cjs'), file], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as { exports: string[]; loaded: string[] };
    const a = run(both.file);
    const b = run(skill.file);
    expect(a.exports).toEqual(['audio', 'handler']);
    expect(a.loaded.filter((x) => !b.loaded.includes(x))).toEqual([]);
    expect(a.loaded.some((x) => /crypto/.test(x))).toBe(false);
  });
});
