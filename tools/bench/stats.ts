/** Small statistics and formatting helpers for the benchmark report. */

/** Nearest-rank quantile (p in 0..1) of the finite values; NaN when there are none. */
export function quantile(values: readonly number[], p: number): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] as number;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export const ratio = (a: number, b: number): number => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN);

/** Fixed decimals, right-aligned; '—' for a missing figure. */
export function num(value: number, decimals = 1, width = 8): string {
  return (Number.isFinite(value) ? value.toFixed(decimals) : '—').padStart(width);
}

export const kib = (bytes: number): number => bytes / 1024;

/** The npm package (or repository folder) an esbuild input path belongs to. */
export function packageOf(input: string): string {
  const i = input.lastIndexOf('node_modules/');
  if (i >= 0) {
    const parts = input.slice(i + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : input;
}

/** One measurement of a round: the same round index pairs runs of different cases. */
export interface RoundValue { readonly round: number; readonly value: number }

/**
 * Median over rounds of (a's run ÷ b's run of the same round). Robust to the load other users put
 * on a shared machine, which drifts between rounds.
 */
export function pairedRatio(a: readonly RoundValue[], b: readonly RoundValue[]): number {
  const base = new Map(b.map((r) => [r.round, r.value]));
  return median(a.map((r) => ratio(r.value, base.get(r.round) ?? Number.NaN)));
}
