/**
 * The benchmark harness itself: the fixtures build with the Lambda settings, the candidate swap puts
 * only the candidate's client in the skill's bundle, the child measures cold and script runs from a
 * fresh process, the budget verdict and --check exit code, and the runner has no side effects on import.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, budgetLines, exitCode, STORE_LINE, storeContextLines, type Figures } from '../../tools/bench/budget.js';
import { buildVariant } from '../../tools/bench/bundles.js';
import { coldCases, COLD, READ_SAVED } from '../../tools/bench/cases.js';
import { BENCH_SKILL_ID, intent, launch } from '../../tools/bench/envelopes.js';
import { warmRow } from '../../tools/bench/report.js';
import { packageOf, pairedMarginalRatio, pairedRatio, quantile } from '../../tools/bench/stats.js';
import { buildLambdaBundle, type BuiltBundle } from '../../tools/build.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
let minimal: BuiltBundle;

function child(mode: 'cold' | 'script' | 'warm', steps: unknown[], iterations = 0): Record<string, unknown> {
  const input = join(dir, `${mode}-in.json`);
  const result = join(dir, `${mode}-out.json`);
  writeFileSync(input, JSON.stringify(steps));
  execFileSync(process.execPath, [resolve('tools/bench/child.cjs'), mode, minimal.file, input, result, String(iterations)], {
    env: { PATH: process.env.PATH ?? '', SKILL_ID: BENCH_SKILL_ID }, stdio: 'pipe',
  });
  return JSON.parse(readFileSync(result, 'utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  minimal = await buildLambdaBundle('bench/fixtures/minimal-skill.ts', join(dir, 'minimal'));
});

describe('bench harness', () => {
  it('builds the minimal skill as a CommonJS bundle, its source map beside the output directory', () => {
    expect(readFileSync(join(dir, 'minimal', 'package.json'), 'utf8')).toContain('"commonjs"');
    expect(readFileSync(minimal.file, 'utf8')).not.toMatch(/sourceMappingURL/);
    expect(minimal.sourceMap).toBe(join(dir, 'sourcemaps', 'index.js.map'));
    expect(existsSync(minimal.sourceMap)).toBe(true);
    expect(minimal.gzipBytes).toBeLessThan(minimal.bytes);
  });

  it('swaps a candidate in for the store adapter and nothing else: the SDK candidate bundle has no aws4 client', async () => {
    const swapped = await buildVariant('src/alexa/persistence/index.ts', join(dir, 'swap'), 'bench/candidates/sdk-require.ts');
    const code = readFileSync(swapped.file, 'utf8');
    expect(code).toMatch(/require\("@aws-sdk\/client-dynamodb"\)/);
    const inOutput = Object.entries(Object.values(swapped.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {})
      .filter(([, v]) => v.bytesInOutput > 0).map(([f]) => f);
    expect(inOutput.some((f) => f.includes('bench/candidates/sdk-require'))).toBe(true);
    expect(inOutput.some((f) => f.includes('dynamo-http') || f.includes('node_modules/aws4'))).toBe(false);
  });

  it('swaps a candidate in for the signer and nothing else: the aws4 candidate bundle signs with aws4, not ours', async () => {
    const swapped = await buildVariant('src/alexa/persistence/index.ts', join(dir, 'swap-signer'), undefined, 'bench/candidates/sigv4-aws4.ts');
    const inOutput = Object.entries(Object.values(swapped.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {})
      .filter(([, v]) => v.bytesInOutput > 0).map(([f]) => f);
    expect(inOutput.some((f) => f.includes('dynamo-http'))).toBe(true);
    expect(inOutput.some((f) => f.includes('node_modules/aws4'))).toBe(true);
    expect(inOutput.some((f) => f.includes('persistence/sigv4'))).toBe(false);
  });

  it('reduces warm samples per kind and per process, then takes the median over processes', () => {
    const range = (from: number) => Array.from({ length: 100 }, (_, i) => from + i);
    const run = (shift: number, rssKb: number) => ({ kinds: ['a', 'b'], samples: [range(1 + shift), range(101 + shift)], maxRssKb: rssKb });
    const row = warmRow('synthetic', [run(0, 1024), run(2, 3072), run(4, 2048)] as never[], []);
    // Nearest rank: p50 of 1..100 is 50, p99 is 99; over both kinds (1..200) 100 and 198; the middle process is shifted by 2.
    expect(row.perKind).toEqual({ a: { p50Ms: 52, p99Ms: 101 }, b: { p50Ms: 152, p99Ms: 201 } });
    expect([row.p50Ms, row.p99Ms, row.rssMb, row.runs]).toEqual([102, 200, 3, 3]);
  });

  it('times a cold launch in a fresh process', () => {
    const r = child('cold', [{ kind: 'launch', envelope: launch() }]);
    expect(r.speech).toBe('Welcome to the minimal skill.');
    for (const k of ['loadMs', 'firstMs', 'coldMs', 'maxRssKb']) expect(r[k]).toBeGreaterThan(0);
    expect(r.coldMs as number).toBeGreaterThanOrEqual(r.loadMs as number);
  });

  it('returns warm samples per request kind, which the parent reduces with the one quantile function', () => {
    const r = child('warm', [{ kind: 'launch', envelope: launch() }, { kind: 'help', envelope: intent('AMAZON.HelpIntent') }], 200);
    expect(r.kinds).toEqual(['launch', 'help']);
    expect((r.samples as number[][]).map((s) => s.length)).toEqual([100, 100]);
    const row = warmRow('minimal', [r as never], []);
    expect(row.p99Ms).toBeGreaterThanOrEqual(row.p50Ms);
    expect(row.perKind.help?.p50Ms).toBe(quantile((r.samples as number[][])[1]!, 0.5));
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

  it('has no side effects on import: nothing runs, nothing is written', async () => {
    const marker = resolve('dist/bench.json');
    const before = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
    const mod = await import('../../tools/bench/run.mjs');
    expect(typeof mod.main).toBe('function');
    expect(mod.isEntry(process.argv[1], 'file:///somewhere/else.mts')).toBe(false);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : undefined).toBe(before);
  });
});

describe('bench cases and budget', () => {
  it('measures every candidate, the minimal skill with a store, the floor, and a de-DE launch', () => {
    const cases = coldCases(['aws4', 'sdk-import'], true);
    expect(cases.map((c) => c.name)).toEqual([COLD.minimal, COLD.ours, COLD.oursDe, COLD.minimalStore, COLD.floor, COLD.oursStore('aws4'), COLD.oursStore('sdk-import')]);
    expect(cases.find((c) => c.name === COLD.oursDe)?.steps[0]?.envelope.request.locale).toBe('de-DE');
    expect(cases.filter((c) => c.store).map((c) => c.bundle.kind)).toEqual(['minimal-store', 'minimal-bare-store', 'candidate', 'candidate']);
    expect(coldCases(['aws4'], false).every((c) => !c.store)).toBe(true);
  });

  it('has the floor in the cold rounds with the store, timed only when it read the saved item, as the sample-style skill', () => {
    const floor = coldCases(['own'], true).find((c) => c.name === COLD.floor);
    expect(floor).toMatchObject({ bundle: { kind: 'minimal-bare-store' }, store: true, expectSpeech: READ_SAVED });
    expect(floor?.steps.map((s) => s.envelope.request.type)).toEqual(['LaunchRequest']);
    expect(coldCases(['own'], true).find((c) => c.name === COLD.minimalStore)?.expectSpeech).toBe(READ_SAVED);
    expect(READ_SAVED.test('Welcome back to the minimal skill.')).toBe(true);
    expect(READ_SAVED.test('Welcome to the minimal skill.')).toBe(false);
    expect(coldCases(['own'], false).some((c) => c.name === COLD.floor)).toBe(false);
  });

  const within: Figures = { storeBeyondFloor: 0.18, coldVsMinimal: 1.2, warmP99Ms: 0.2, gzipVsMinimal: 1.7 };

  it('passes figures within budget and fails each one over it, or missing', () => {
    expect(budgetLines(within).every((l) => l.pass)).toBe(true);
    for (const key of Object.keys(within) as (keyof Figures)[]) {
      const over = budgetLines({ ...within, [key]: BUDGET[key] * 1.01 });
      expect(over.filter((l) => !l.pass)).toHaveLength(1);
      expect(budgetLines({ ...within, [key]: Number.NaN }).filter((l) => !l.pass)).toHaveLength(1);
    }
  });

  it('judges the store line beyond the floor: just over 0.2 fails, 0.2 passes, missing fails', () => {
    const store = (v: number) => budgetLines({ ...within, storeBeyondFloor: v })[0]!;
    expect(store(0.2)).toMatchObject({ what: STORE_LINE, limit: 0.2, pass: true });
    expect(store(0.2001).pass).toBe(false);
    expect(store(-0.05).pass).toBe(true); // cheaper than the floor in most rounds: nothing added
    expect(store(Number.NaN).pass).toBe(false);
    expect(store(Number.POSITIVE_INFINITY).pass).toBe(false);
    expect(STORE_LINE).toMatch(/beyond the bare HTTPS read \(floor, same run\).*beyond the same floor \(paired\)/);
  });

  it('prints the literal ratio and the floor\'s own ratio beside the store line, not as budget lines', () => {
    const context = storeContextLines({ oursVsSample: 0.35, floorVsSample: 0.27, rounds: 30, dropped: 2 });
    expect(context.join('\n')).toMatch(/not judged: ours ÷ the sample-style skill.*0\.350×/);
    expect(context.join('\n')).toMatch(/least any skill reading this store over HTTPS pays: 0\.270× \(above 0\.2×: the literal line cannot pass for any skill\)/);
    expect(context.join('\n')).toMatch(/28 of 30 kept, 2 dropped/);
    expect(storeContextLines({ oursVsSample: 0.1, floorVsSample: 0.15, rounds: 30, dropped: 0 }).join('\n')).not.toMatch(/cannot pass/);
    expect(budgetLines(within)).toHaveLength(4);
  });

  it('--check exits non-zero when over budget or without a verdict; without --check always 0', () => {
    const over = budgetLines({ ...within, warmP99Ms: 1 });
    expect(exitCode(budgetLines(within), true)).toBe(0);
    expect(exitCode(over, true)).toBe(1);
    expect(exitCode(undefined, true)).toBe(1);
    expect(exitCode(over, false)).toBe(0);
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

  it('pairs runs by round, so load that drifts between rounds cancels', () => {
    const base = [{ round: 0, value: 10 }, { round: 1, value: 100 }, { round: 2, value: 20 }];
    const mine = [{ round: 0, value: 20 }, { round: 1, value: 200 }, { round: 2, value: 40 }];
    expect(pairedRatio(mine, base)).toBe(2);
    expect(pairedRatio([{ round: 5, value: 1 }], base)).toBeNaN();
  });

  it('takes what a case adds beyond the floor as a share of what the reference adds, round by round', () => {
    const rounds = (...v: number[]) => v.map((value, round) => ({ round, value }));
    // Load doubles in round 1: the shares stay 0.2 in every round.
    const floor = rounds(40, 80, 40, 40, 40, 40);
    const sample = rounds(140, 280, 140, 140, 140, 140);
    const ours = rounds(60, 120, 60, 60, 60, 60);
    expect(pairedMarginalRatio(ours, floor, sample)).toEqual({ value: 0.2, rounds: 6, dropped: 0 });
    // The plain paired ratio of the same runs is 60/140, which the floor alone (40/140) keeps above 0.2.
    expect(pairedRatio(ours, sample)).toBeCloseTo(0.4286, 3);
    // A round where the sample was not slower than the floor is dropped and counted.
    const degenerate = pairedMarginalRatio(ours, floor, rounds(140, 80, 140, 140, 140, 140));
    expect(degenerate).toEqual({ value: 0.2, rounds: 6, dropped: 1 });
    // Rounds where one of the three has no run do not count at all.
    expect(pairedMarginalRatio(ours, floor.slice(1), sample).rounds).toBe(5);
    expect(pairedMarginalRatio(ours, floor, sample.map((r) => ({ ...r, value: r.round === 2 ? Number.NaN : r.value }))).rounds).toBe(5);
  });

  it('gives no figure (NaN) from too few rounds: under the minimum, or under half of the rounds after dropping', () => {
    const rounds = (...v: number[]) => v.map((value, round) => ({ round, value }));
    const six = (v: number) => rounds(v, v, v, v, v, v);
    expect(pairedMarginalRatio(rounds(60, 60, 60), rounds(40, 40, 40), rounds(140, 140, 140)).value).toBeNaN();
    expect(pairedMarginalRatio(rounds(60, 60, 60), rounds(40, 40, 40), rounds(140, 140, 140), 3).value).toBeCloseTo(0.2, 10);
    // Four of six rounds degenerate: two kept, fewer than half.
    expect(pairedMarginalRatio(six(60), six(40), rounds(140, 140, 40, 30, 40, 10), 1)).toMatchObject({ rounds: 6, dropped: 4, value: Number.NaN });
    expect(pairedMarginalRatio([], six(40), six(140)).value).toBeNaN();
  });

  it('groups esbuild inputs by package or source folder', () => {
    expect(packageOf('node_modules/ask-sdk-core/dist/index.js')).toBe('ask-sdk-core');
    expect(packageOf('node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js')).toBe('@aws-sdk/lib-dynamodb');
    expect(packageOf('src/core/turn.ts')).toBe('src/core/');
    expect(packageOf('src/index.ts')).toBe('src/index.ts');
  });
});
