/**
 * The budget as data, and its verdict. No I/O. Issue 13's lines, but for the store (issue 19): its line is now a
 * ratio to the sample-style skill (the minimal skill reading its store with SDK v3, as Amazon's samples do),
 * measured against the HTTPS stand-in, instead of a ratio to our own store-free launch, which tightened whenever
 * that launch got faster. The ratio to our store-free launch is still printed (report.ts), not judged.
 */

export const BUDGET = {
  /** Cold launch reading the store ÷ the sample-style skill's cold launch reading its store (paired, HTTPS store). */
  storeVsMinimalStore: 0.2,
  /** Our cold first response without a store ÷ the minimal skill's (paired). */
  coldVsMinimal: 1.3,
  /** Warm p99 of requests that make no store call, in ms. */
  warmP99Ms: 0.25,
  /** Gzipped bundle ÷ the minimal skill's. */
  gzipVsMinimal: 3,
} as const;

export interface Figures {
  readonly storeVsMinimalStore: number;
  readonly coldVsMinimal: number;
  /** ms */
  readonly warmP99Ms: number;
  readonly gzipVsMinimal: number;
}

export interface BudgetLine {
  readonly what: string;
  readonly value: number;
  readonly limit: number;
  readonly unit: '×' | 'ms';
  /** A missing figure (NaN) fails. */
  readonly pass: boolean;
}

export function budgetLines(f: Figures): BudgetLine[] {
  const line = (what: string, value: number, limit: number, unit: '×' | 'ms'): BudgetLine =>
    ({ what, value, limit, unit, pass: Number.isFinite(value) && value <= limit });
  return [
    line(`cold launch reading the store ≤ ${BUDGET.storeVsMinimalStore}× the sample-style skill's (SDK v3, paired)`, f.storeVsMinimalStore, BUDGET.storeVsMinimalStore, '×'),
    line(`cold first response without a store ≤ ${BUDGET.coldVsMinimal}× minimal (paired)`, f.coldVsMinimal, BUDGET.coldVsMinimal, '×'),
    line(`warm p99, no store call ≤ ${BUDGET.warmP99Ms} ms`, f.warmP99Ms, BUDGET.warmP99Ms, 'ms'),
    line(`gzipped bundle ≤ ${BUDGET.gzipVsMinimal}× minimal`, f.gzipVsMinimal, BUDGET.gzipVsMinimal, '×'),
  ];
}

/** `--check`: non-zero when a line fails or there is no verdict at all; otherwise always 0. */
export function exitCode(lines: readonly BudgetLine[] | undefined, check: boolean): number {
  if (!check) return 0;
  return !lines || lines.length === 0 || lines.some((l) => !l.pass) ? 1 : 0;
}
