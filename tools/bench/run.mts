/**
 * `npm run bench [-- --check] [-- --node=machine] [-- --store=http]`: bundle size, cold start, warm latency and
 * peak RSS of the skill against a minimal ask-sdk-core + i18next skill (bench/fixtures/), all built with the
 * stack's esbuild settings and measured in the same run, cold cases interleaved in rounds. The store is dynalite
 * on loopback over HTTPS with a test CA made at start (store.ts, tls.ts), as production reaches DynamoDB only over
 * HTTPS; `--store=http` gives the plain-HTTP stand-in of earlier runs. Each child first loads what Lambda's
 * runtime has loaded before the handler (child.cjs). The skill is measured with each store client candidate
 * (bench/candidates/) swapped in behind the same PersistenceAdapter. Checks the budget (budget.ts).
 *
 * Children run on Lambda's Node 22 (the npm package, tools/bench/node-runtimes.ts), or with
 * `--node=machine` on the machine's own Node (the first `node` on PATH outside node_modules).
 * Figures come from a shared machine: read the ratios. Exits 0, or with `--check`
 * non-zero when a budget line fails. Results: dist/bench.json. Not part of CI.
 *
 * Knobs (env): BENCH_COLD_RUNS (30), BENCH_WARM_RUNS (3), BENCH_WARM_ITERATIONS (5000),
 * BENCH_STORE_WARM_ITERATIONS (1000), BENCH_NODE_OPTIONS (LAMBDA_BUNDLE.nodeOptions, as the stack sets).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LAMBDA_BUNDLE } from '../../infra/bundling.js';
import type { BuiltBundle } from '../build.mjs';
import { budgetLines, exitCode, storeContextLines, type BudgetLine } from './budget.js';
import { benchAudioStream } from './audio-stream.js';
import { buildBenchBundles, CANDIDATES } from './bundles.js';
import { COLD, coldCases, conversation, launchSteps, minimalMix, oursMix, READ_SAVED, type BundleRef } from './cases.js';
import { Children, errorLines, type ChildResult, type Step } from './children.js';
import { node22Path, pathNode } from './node-runtimes.js';
import { beyondFloor, coldRow, paired, printBudget, printBundles, printCandidates, printCold, printPackages, printWarm, warmRow, type ColdTally, type WarmRow } from './report.js';
import { ratio } from './stats.js';
import { startStore, type BenchStore } from './store.js';

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};

interface Settings {
  readonly coldRuns: number;
  readonly warmRuns: number;
  readonly warmIterations: number;
  /** Untimed requests before the timed ones: enough for V8 to have compiled the request path with its optimising tiers. */
  readonly warmup: number;
  /** The early-warm rows: the same measurement after only this many requests (JIT still compiling). */
  readonly earlyWarmup: number;
  readonly storeWarmIterations: number;
  /** The stack sets the function's NODE_OPTIONS from LAMBDA_BUNDLE (infra/bundling.ts); children get the same. */
  readonly nodeOptions: string;
  readonly node: string;
  readonly check: boolean;
  /** The store stand-in speaks HTTPS (as DynamoDB), or plain HTTP with `--store=http`. */
  readonly storeTls: boolean;
}

function settings(argv: readonly string[]): Settings {
  const { values } = parseArgs({ args: [...argv], options: { check: { type: 'boolean' }, node: { type: 'string' }, store: { type: 'string' } }, allowPositionals: true });
  if (values.store !== undefined && values.store !== 'http' && values.store !== 'https') throw new Error(`--store=${values.store}: http or https`);
  // npm scripts put node_modules/.bin/node (Node 22) first on PATH: "machine" is the first node outside node_modules.
  const node22 = values.node === 'machine' ? undefined : node22Path();
  if (values.node !== 'machine' && !node22) console.log('(Node 22 from npm is not installed: children run on this Node; run npm ci)');
  const machine = values.node === 'machine' ? pathNode() : undefined;
  return {
    coldRuns: envNumber('BENCH_COLD_RUNS', 30),
    warmRuns: envNumber('BENCH_WARM_RUNS', 3),
    warmIterations: envNumber('BENCH_WARM_ITERATIONS', 5000),
    warmup: envNumber('BENCH_WARM_WARMUP', 5000),
    earlyWarmup: envNumber('BENCH_EARLY_WARMUP', 500),
    storeWarmIterations: envNumber('BENCH_STORE_WARM_ITERATIONS', 1000),
    nodeOptions: process.env.BENCH_NODE_OPTIONS ?? LAMBDA_BUNDLE.nodeOptions,
    node: node22 ?? machine ?? process.execPath,
    check: values.check === true,
    storeTls: values.store !== 'http',
  };
}

interface Sanity { who: string; kind: string; speech: string; problem?: string }
type StepResult = { kind: string; ok: boolean; speech?: string; thrown?: string; attributes: Record<string, unknown> };

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const s = settings(argv);
  /** Start of the run, Date.now() ms. */
  const startedMs = Date.now();
  const out = resolve('dist/bench');
  rmSync(join(out, 'tmp'), { recursive: true, force: true });
  const children = new Children(join(out, 'tmp'));
  const notes: string[] = [];
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: `${cpus().length} cores (shared)`, loadAverageAtStart: loadavg()[0], notes };
  let lines: BudgetLine[] | undefined;
  let store: BenchStore | undefined;
  try {
    const nodeVersion = execFileSync(s.node, ['--version'], { encoding: 'utf8' }).trim();
    Object.assign(report, { node: nodeVersion, nodeOptions: s.nodeOptions, store: s.storeTls ? 'https' : 'http', coldRuns: s.coldRuns, warmRuns: s.warmRuns, warmIterations: s.warmIterations });

    console.log('Building the bundles with the stack\'s esbuild settings (infra/bundling.ts)…');
    const bundles = await buildBenchBundles(out);
    const fileOf = (ref: BundleRef): string => ref.kind === 'ours' ? bundles.ours.file : ref.kind === 'minimal' ? bundles.minimal.file
      : ref.kind === 'minimal-store' ? bundles.minimalStore.file : ref.kind === 'minimal-bare-store' ? bundles.minimalBareStore.file : bundles.candidates[ref.id]!.file;
    const built: [string, BuiltBundle][] = [['ours', bundles.ours], ['minimal', bundles.minimal], ['minimal-store', bundles.minimalStore], ['minimal-bare-store', bundles.minimalBareStore], ...Object.entries(bundles.candidates)];
    report.bundles = Object.fromEntries(built.map(([k, b]) => [k, { bytes: b.bytes, gzipBytes: b.gzipBytes }]));

    try {
      store = await startStore({ tls: s.storeTls, tlsDir: join(out, 'tls') });
    } catch (e) {
      notes.push(`store not measured: dynalite did not start (${(e as Error).message})`);
    }
    const run = (mode: 'cold' | 'warm' | 'script', bundle: string, input: string, opts: { store?: boolean; iterations?: number; warmup?: number; env?: Record<string, string> } = {}) =>
      children.run(mode, bundle, input, { node: s.node, nodeOptions: s.nodeOptions, ...(opts.store && store ? { env: { ...store.env, ...opts.env } } : {}), ...(opts.iterations ? { iterations: opts.iterations } : {}), ...(opts.warmup !== undefined ? { warmup: opts.warmup } : {}) });

    // Sanity: what each request answers; a request that throws, logs an error or apologises makes its figure meaningless.
    console.log('Sanity check: what each request answers…');
    const sanity: Sanity[] = [];
    async function probe(who: string, bundle: string, steps: Step[], withStore = false): Promise<StepResult[] | undefined> {
      const o = await run('script', bundle, children.input(`probe-${who}`, steps), { store: withStore });
      if (!o.ok) {
        sanity.push({ who, kind: '(all)', speech: '', problem: o.error });
        return undefined;
      }
      const segments = o.stderr.split(/\n@@step (\d+)\n/);
      const results = o.result.steps as StepResult[];
      results.forEach((r, i) => {
        const idx = segments.indexOf(String(i));
        const err = idx >= 0 ? errorLines((segments[idx + 1] ?? '').split('\n@@end')[0] ?? '') : [];
        const problem = r.thrown ? `threw: ${r.thrown}` : !r.ok ? 'no response' : err.length ? `logged an error: ${err[0]!.slice(0, 160)}`
          : /something went wrong|sorry, (i|something)/i.test(r.speech ?? '') ? 'answered with an apology (error handler?)' : undefined;
        sanity.push({ who, kind: r.kind, speech: r.speech ?? '', ...(problem ? { problem } : {}) });
      });
      return results;
    }
    const talk = await probe('ours (conversation)', bundles.ours.file, conversation);
    const mix = oursMix(talk?.[1]?.attributes ?? {}, talk?.[2]?.attributes ?? {});
    if (talk && Object.keys(talk[2]?.attributes ?? {}).length === 0) notes.push('the skill returned no session attributes mid-routine: the warm mix starts from an empty session');
    await probe('ours (warm mix)', bundles.ours.file, mix);
    await probe('ours (de-DE launch)', bundles.ours.file, launchSteps('de-DE'));
    await probe('minimal', bundles.minimal.file, minimalMix);
    if (store) {
      // The skill saves its own progress, so the launches below read real saved state and offer to resume.
      await probe('ours + store (seed)', bundles.ours.file, conversation, true);
      for (const c of CANDIDATES) {
        const again = await probe(`ours + store, ${c.id}`, bundles.candidates[c.id]!.file, launchSteps(), true);
        if (again?.[0] && again[0].speech === talk?.[0]?.speech) notes.push(`${c.id}: the store-reading launch said the same as a store-free launch: it may not have read the saved progress`);
      }
      // The sample-style skill and the floor must have read the item the skill saved ("Welcome back"), or their
      // timings are not a store read; and the floor must fail loudly, not answer, when it reads a table that is not there.
      for (const [who, file] of [['minimal + store', bundles.minimalStore.file], ['floor (bare GetItem)', bundles.minimalBareStore.file]] as const) {
        const read = await probe(who, file, launchSteps(), true);
        const last = sanity[sanity.length - 1];
        if (read?.[0] && last && !last.problem && !READ_SAVED.test(read[0].speech ?? '')) last.problem = `did not read the saved item: said ${JSON.stringify(read[0].speech)}`;
      }
      const wrong = await run('script', bundles.minimalBareStore.file, children.input('probe-floor-wrong-table', launchSteps()), { store: true, env: { TABLE_NAME: `${store.tableName}-missing` } });
      const wrongSaid = wrong.ok ? (wrong.result.steps as StepResult[])[0] : undefined;
      const failedLoudly = !wrong.ok || !wrongSaid?.ok || Boolean(wrongSaid.thrown) || /sorry/i.test(wrongSaid.speech ?? '');
      sanity.push({ who: 'floor, table that does not exist', kind: 'launch', speech: `failed, as it must: ${wrongSaid?.thrown ?? wrongSaid?.speech ?? (wrong.ok ? '' : wrong.error)}`,
        ...(failedLoudly ? {} : { problem: `answered ${JSON.stringify(wrongSaid?.speech)} instead of failing: the floor may not be reading the store` }) });
    }
    report.sanity = sanity;

    // Cold starts, interleaved: each round runs every case once, in a rotating order.
    const specs = coldCases(CANDIDATES.map((c) => c.id), Boolean(store));
    const tallies: ColdTally[] = specs.map((spec) => ({ spec, runs: [], errors: [] }));
    const inputs = new Map(specs.map((c) => [c.name, children.input(`cold-${c.name}`, c.steps)]));
    console.log(`Cold starts: ${s.coldRuns} rounds × ${specs.length} cases, interleaved…`);
    for (let round = 0; round < s.coldRuns; round += 1) {
      for (let j = 0; j < tallies.length; j += 1) {
        const t = tallies[(round + j) % tallies.length]!;
        const o = await run('cold', fileOf(t.spec.bundle), inputs.get(t.spec.name)!, { store: t.spec.store });
        const said = o.ok ? String(o.result.speech) : '';
        if (o.ok && t.spec.expectSpeech && !t.spec.expectSpeech.test(said)) t.errors.push(`answered ${JSON.stringify(said)}: not a read of the saved item`);
        else if (o.ok) t.runs.push({ round, result: o.result });
        else t.errors.push(o.error);
      }
    }

    // Warm latency: the minimal skill and ours (no table: no store call) interleaved, then ours reading the store.
    console.log(`Warm latency: ${s.warmRuns} processes × ${s.warmIterations} requests per skill after ${s.warmup} (and after ${s.earlyWarmup}), interleaved…`);
    const warmResults = { minimal: [] as ChildResult[], ours: [] as ChildResult[], minimalEarly: [] as ChildResult[], oursEarly: [] as ChildResult[], store: [] as ChildResult[] };
    const warmErrors = { minimal: [] as string[], ours: [] as string[], minimalEarly: [] as string[], oursEarly: [] as string[], store: [] as string[] };
    const minimalInput = children.input('warm-minimal', minimalMix);
    const oursInput = children.input('warm-ours', mix);
    for (let i = 0; i < s.warmRuns; i += 1) {
      for (const [key, bundle, input, warmup] of [
        ['minimal', bundles.minimal.file, minimalInput, s.warmup], ['ours', bundles.ours.file, oursInput, s.warmup],
        ['minimalEarly', bundles.minimal.file, minimalInput, s.earlyWarmup], ['oursEarly', bundles.ours.file, oursInput, s.earlyWarmup],
      ] as const) {
        const o = await run('warm', bundle, input, { iterations: s.warmIterations, warmup });
        if (o.ok) warmResults[key].push(o.result);
        else warmErrors[key].push(o.error);
      }
    }
    if (store) {
      const input = children.input('warm-store', launchSteps());
      for (let i = 0; i < s.warmRuns; i += 1) {
        const o = await run('warm', bundles.ours.file, input, { iterations: s.storeWarmIterations, warmup: s.earlyWarmup, store: true });
        if (o.ok) warmResults.store.push(o.result);
        else warmErrors.store.push(o.error);
      }
    }

    // Report
    const rows = tallies.map(coldRow);
    const row = (name: string) => rows.find((r) => r.name === name);
    const warmRows: WarmRow[] = [
      warmRow(`minimal: ${minimalMix.map((x) => x.kind).join('/')}`, warmResults.minimal, warmErrors.minimal),
      warmRow(`ours: ${mix.length} kinds, no store call`, warmResults.ours, warmErrors.ours),
      warmRow(`minimal, early: after ${s.earlyWarmup} requests`, warmResults.minimalEarly, warmErrors.minimalEarly),
      warmRow(`ours, early: after ${s.earlyWarmup} requests`, warmResults.oursEarly, warmErrors.oursEarly),
      ...(store ? [warmRow(`ours: launch reading the store (${s.storeTls ? 'HTTPS' : 'HTTP'}, loopback)`, warmResults.store, warmErrors.store)] : []),
    ];
    const load = [report.loadAverageAtStart as number, loadavg()[0]!];
    if (store) console.log(`\nStore: dynalite on loopback over ${s.storeTls ? 'HTTPS (test CA, NODE_EXTRA_CA_CERTS), as DynamoDB is reached in production' : 'plain HTTP (--store=http): no TLS, which production never has'}.`);
    console.log(`Children on Node ${nodeVersion} (${s.node === node22Path() ? 'the npm package, Lambda\'s major' : 'the machine\'s Node'}), NODE_OPTIONS="${s.nodeOptions}" (as the stack sets). Shared machine: read the ratios.`);
    console.log(`Load average (1 min) ${load.map((l) => l.toFixed(1)).join(' → ')} on ${cpus().length} cores${Math.max(...load) > cpus().length ? ': busy, expect noisier figures' : ''}.`);
    console.log('\nSanity check (what was answered)');
    for (const x of sanity) console.log(`  ${x.problem ? '!!' : 'ok'}  ${`${x.who}: ${x.kind}`.padEnd(58)} ${x.problem ?? x.speech.slice(0, 70)}`);
    printBundles([
      { name: 'minimal (ask-sdk-core + i18next)', ...bundles.minimal },
      { name: 'minimal + store (SDK v3 external)', ...bundles.minimalStore },
      { name: 'floor: minimal + one bare HTTPS GetItem', ...bundles.minimalBareStore },
      ...CANDIDATES.map((c) => ({ name: `ours, ${c.label}`, ...bundles.candidates[c.id]! })),
    ], bundles.minimal);
    const minimal = row(COLD.minimal);
    printCold(rows, minimal);
    const kept = row(COLD.oursStore(CANDIDATES[0]!.id));
    printCandidates(CANDIDATES.map((c) => ({ id: c.id, label: c.label, row: row(COLD.oursStore(c.id)) })),
      { minimal, minimalStore: row(COLD.minimalStore), floor: row(COLD.floor), ours: row(COLD.ours), before: row(COLD.oursStore('sdk-import')) });
    console.log(`  de-DE launch ÷ en-US launch (paired): ${paired(row(COLD.oursDe), row(COLD.ours)).toFixed(2)}×`);
    printWarm(warmRows);
    printPackages(bundles.ours.metafile, bundles.minimal.metafile);
    report.audioStream = await benchAudioStream(out, s.node, Math.min(s.coldRuns, 10));

    const storeLine = beyondFloor(kept, row(COLD.floor), row(COLD.minimalStore));
    const storeContext = { oursVsSample: paired(kept, row(COLD.minimalStore)), floorVsSample: paired(row(COLD.floor), row(COLD.minimalStore)), rounds: storeLine.rounds, dropped: storeLine.dropped };
    lines = budgetLines({
      storeBeyondFloor: storeLine.value,
      coldVsMinimal: paired(row(COLD.ours), minimal),
      warmP99Ms: warmRows[1]!.p99Ms,
      gzipVsMinimal: ratio(bundles.ours.gzipBytes, bundles.minimal.gzipBytes),
    });
    printBudget(lines, store ? storeContextLines(storeContext) : []);
    if (storeLine.dropped) notes.push(`the store line dropped ${storeLine.dropped} of ${storeLine.rounds} rounds where the sample-style skill was not slower than the floor`);
    if (!s.storeTls) notes.push('the store line was measured over plain HTTP (--store=http): it does not describe production, and its verdict is not the budget\'s');
    const problems = sanity.filter((x) => x.problem).length;
    const failed = lines.filter((l) => !l.pass).length;
    console.log(`\nSummary: ${lines.length - failed}/${lines.length} budget lines PASS${failed ? `, ${failed} FAIL` : ''}${problems ? `; ${problems} sanity problem(s) above` : ''}.`
      + ` Ratios from a shared machine; results in dist/bench.json (${Math.round((Date.now() - startedMs) / 1000)} s).`);
    for (const n of notes) console.log(`  note: ${n}`);
    Object.assign(report, { cold: rows, warm: warmRows, budget: lines, storeContext });
  } catch (e) {
    console.error(`\nBench aborted: ${(e as Error).stack ?? String(e)}`);
    console.log('Summary: bench did not complete (see the error above); no budget verdict.');
    report.error = String((e as Error).message ?? e);
  } finally {
    await store?.stop();
    report.seconds = Math.round((Date.now() - startedMs) / 1000);
    report.loadAverageAtEnd = loadavg()[0];
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/bench.json', JSON.stringify(report, null, 2));
  }
  return exitCode(lines, s.check);
}

/** Exported for tests: true when this module is the program being run. */
export const isEntry = (argv1: string | undefined, url: string): boolean => argv1 !== undefined && url === pathToFileURL(resolve(argv1)).href;

if (isEntry(process.argv[1], import.meta.url)) {
  const code = await main();
  process.exit(code); // a store client in the parent may keep sockets open
}

