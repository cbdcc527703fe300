/**
 * `npm run bench`: bundle size, cold start, warm latency and peak RSS of the skill against a minimal
 * ask-sdk-core + i18next skill, built with the same esbuild settings and measured in the same run,
 * interleaved. Figures from a shared machine: read the ratios, not the absolute times.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PutCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { INITIAL_STATE } from '../../src/core/routine-state.js';
import { startDynalite, TEST_CREDENTIALS } from '../../tests/support/dynalite.js';
import { buildLambdaBundle, type BuiltBundle } from '../build.mjs';
import { intentRequest, launchRequest, TEST_SKILL_ID, TEST_USER_ID } from '../envelopes.js';

process.env.AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING = '1';
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 30);
/** Warm runs per skill; each is a fresh process, and the report takes the median of their percentiles. */
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 3);
const WARM_ITERATIONS = Number(process.env.BENCH_WARM_ITERATIONS ?? 5000);
const out = resolve('dist/bench');
mkdirSync(out, { recursive: true });
const child = resolve('tools/bench/child.cjs');

const median = (xs: number[]) => quantile(xs, 0.5);
const pick = (rs: Record<string, number>[], k: string) => rs.map((r) => r[k] as number);
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
}
const writeRequests = (name: string, requests: RequestEnvelope[]) => {
  const file = join(out, `${name}.json`);
  writeFileSync(file, JSON.stringify(requests));
  return file;
};

/** Runs one measurement in a fresh Node process (asynchronously, so a store served by this process keeps answering). */
function run(bundle: string, requests: string, mode: 'cold' | 'warm', env: Record<string, string> = {}): Promise<Record<string, number>> {
  return new Promise((resolvePromise, reject) => {
    const p = spawn(process.execPath, [child, bundle, requests, mode, String(WARM_ITERATIONS)], {
      env: { PATH: process.env.PATH ?? '', SKILL_ID: TEST_SKILL_ID, LOG_LEVEL: 'info', ...env }, timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench child failed: ${stderr.slice(0, 2000)}`));
      else resolvePromise(JSON.parse(line.slice(7)) as Record<string, number>);
    });
  });
}

// Requests.
const inRoutine = { state: { ...INITIAL_STATE, pregnant: false, disclaimed: true, progress: { routineId: 'ankle', stepIndex: 1, segmentIndex: 0, paused: false } } };
const session = { sessionAttributes: inRoutine };
const files = {
  launch: writeRequests('launch', [launchRequest()]),
  start: writeRequests('start', [intentRequest('StartRoutineIntent', { routine: 'ball release' }, { newSession: true })]),
  oursWarm: writeRequests('ours-warm', [
    launchRequest(), intentRequest('AMAZON.HelpIntent'), intentRequest('StartRoutineIntent', { routine: 'ball release' }),
    intentRequest('AMAZON.NextIntent', {}, session), intentRequest('WherePointIntent', { point: 'calm sleep' }),
    intentRequest('AMAZON.PauseIntent', {}, session), intentRequest('AMAZON.RepeatIntent', {}, session),
    intentRequest('AMAZON.PreviousIntent', {}, session), intentRequest('AMAZON.StopIntent', {}, session),
  ]),
  baseWarm: writeRequests('baseline-warm', [launchRequest(), intentRequest('AMAZON.HelpIntent'), intentRequest('AMAZON.StopIntent')]),
};

console.log('Building both bundles with the stack\'s esbuild settings (infra/bundling.ts)…');
const ours: BuiltBundle = await buildLambdaBundle('src/index.ts', join(out, 'ours'));
const base: BuiltBundle = await buildLambdaBundle('bench/fixtures/minimal-skill.ts', join(out, 'baseline'));

console.log(`Cold starts: ${COLD_RUNS} fresh processes each, interleaved…`);
const cold = { oursLaunch: [] as Record<string, number>[], oursStart: [] as Record<string, number>[], baseLaunch: [] as Record<string, number>[] };
for (let i = 0; i < COLD_RUNS; i += 1) {
  cold.baseLaunch.push(await run(base.file, files.launch, 'cold'));
  cold.oursLaunch.push(await run(ours.file, files.launch, 'cold'));
  cold.oursStart.push(await run(ours.file, files.start, 'cold'));
}

console.log(`Warm latency: ${WARM_RUNS} processes × ${WARM_ITERATIONS} mixed requests each…`);
/** Several warm processes, interleaved; the median of each percentile damps a shared machine's noise. */
async function warm(bundle: string, requests: string, env: Record<string, string> = {}): Promise<Record<string, number>> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) runs.push(await run(bundle, requests, 'warm', env));
  return { p50: median(pick(runs, 'p50')), p99: median(pick(runs, 'p99')), maxRssKb: Math.max(...pick(runs, 'maxRssKb')), runs: runs.length };
}
const warmBase = await warm(base.file, files.baseWarm);
const warmOurs = await warm(ours.file, files.oursWarm);

console.log('Store-reading launch against a local DynamoDB-compatible server…');
const db = await startDynalite('BenchTable');
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS }));
await doc.send(new PutCommand({ TableName: db.tableName, Item: { id: TEST_USER_ID, attributes: { state: inRoutine.state } } }));
const storeEnv = { AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1', TABLE_NAME: db.tableName, AWS_ENDPOINT_URL: db.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
const coldStore: Record<string, number>[] = [];
for (let i = 0; i < Math.min(COLD_RUNS, 10); i += 1) coldStore.push(await run(ours.file, files.launch, 'cold', storeEnv));
const warmStore = await warm(ours.file, writeRequests('store-warm', [launchRequest()]), storeEnv);
await db.stop();
doc.destroy();

// Report.
const row = (name: string, rs: Record<string, number>[]) => ({
  name, loadMed: median(pick(rs, 'loadMs')), firstMed: median(pick(rs, 'firstMs')), coldMed: median(pick(rs, 'coldMs')),
  coldP90: quantile(pick(rs, 'coldMs'), 0.9), rssMb: Math.max(...pick(rs, 'maxRssKb')) / 1024,
});
const rows = [row('baseline launch', cold.baseLaunch), row('ours launch', cold.oursLaunch), row('ours start routine', cold.oursStart), row('ours launch + store read', coldStore)];
const f = (n: number, d = 1) => n.toFixed(d).padStart(8);
console.log('\nBundle (esbuild, minified, node22, cjs)          raw KiB   gzip KiB');
console.log(`  baseline (ask-sdk-core + i18next)            ${f(base.bytes / 1024)}   ${f(base.gzipBytes / 1024)}`);
console.log(`  ours                                         ${f(ours.bytes / 1024)}   ${f(ours.gzipBytes / 1024)}`);
console.log('\nCold start (fresh node process)           load ms  first ms  total med  total p90  peak RSS MB');
for (const r of rows) console.log(`  ${r.name.padEnd(38)} ${f(r.loadMed, 2)} ${f(r.firstMed, 2)}  ${f(r.coldMed, 2)}   ${f(r.coldP90, 2)}   ${f(r.rssMb)}`);
console.log('\nWarm latency                                 p50 ms    p99 ms   peak RSS MB');
console.log(`  baseline (launch/help/stop)                 ${f(warmBase.p50!, 3)}  ${f(warmBase.p99!, 3)}  ${f(warmBase.maxRssKb! / 1024)}`);
console.log(`  ours (9 mixed, no store)                    ${f(warmOurs.p50!, 3)}  ${f(warmOurs.p99!, 3)}  ${f(warmOurs.maxRssKb! / 1024)}`);
console.log(`  ours launch reading the store (loopback)    ${f(warmStore.p50!, 3)}  ${f(warmStore.p99!, 3)}  ${f(warmStore.maxRssKb! / 1024)}`);

const coldRatio = rows[1]!.coldMed / rows[0]!.coldMed;
const startRatio = rows[2]!.coldMed / rows[0]!.coldMed;
const gzipRatio = ours.gzipBytes / base.gzipBytes;
const budget = [
  ['cold first response (launch) ≤ 1.3× baseline', coldRatio, coldRatio <= 1.3],
  ['cold first response (routine start) ≤ 1.3× baseline', startRatio, startRatio <= 1.3],
  ['gzipped bundle ≤ 1.5× baseline', gzipRatio, gzipRatio <= 1.5],
  ['warm p99 ≤ 1 ms (no store)', warmOurs.p99!, warmOurs.p99! <= 1],
] as const;
console.log('\nBudget');
for (const [what, value, ok] of budget) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${what.padEnd(52)} ${value.toFixed(3)}${what.includes('ms (') ? ' ms' : '×'}`);
console.log(`  info  launch reading the store, cold median: ${rows[3]!.coldMed.toFixed(1)} ms (${(rows[3]!.coldMed / rows[0]!.coldMed).toFixed(2)}× baseline); warm p50 ${warmStore.p50!.toFixed(2)} ms`);
console.log('\nFigures come from a shared machine: compare the ratios, not the absolute times.');

const top = Object.entries(ours.metafile.inputs).map(([file, v]) => [file.replace(/^node_modules\//, ''), v.bytes] as const).sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log('\nLargest inputs of our bundle (pre-minify bytes):');
for (const [file, bytes] of top) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${file}`);
writeFileSync(join(out, 'bench.json'), JSON.stringify({ bundle: { ours: ours.bytes, oursGzip: ours.gzipBytes, base: base.bytes, baseGzip: base.gzipBytes }, cold: rows, warm: { ours: warmOurs, base: warmBase, store: warmStore }, budget }, null, 2));
