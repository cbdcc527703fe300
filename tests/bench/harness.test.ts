/**
 * The benchmark harness itself: the baseline fixture builds with the Lambda settings, and the bench
 * child measures it (cold and script modes) from a fresh process, answering with real speech.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLambdaBundle, type BuiltBundle } from '../../tools/build.mjs';
import { BENCH_SKILL_ID, intent, launch } from '../../tools/bench/envelopes.js';
import { packageOf, quantile } from '../../tools/bench/stats.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
let baseline: BuiltBundle;

function child(mode: 'cold' | 'script', steps: unknown[]): Record<string, unknown> {
  const input = join(dir, `${mode}-in.json`);
  const result = join(dir, `${mode}-out.json`);
  writeFileSync(input, JSON.stringify(steps));
  execFileSync(process.execPath, [resolve('tools/bench/child.cjs'), mode, baseline.file, input, result], {
    env: { PATH: process.env.PATH ?? '', SKILL_ID: BENCH_SKILL_ID }, stdio: 'pipe',
  });
  return JSON.parse(readFileSync(result, 'utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  baseline = await buildLambdaBundle('bench/fixtures/minimal-skill.ts', join(dir, 'baseline'));
});

describe('bench harness', () => {
  it('builds the baseline as a CommonJS bundle with a source map', () => {
    expect(readFileSync(join(dir, 'baseline', 'package.json'), 'utf8')).toContain('"commonjs"');
    expect(readFileSync(baseline.file, 'utf8')).toMatch(/sourceMappingURL=index\.js\.map/);
    expect(baseline.gzipBytes).toBeLessThan(baseline.bytes);
  });

  it('times a cold launch in a fresh process', () => {
    const r = child('cold', [{ kind: 'launch', envelope: launch() }]);
    expect(r.speech).toBe('Welcome to the minimal skill.');
    for (const k of ['loadMs', 'firstMs', 'coldMs', 'maxRssKb']) expect(r[k]).toBeGreaterThan(0);
    expect(r.coldMs as number).toBeGreaterThanOrEqual(r.loadMs as number);
  });

  it('runs a script and reports what each step said; a foreign skill id is refused', () => {
    const steps = [
      { kind: 'help', envelope: intent('AMAZON.HelpIntent') },
      { kind: 'stop', envelope: intent('AMAZON.StopIntent'), from: 0 },
      { kind: 'foreign', envelope: { ...launch(), context: { System: { application: { applicationId: 'amzn1.ask.skill.other' } } } } },
    ];
    const r = child('script', steps) as { steps: { kind: string; ok: boolean; speech?: string; end?: boolean | null; thrown?: string }[] };
    expect(r.steps.map((s) => s.speech)).toEqual(['You can say hello, or stop.', 'Goodbye.', undefined]);
    expect(r.steps[1]?.end).toBe(true);
    expect(r.steps[2]?.ok).toBe(false);
    expect(r.steps[2]?.thrown).toBeTruthy();
  });
});

describe('bench statistics', () => {
  it('takes nearest-rank quantiles and ignores missing values', () => {
    const xs = [5, 1, 4, 2, 3, Number.NaN];
    expect(quantile(xs, 0.5)).toBe(3);
    expect(quantile(xs, 0.9)).toBe(5);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('groups esbuild inputs by package or source folder', () => {
    expect(packageOf('node_modules/ask-sdk-core/dist/index.js')).toBe('ask-sdk-core');
    expect(packageOf('node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js')).toBe('@aws-sdk/lib-dynamodb');
    expect(packageOf('src/core/turn.ts')).toBe('src/core/');
    expect(packageOf('src/index.ts')).toBe('src/index.ts');
  });
});
