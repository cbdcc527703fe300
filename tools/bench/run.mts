/**
 * `npm run bench`: bundle size, cold start, warm latency and peak RSS of the skill against a minimal
 * ask-sdk-core + i18next skill (bench/fixtures/minimal-skill.ts), both built with the stack's esbuild
 * settings (infra/bundling.ts) and measured in the same run, interleaved. Also a LaunchRequest that
 * reads the store, against a local DynamoDB-compatible server. Checks the budget of issue 6.
 *
 * Figures come from a shared machine: read the ratios, not the absolute times. Always exits 0;
 * the summary says PASS/FAIL per budget line. Results: dist/bench.json.
 *
 * Knobs (env): BENCH_COLD_RUNS (30), BENCH_WARM_RUNS (3), BENCH_WARM_ITERATIONS (5000),
 * BENCH_STORE_WARM_ITERATIONS (1000), BENCH_NODE_OPTIONS (--enable-source-maps, as the stack sets).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { buildLambdaBundle, type BuiltBundle } from '../build.mjs';
import { BENCH_SKILL_ID, intent, launch, SLOTS, sessionEnded, type BenchEnvelope } from './envelopes.js';
import { kib, median, num, packageOf, quantile, ratio } from './stats.js';
import { startStore, type BenchStore } from './store.js';

// The Node 22 Lambda runtime would not print this; on an older local Node it costs a stderr stream.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const COLD_RUNS = envNumber('BENCH_COLD_RUNS', 30);
const WARM_RUNS = envNumber('BENCH_WARM_RUNS', 3);
const WARM_ITERATIONS = envNumber('BENCH_WARM_ITERATIONS', 5000);
const STORE_WARM_ITERATIONS = envNumber('BENCH_STORE_WARM_ITERATIONS', 1000);
/** The stack sets NODE_OPTIONS=--enable-source-maps on the function (infra/skill-stack.ts); children get the same. */
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--enable-source-maps';
const BUDGET = { coldRatio: 1.3, gzipRatio: 1.5, warmP99Ms: 1 } as const;

const OUT = resolve('dist/bench');
const TMP = join(OUT, 'tmp');
const CHILD = resolve('tools/bench/child.cjs');
const started = Date.now();
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });

// ---------------------------------------------------------------------------------------------
// Children

interface Step { readonly kind: string; readonly envelope: BenchEnvelope; readonly from?: number }
type ChildResult = Record<string, unknown> & { maxRssKb: number };
type Outcome = { ok: true; result: ChildResult; stderr: string } | { ok: false; error: string; stderr: string };

let inputCount = 0;
function inputFile(name: string, steps: readonly Step[]): string {
  const file = join(TMP, `${name}-${(inputCount += 1)}.json`);
  writeFileSync(file, JSON.stringify(steps));
  return file;
}

let resultCount = 0;
/** One fresh `node` process. Asynchronous, so the store served by this process keeps answering. */
function child(mode: 'cold' | 'warm' | 'script', bundle: string, input: string, opts: { env?: Record<string, string>; iterations?: number; nodeOptions?: string } = {}): Promise<Outcome> {
  const resultFile = join(TMP, `result-${(resultCount += 1)}.json`);
  const nodeOptions = opts.nodeOptions ?? NODE_OPTIONS;
  return new Promise((done) => {
    const p = spawn(process.execPath, [CHILD, mode, bundle, input, resultFile, String(opts.iterations ?? WARM_ITERATIONS)], {
      env: {
        PATH: process.env.PATH ?? '',
        SKILL_ID: BENCH_SKILL_ID,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let stderr = '';
    p.stdout.resume(); // the skill's log lines, as Lambda would ship them; drained, not kept
    p.stderr.on('data', (d: Buffer) => { if (stderr.length < 200_000) stderr += d.toString(); });
    p.on('error', (e) => done({ ok: false, error: e.message, stderr }));
    p.on('close', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`exit ${code ?? signal}`);
        done({ ok: true, result: JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult, stderr });
      } catch (e) {
        done({ ok: false, error: `${(e as Error).message}: ${stderr.trim().split('\n').slice(-6).join(' | ').slice(0, 600)}`, stderr });
      }
    });
  });
}

const errorLines = (text: string) => text.split('\n').filter((l) => /"level":"error"/.test(l) || /^\s*(\w*Error|Error)\b/.test(l));

// ---------------------------------------------------------------------------------------------
// Requests

const NEW = { newSession: true } as const;
/** Our conversation up to the first cue of the ankle routine (new user: disclaimer, safety question). */
const conversation: Step[] = [
  { kind: 'launch', envelope: launch() },
  { kind: 'start ankle routine', envelope: intent('StartRoutineIntent', { routine: SLOTS.ankle }), from: 0 },
  { kind: 'no (not pregnant)', envelope: intent('AMAZON.NoIntent'), from: 1 },
  { kind: 'next', envelope: intent('AMAZON.NextIntent'), from: 2 },
  { kind: 'stop', envelope: intent('AMAZON.StopIntent'), from: 3 },
];
/** Store-free requests for the warm mix, mid-session ones carrying the in-routine session state. */
function oursMix(askedPregnancy: Record<string, unknown>, inRoutine: Record<string, unknown>): Step[] {
  const mid = { attributes: inRoutine };
  return [
    { kind: 'launch', envelope: launch() },
    { kind: 'help', envelope: intent('AMAZON.HelpIntent', {}, mid) },
    { kind: 'start ankle (new session)', envelope: intent('StartRoutineIntent', { routine: SLOTS.ankle }, NEW) },
    { kind: 'start ball release (new session)', envelope: intent('StartRoutineIntent', { routine: SLOTS.ballRelease }, NEW) },
    { kind: 'no → first cue', envelope: intent('AMAZON.NoIntent', {}, { attributes: askedPregnancy }) },
    { kind: 'next', envelope: intent('AMAZON.NextIntent', {}, mid) },
    { kind: 'where is hill ruins', envelope: intent('WherePointIntent', { point: SLOTS.hillRuins }, mid) },
    { kind: 'repeat', envelope: intent('AMAZON.RepeatIntent', {}, mid) },
    { kind: 'previous', envelope: intent('AMAZON.PreviousIntent', {}, mid) },
    { kind: 'pause', envelope: intent('AMAZON.PauseIntent', {}, mid) },
    { kind: 'stop', envelope: intent('AMAZON.StopIntent', {}, mid) },
    { kind: 'session ended', envelope: sessionEnded(mid) },
  ];
}
const baseMix: Step[] = [
  { kind: 'launch', envelope: launch() },
  { kind: 'help', envelope: intent('AMAZON.HelpIntent') },
  { kind: 'stop', envelope: intent('AMAZON.StopIntent') },
];

// ---------------------------------------------------------------------------------------------
// Report state (also the JSON)

interface ColdCase { readonly name: string; readonly bundle: 'ours' | 'baseline'; readonly input: string; readonly env?: Record<string, string>; readonly nodeOptions?: string; readonly runs: ChildResult[]; readonly errors: string[] }
interface WarmCase { readonly name: string; readonly runs: ChildResult[]; readonly errors: string[] }
const notes: string[] = [];
const report: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores (shared)`, loadAverageAtStart: loadavg()[0],
  nodeOptions: NODE_OPTIONS, coldRuns: COLD_RUNS, warmRuns: WARM_RUNS, warmIterations: WARM_ITERATIONS, notes,
};

function saveReport(): void {
  report.seconds = Math.round((Date.now() - started) / 1000);
  report.loadAverageAtEnd = loadavg()[0];
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/bench.json', JSON.stringify(report, null, 2));
}

async function main(): Promise<void> {
  // 1. Bundles ---------------------------------------------------------------------------------
  console.log('Building both bundles with the stack\'s esbuild settings (infra/bundling.ts)…');
  const ours: BuiltBundle = await buildLambdaBundle('src/index.ts', join(OUT, 'ours'));
  const base: BuiltBundle = await buildLambdaBundle('bench/fixtures/minimal-skill.ts', join(OUT, 'baseline'));
  writeFileSync(join(OUT, 'ours', 'meta.json'), JSON.stringify(ours.metafile));
  report.bundle = { ours: { bytes: ours.bytes, gzipBytes: ours.gzipBytes }, baseline: { bytes: base.bytes, gzipBytes: base.gzipBytes } };
  const bundles = { ours: ours.file, baseline: base.file };

  // 2. Store and sanity check ---------------------------------------------------------------------
  let store: BenchStore | undefined;
  try {
    store = await startStore();
  } catch (e) {
    notes.push(`store not measured: dynalite did not start (${(e as Error).message})`);
  }

  console.log('Sanity check: what each request answers…');
  const sanity: { who: string; kind: string; speech: string; problem?: string }[] = [];
  async function probe(who: string, bundle: string, steps: Step[], env?: Record<string, string>) {
    const out = await child('script', bundle, inputFile(`probe-${who.replace(/\W+/g, '-')}`, steps), { env });
    if (!out.ok) {
      sanity.push({ who, kind: '(all)', speech: '', problem: out.error });
      return undefined;
    }
    const segments = out.stderr.split(/\n@@step (\d+)\n/);
    const stepResults = out.result.steps as { kind: string; ok: boolean; speech?: string; thrown?: string; attributes: Record<string, unknown> }[];
    stepResults.forEach((s, i) => {
      const idx = segments.indexOf(String(i));
      const err = idx >= 0 ? errorLines((segments[idx + 1] ?? '').split('\n@@end')[0] ?? '') : [];
      const problem = s.thrown ? `threw: ${s.thrown}` : !s.ok ? 'no response' : err.length ? `logged an error: ${err[0]!.slice(0, 160)}`
        : /something went wrong|sorry, (i|something)/i.test(s.speech ?? '') ? 'answered with an apology (error handler?)' : undefined;
      sanity.push({ who, kind: s.kind, speech: s.speech ?? '', ...(problem ? { problem } : {}) });
    });
    return stepResults;
  }
  const talk = await probe('ours (conversation)', bundles.ours, conversation);
  const asked = talk?.[1]?.attributes ?? {};
  const inRoutine = talk?.[2]?.attributes ?? {};
  if (talk && Object.keys(inRoutine).length === 0) notes.push('the skill returned no session attributes mid-routine: mid-session requests in the warm mix start from an empty session');
  const mix = oursMix(asked, inRoutine);
  await probe('ours (warm mix)', bundles.ours, mix);
  await probe('baseline', bundles.baseline, baseMix);

  let storeMix: Step[] | undefined;
  if (store) {
    // The skill saves its own progress (the ankle routine, one step in, then stop), so the next
    // launch reads real saved state and offers to resume: no knowledge of the item's shape needed.
    const seeded = await probe('ours + store (seed)', bundles.ours, conversation, store.env);
    const again = await probe('ours + store (launch reads it)', bundles.ours, [{ kind: 'launch', envelope: launch() }, { kind: 'launch again', envelope: launch() }], store.env);
    const plain = talk?.[0]?.speech;
    if (again?.[0] && plain !== undefined && again[0].speech === plain) notes.push('the store-reading launch said the same as a store-free launch: it may not have found saved progress');
    if (again?.[0] && again[1] && again[0].speech !== again[1].speech) notes.push('two store-reading launches said different things: launching changes the saved state');
    storeMix = oursMix(seeded?.[1]?.attributes ?? {}, seeded?.[2]?.attributes ?? {});
  }
  report.sanity = sanity;

  // 3. Cold starts, interleaved ------------------------------------------------------------------
  const launchInput = inputFile('launch', [{ kind: 'launch', envelope: launch() }]);
  const coldCase = (name: string, bundle: 'ours' | 'baseline', input: string, extra: Partial<ColdCase> = {}): ColdCase => ({ name, bundle, input, runs: [], errors: [], ...extra });
  const storeFree = [
    coldCase('baseline: launch', 'baseline', launchInput),
    coldCase('ours: launch', 'ours', launchInput),
    coldCase('ours: start ankle routine', 'ours', inputFile('start-ankle', [{ kind: 'start ankle', envelope: intent('StartRoutineIntent', { routine: SLOTS.ankle }, NEW) }])),
    coldCase('ours: start ball release', 'ours', inputFile('start-ball', [{ kind: 'start ball release', envelope: intent('StartRoutineIntent', { routine: SLOTS.ballRelease }, NEW) }])),
  ];
  const cases: ColdCase[] = [
    ...storeFree,
    ...(store ? [coldCase('ours: launch reading the store', 'ours', launchInput, { env: store.env })] : []),
    // What the stack's --enable-source-maps costs: the same cases without it.
    ...(NODE_OPTIONS.includes('--enable-source-maps') ? storeFree.map((c) => coldCase(`${c.name}, no source maps`, c.bundle, c.input, { nodeOptions: '' })) : []),
  ];
  console.log(`Cold starts: ${COLD_RUNS} fresh processes per case, ${cases.length} cases interleaved…`);
  for (let i = 0; i < COLD_RUNS; i += 1) {
    for (let j = 0; j < cases.length; j += 1) {
      const c = cases[(i + j) % cases.length]!; // rotate the order so no case always runs first
      const out = await child('cold', bundles[c.bundle], c.input, { ...(c.env ? { env: c.env } : {}), ...(c.nodeOptions !== undefined ? { nodeOptions: c.nodeOptions } : {}) });
      if (out.ok) c.runs.push({ ...out.result, iteration: i });
      else c.errors.push(out.error);
    }
  }

  // 4. Warm latency ----------------------------------------------------------------------------
  const warmCases: WarmCase[] = [];
  async function warm(name: string, bundle: string, steps: Step[], runs: number, iterations: number, env?: Record<string, string>) {
    const c: WarmCase = { name, runs: [], errors: [] };
    warmCases.push(c);
    const input = inputFile(`warm-${name.replace(/\W+/g, '-')}`, steps);
    for (let i = 0; i < runs; i += 1) {
      const out = await child('warm', bundle, input, { iterations, ...(env ? { env } : {}) });
      if (out.ok) c.runs.push(out.result);
      else c.errors.push(out.error);
    }
    return c;
  }
  console.log(`Warm latency: ${WARM_RUNS} processes × ${WARM_ITERATIONS} mixed requests each, interleaved…`);
  const warmBase: WarmCase = { name: `baseline: ${baseMix.map((s) => s.kind).join('/')}`, runs: [], errors: [] };
  const warmOurs: WarmCase = { name: `ours: ${mix.length} kinds, no store`, runs: [], errors: [] };
  warmCases.push(warmBase, warmOurs);
  const baseInput = inputFile('warm-baseline', baseMix);
  const oursInput = inputFile('warm-ours', mix);
  for (let i = 0; i < WARM_RUNS; i += 1) {
    for (const [c, bundle, input] of [[warmBase, bundles.baseline, baseInput], [warmOurs, bundles.ours, oursInput]] as const) {
      const out = await child('warm', bundle, input);
      if (out.ok) c.runs.push(out.result);
      else c.errors.push(out.error);
    }
  }
  if (store && storeMix) {
    console.log(`Warm, with the table configured: ${WARM_RUNS} processes × ${STORE_WARM_ITERATIONS} requests…`);
    await warm('ours: launch reading the store', bundles.ours, [{ kind: 'launch', envelope: launch() }], WARM_RUNS, STORE_WARM_ITERATIONS, store.env);
    await warm('ours: same mix, table configured (as deployed)', bundles.ours, storeMix, WARM_RUNS, STORE_WARM_ITERATIONS, store.env);
  }
  await store?.stop();

  // 5. Report ----------------------------------------------------------------------------------
  const col = (runs: ChildResult[], key: string) => runs.map((r) => r[key] as number);
  const coldRows = cases.map((c) => ({
    name: c.name, runs: c.runs.length, errors: c.errors,
    loadMs: median(col(c.runs, 'loadMs')), firstMs: median(col(c.runs, 'firstMs')),
    coldMs: median(col(c.runs, 'coldMs')), coldP90: quantile(col(c.runs, 'coldMs'), 0.9),
    rssMb: Math.max(0, ...col(c.runs, 'maxRssKb')) / 1024,
    answered: [...new Set(c.runs.map((r) => String(r.speech)))],
    samples: { loadMs: col(c.runs, 'loadMs'), firstMs: col(c.runs, 'firstMs'), coldMs: col(c.runs, 'coldMs') },
  }));
  const warmRows = warmCases.map((c) => {
    const kinds = Object.keys((c.runs[0]?.perKind as Record<string, unknown>) ?? {});
    return {
      name: c.name, runs: c.runs.length, errors: c.errors,
      p50: median(col(c.runs, 'p50')), p99: median(col(c.runs, 'p99')), rssMb: Math.max(0, ...col(c.runs, 'maxRssKb')) / 1024,
      perKind: Object.fromEntries(kinds.map((k) => {
        const of = (q: 'p50' | 'p99') => median(c.runs.map((r) => (r.perKind as Record<string, Record<string, number>>)[k]?.[q] ?? Number.NaN));
        return [k, { p50: of('p50'), p99: of('p99') }];
      })),
    };
  });
  const cold = (name: string) => coldRows.find((r) => r.name === name);
  const baseCold = cold('baseline: launch');
  /** Median of per-iteration ratios against the baseline run of the same iteration: robust to the machine's load drifting. */
  const pairedRatio = (name: string, baseName: string) => {
    const base = new Map(cases.find((c) => c.name === baseName)?.runs.map((r) => [r.iteration as number, r.coldMs as number]));
    const mine = cases.find((c) => c.name === name)?.runs ?? [];
    return median(mine.map((r) => ratio(r.coldMs as number, base.get(r.iteration as number) ?? Number.NaN)));
  };
  for (const r of coldRows) Object.assign(r, { pairedRatio: pairedRatio(r.name, r.name.includes('no source maps') ? 'baseline: launch, no source maps' : 'baseline: launch') });

  console.log(`\nNode ${process.version}, NODE_OPTIONS="${NODE_OPTIONS}" in the children (as the stack sets). Shared machine: read the ratios.`);
  const load = [report.loadAverageAtStart as number, loadavg()[0]!];
  console.log(`Load average (1 min) ${load.map((l) => l.toFixed(1)).join(' → ')} on ${cpus().length} cores${Math.max(...load) > cpus().length ? ': the machine was busy, expect noisier figures' : ''}.`);
  console.log('\nSanity check (what was answered; problems make a figure meaningless)');
  for (const s of sanity) console.log(`  ${s.problem ? '!!' : 'ok'}  ${`${s.who}: ${s.kind}`.padEnd(58)} ${s.problem ?? s.speech.slice(0, 70)}`);

  console.log('\nBundle (esbuild: node22, cjs, minified, source map)     raw KiB  gzip KiB   gzip ×');
  console.log(`  baseline (ask-sdk-core + i18next)                      ${num(kib(base.bytes))}  ${num(kib(base.gzipBytes))}`);
  console.log(`  ours                                                   ${num(kib(ours.bytes))}  ${num(kib(ours.gzipBytes))}  ${num(ratio(ours.gzipBytes, base.gzipBytes), 3)}`);

  console.log('\nCold start, fresh node per run (median ms; total = require + first response)');
  console.log(`  ${'case'.padEnd(44)} runs   require    first    total  total p90   × base  paired ×  peak RSS MB`);
  for (const r of coldRows) {
    const ref = r.name.includes('no source maps') ? cold('baseline: launch, no source maps') : baseCold;
    console.log(`  ${r.name.padEnd(44)} ${String(r.runs).padStart(4)}  ${num(r.loadMs, 2)} ${num(r.firstMs, 2)} ${num(r.coldMs, 2)}   ${num(r.coldP90, 2)}  ${num(ratio(r.coldMs, ref?.coldMs ?? Number.NaN), 2)}  ${num((r as { pairedRatio?: number }).pairedRatio ?? Number.NaN, 2)}     ${num(r.rssMb)}`);
    if (r.errors.length) console.log(`      !! ${r.errors.length} failed runs: ${r.errors[0]}`);
    if (r.answered.length > 1) console.log(`      !! answers differ between runs: ${r.answered.map((a) => JSON.stringify(a.slice(0, 40))).join(', ')}`);
  }
  console.log('  × base: ratio of the medians; paired ×: median over rounds of (our run ÷ the baseline run of the same round), the budget figure:');
  console.log('  it cancels the load other users put on the machine, which drifts between rounds');
  console.log('  answered:');
  for (const r of coldRows.filter((x) => !x.name.includes('no source maps'))) console.log(`    ${r.name.padEnd(34)} ${JSON.stringify((r.answered[0] ?? '').slice(0, 64))}`);

  console.log('\nWarm latency, one process each (median over processes; ms)       p50      p99   peak RSS MB');
  for (const r of warmRows) {
    console.log(`  ${r.name.padEnd(60)} ${num(r.p50, 3)} ${num(r.p99, 3)}   ${num(r.rssMb)}`);
    if (r.errors.length) console.log(`      !! ${r.errors.length} failed runs: ${r.errors[0]}`);
  }
  for (const r of warmRows.filter((x) => x.name.startsWith('ours') && Object.keys(x.perKind).length > 1)) {
    console.log(`  per request kind, ${r.name}:`);
    for (const [k, v] of Object.entries(r.perKind)) console.log(`    ${k.padEnd(36)} p50 ${num(v.p50, 3)}   p99 ${num(v.p99, 3)}`);
  }

  // Budget
  const oursWarm = warmRows.find((r) => r.name === warmOurs.name);
  const storeCold = cold('ours: launch reading the store');
  const storeWarm = warmRows.find((r) => r.name === 'ours: launch reading the store');
  const lines: { what: string; value: number; unit: string; limit: number; pass: boolean | null }[] = [];
  const check = (what: string, value: number, limit: number, unit: string) =>
    lines.push({ what, value, unit, limit, pass: Number.isFinite(value) ? value <= limit : false });
  for (const name of ['ours: launch', 'ours: start ankle routine', 'ours: start ball release']) {
    // The paired ratio: each of our runs against the baseline run of the same round, then the median.
    check(`cold first response, ${name.slice(6)} ≤ ${BUDGET.coldRatio}× baseline (paired)`, pairedRatio(name, 'baseline: launch'), BUDGET.coldRatio, '×');
  }
  check(`gzipped bundle ≤ ${BUDGET.gzipRatio}× baseline`, ratio(ours.gzipBytes, base.gzipBytes), BUDGET.gzipRatio, '×');
  check(`warm p99, store-free mix ≤ ${BUDGET.warmP99Ms} ms`, oursWarm?.p99 ?? Number.NaN, BUDGET.warmP99Ms, 'ms');
  const worstKind = Object.entries(oursWarm?.perKind ?? {}).sort((a, b) => b[1].p99 - a[1].p99)[0];
  const problems = sanity.filter((s) => s.problem).length;

  console.log('\nBudget (issue 6)');
  for (const l of lines) console.log(`  ${l.pass ? 'PASS' : 'FAIL'}  ${l.what.padEnd(58)} ${num(l.value, l.unit === 'ms' ? 3 : 3)} ${l.unit}`);
  if (worstKind) console.log(`  info  slowest store-free kind, p99: ${worstKind[0]} ${worstKind[1].p99.toFixed(3)} ms`);
  if (storeCold) console.log(`  info  launch reading the store, cold: median ${storeCold.coldMs.toFixed(1)} ms, p90 ${storeCold.coldP90.toFixed(1)} ms (${ratio(storeCold.coldMs, baseCold?.coldMs ?? Number.NaN).toFixed(1)}× baseline)`);
  if (storeWarm) console.log(`  info  launch reading the store, warm: p50 ${storeWarm.p50.toFixed(2)} ms, p99 ${storeWarm.p99.toFixed(2)} ms (loopback)`);
  const srcOn = cold('ours: launch');
  const srcOff = cold('ours: launch, no source maps');
  const baseOff = cold('baseline: launch, no source maps');
  if (srcOn && srcOff && baseCold && baseOff) {
    const without = storeFree.slice(1).map((c) => `${c.name.slice(6)} ${pairedRatio(`${c.name}, no source maps`, 'baseline: launch, no source maps').toFixed(2)}×`);
    console.log(`  info  --enable-source-maps (set by the stack) adds ${(srcOn.coldMs - srcOff.coldMs).toFixed(1)} ms to our cold launch, ${(baseCold.coldMs - baseOff.coldMs).toFixed(1)} ms to the baseline's;`);
    console.log(`        without it, cold ratios (paired): ${without.join(', ')}`);
  }

  // What the bundle is made of
  const topInputs = (meta: Metafile) => {
    const out = Object.entries(meta.outputs).find(([f]) => f.endsWith('.js'))?.[1];
    return Object.entries(out?.inputs ?? {}).map(([file, v]) => ({ file, bytes: v.bytesInOutput }));
  };
  const byPackage = (inputs: { file: string; bytes: number }[]) => {
    const m = new Map<string, number>();
    for (const i of inputs) m.set(packageOf(i.file), (m.get(packageOf(i.file)) ?? 0) + i.bytes);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  const oursInputs = topInputs(ours.metafile).sort((a, b) => b.bytes - a.bytes);
  const basePkgs = new Map(byPackage(topInputs(base.metafile)));
  console.log('\nOur bundle by package (minified bytes in the output; Δ vs baseline)');
  for (const [pkg, bytes] of byPackage(oursInputs).slice(0, 12)) console.log(`  ${num(kib(bytes))} KiB  ${num(kib(bytes - (basePkgs.get(pkg) ?? 0)), 1, 7)}  ${pkg}`);
  console.log('Largest single inputs:');
  for (const i of oursInputs.slice(0, 10)) console.log(`  ${num(kib(i.bytes))} KiB  ${i.file}`);

  const failed = lines.filter((l) => !l.pass).length;
  console.log(`\nSummary: ${lines.length - failed}/${lines.length} budget lines PASS${failed ? `, ${failed} FAIL` : ''}`
    + `${problems ? `; ${problems} sanity problem(s) above` : ''}. Ratios from a shared machine; results in dist/bench.json (${Math.round((Date.now() - started) / 1000)} s).`);
  for (const n of notes) console.log(`  note: ${n}`);

  Object.assign(report, {
    cold: coldRows, warm: warmRows, budget: lines,
    bundleByPackage: byPackage(oursInputs).map(([pkg, bytes]) => ({ pkg, bytes, baselineBytes: basePkgs.get(pkg) ?? 0 })),
    largestInputs: oursInputs.slice(0, 20),
  });
}

try {
  await main();
} catch (e) {
  console.error(`\nBench aborted: ${(e as Error).stack ?? e}`);
  console.log('Summary: bench did not complete (see the error above); no budget verdict.');
  report.error = String((e as Error).message ?? e);
}
saveReport();
process.exit(0);
