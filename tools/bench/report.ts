/** Turns child results into rows and prints them. No measurement here. */
import type { Metafile } from 'esbuild';
import type { BudgetLine } from './budget.js';
import type { ColdCase } from './cases.js';
import type { ChildResult } from './children.js';
import { kib, median, num, packageOf, pairedMarginalRatio, pairedRatio, quantile, ratio, type MarginalRatio, type RoundValue } from './stats.js';

export interface ColdRun { readonly round: number; readonly result: ChildResult }
export interface ColdTally { readonly spec: ColdCase; readonly runs: ColdRun[]; readonly errors: string[] }

export interface ColdRow {
  readonly name: string;
  readonly runs: number;
  readonly errors: readonly string[];
  /** Medians, ms. */
  readonly loadMs: number;
  readonly firstMs: number;
  readonly coldMs: number;
  readonly coldP90Ms: number;
  readonly rssMb: number;
  readonly answered: readonly string[];
  /** Total (require + first response) per round, ms. */
  readonly totals: readonly RoundValue[];
}

const col = (runs: readonly ColdRun[], key: string) => runs.map((r) => r.result[key] as number);

export function coldRow(t: ColdTally): ColdRow {
  return {
    name: t.spec.name, runs: t.runs.length, errors: t.errors,
    loadMs: median(col(t.runs, 'loadMs')), firstMs: median(col(t.runs, 'firstMs')),
    coldMs: median(col(t.runs, 'coldMs')), coldP90Ms: quantile(col(t.runs, 'coldMs'), 0.9),
    rssMb: Math.max(0, ...col(t.runs, 'maxRssKb')) / 1024,
    answered: [...new Set(t.runs.map((r) => String(r.result.speech)))],
    totals: t.runs.map((r) => ({ round: r.round, value: r.result.coldMs as number })),
  };
}

export interface WarmRow {
  readonly name: string;
  readonly runs: number;
  readonly errors: readonly string[];
  /** Median over processes of each process's quantile over all its requests, ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rssMb: number;
  /** Per request kind, median over processes, ms. */
  readonly perKind: Readonly<Record<string, { p50Ms: number; p99Ms: number }>>;
}

export function warmRow(name: string, results: readonly ChildResult[], errors: readonly string[]): WarmRow {
  const all = (r: ChildResult) => (r.samples as number[][]).flat();
  const kinds = (results[0]?.kinds as string[] | undefined) ?? [];
  const perKind = Object.fromEntries(kinds.map((k, i) => {
    const of = (p: number) => median(results.map((r) => quantile((r.samples as number[][])[i] ?? [], p)));
    return [k, { p50Ms: of(0.5), p99Ms: of(0.99) }];
  }));
  return {
    name, runs: results.length, errors,
    p50Ms: median(results.map((r) => quantile(all(r), 0.5))), p99Ms: median(results.map((r) => quantile(all(r), 0.99))),
    rssMb: Math.max(0, ...results.map((r) => r.maxRssKb)) / 1024, perKind,
  };
}

export const paired = (a: ColdRow | undefined, b: ColdRow | undefined): number => (a && b ? pairedRatio(a.totals, b.totals) : Number.NaN);

/** (a − floor) ÷ (ref − floor), paired per round (stats.ts pairedMarginalRatio); NaN without all three rows. */
export const beyondFloor = (a: ColdRow | undefined, floor: ColdRow | undefined, ref: ColdRow | undefined): MarginalRatio =>
  (a && floor && ref ? pairedMarginalRatio(a.totals, floor.totals, ref.totals) : { value: Number.NaN, rounds: 0, dropped: 0 });

export function printBundles(rows: readonly { name: string; bytes: number; gzipBytes: number }[], reference: { gzipBytes: number }): void {
  console.log(`\nBundles (esbuild: node22, cjs, minified, source map)      ${'raw KiB'.padStart(8)} ${'gzip KiB'.padStart(8)}  gzip × minimal`);
  for (const r of rows) console.log(`  ${r.name.padEnd(52)} ${num(kib(r.bytes))} ${num(kib(r.gzipBytes))}  ${num(ratio(r.gzipBytes, reference.gzipBytes), 3)}`);
}

export function printCold(rows: readonly ColdRow[], base: ColdRow | undefined): void {
  console.log('\nCold start, fresh node per run (median ms; total = require + first response)');
  console.log(`  ${'case'.padEnd(62)} runs  require    first    total  total p90  paired × minimal  peak RSS MB`);
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(62)} ${String(r.runs).padStart(4)} ${num(r.loadMs, 2)} ${num(r.firstMs, 2)} ${num(r.coldMs, 2)}   ${num(r.coldP90Ms, 2)}  ${num(paired(r, base), 2, 16)}  ${num(r.rssMb, 1, 11)}`);
    if (r.errors.length) console.log(`      !! ${r.errors.length} failed runs: ${r.errors[0]}`);
    if (r.answered.length > 1) console.log(`      !! answers differ between runs: ${r.answered.map((a) => JSON.stringify(a.slice(0, 40))).join(', ')}`);
  }
  console.log('  paired ×: median over rounds of (this run ÷ the minimal skill\'s launch without a store in the same round)');
  console.log('  answered:');
  for (const r of rows) console.log(`    ${r.name.padEnd(62)} ${JSON.stringify((r.answered[0] ?? '').slice(0, 60))}`);
}

export interface CandidateRow {
  readonly id: string;
  readonly label: string;
  readonly row: ColdRow | undefined;
}

/** The store clients side by side, each as paired ratios against the references of the same run. */
export function printCandidates(candidates: readonly CandidateRow[], refs: { minimal?: ColdRow; minimalStore?: ColdRow; floor?: ColdRow; ours?: ColdRow; before?: ColdRow }): void {
  console.log('\nStore clients behind the same PersistenceAdapter: cold launch reading the store (paired ratios, same run)');
  console.log(`  ${'client'.padEnd(32)}  total ms  first ms  × minimal  × minimal+store  beyond floor ×  × ours no store  × SDK import()`);
  for (const c of candidates) {
    const r = c.row;
    console.log(`  ${c.label.padEnd(32)} ${num(r?.coldMs ?? Number.NaN, 1, 9)} ${num(r?.firstMs ?? Number.NaN, 1, 9)} ${num(paired(r, refs.minimal), 2, 10)} ${num(paired(r, refs.minimalStore), 2, 16)} ${num(beyondFloor(r, refs.floor, refs.minimalStore).value, 2, 15)} ${num(paired(r, refs.ours), 2, 16)} ${num(paired(r, refs.before), 2, 14)}`);
  }
  if (refs.minimalStore) console.log(`  ${'minimal skill, SDK v3 (sample)'.padEnd(32)} ${num(refs.minimalStore.coldMs, 1, 9)} ${num(refs.minimalStore.firstMs, 1, 9)} ${num(paired(refs.minimalStore, refs.minimal), 2, 10)} ${num(1, 2, 16)} ${num(1, 2, 15)}`);
  if (refs.floor) console.log(`  ${'floor: minimal + bare GetItem'.padEnd(32)} ${num(refs.floor.coldMs, 1, 9)} ${num(refs.floor.firstMs, 1, 9)} ${num(paired(refs.floor, refs.minimal), 2, 10)} ${num(paired(refs.floor, refs.minimalStore), 2, 16)} ${num(0, 2, 15)}`);
  console.log('  beyond floor ×: median over rounds of (this − floor) ÷ (sample − floor), each round against its own floor');
}

export function printWarm(rows: readonly WarmRow[]): void {
  console.log('\nWarm latency, one process per run (median over processes; ms)         p50      p99   peak RSS MB');
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(64)} ${num(r.p50Ms, 3)} ${num(r.p99Ms, 3)}   ${num(r.rssMb)}`);
    if (r.errors.length) console.log(`      !! ${r.errors.length} failed runs: ${r.errors[0]}`);
  }
  for (const r of rows.filter((x) => x.name.startsWith('ours: ') && Object.keys(x.perKind).length > 1)) {
    console.log(`  per request kind, ${r.name}:`);
    for (const [k, v] of Object.entries(r.perKind)) console.log(`    ${k.padEnd(36)} p50 ${num(v.p50Ms, 3)}   p99 ${num(v.p99Ms, 3)}`);
  }
}

/** The verdict, with the store line's unjudged context (budget.ts storeContextLines) under the first line. */
export function printBudget(lines: readonly BudgetLine[], storeContext: readonly string[] = []): void {
  console.log('\nBudget (issues 13 and 19)');
  lines.forEach((l, i) => {
    console.log(`  ${l.pass ? 'PASS' : 'FAIL'}  ${l.what.padEnd(70)} ${num(l.value, 3)} ${l.unit}`);
    if (i === 0) for (const c of storeContext) console.log(`          ${c}`);
  });
}

/** Minified bytes per package in a bundle, largest first. */
export function byPackage(meta: Metafile): [string, number][] {
  const out = Object.entries(meta.outputs).find(([f]) => f.endsWith('.js'))?.[1];
  const m = new Map<string, number>();
  for (const [file, v] of Object.entries(out?.inputs ?? {})) m.set(packageOf(file), (m.get(packageOf(file)) ?? 0) + v.bytesInOutput);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

export function printPackages(ours: Metafile, minimal: Metafile): void {
  const base = new Map(byPackage(minimal));
  console.log('\nOur bundle by package (minified KiB in the output; Δ vs minimal)');
  for (const [pkg, bytes] of byPackage(ours).slice(0, 12)) console.log(`  ${num(kib(bytes))} ${num(kib(bytes - (base.get(pkg) ?? 0)), 1, 7)}  ${pkg}`);
}
