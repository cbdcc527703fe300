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

/** A paired marginal ratio, with the rounds it was taken over. */
export interface MarginalRatio {
  /** Median over the kept rounds; NaN when too few rounds were kept. */
  readonly value: number;
  /** Rounds where all three cases have a run. */
  readonly rounds: number;
  /** Of those, dropped because the reference was not slower than the floor in that round (reference − floor ≤ 0). */
  readonly dropped: number;
}

/**
 * Median over rounds of (a_r − floor_r) ÷ (ref_r − floor_r): what a costs beyond the floor, as a share of what the
 * reference costs beyond the same floor, each round against its own floor. A round where ref_r − floor_r ≤ 0 has no
 * meaningful share and is dropped (counted). NaN when fewer than `minRounds` rounds are kept, or fewer than half of
 * the rounds where all three ran: a verdict from a few surviving rounds would be a verdict on noise.
 */
export function pairedMarginalRatio(a: readonly RoundValue[], floor: readonly RoundValue[], ref: readonly RoundValue[], minRounds = 5): MarginalRatio {
  const f = new Map(floor.map((r) => [r.round, r.value]));
  const b = new Map(ref.map((r) => [r.round, r.value]));
  const shares: number[] = [];
  let rounds = 0;
  let dropped = 0;
  for (const { round, value } of a) {
    const fv = f.get(round);
    const bv = b.get(round);
    if (![value, fv, bv].every((v) => v !== undefined && Number.isFinite(v))) continue;
    rounds += 1;
    const denominator = bv! - fv!;
    if (denominator <= 0) dropped += 1;
    else shares.push((value - fv!) / denominator);
  }
  const enough = shares.length >= minRounds && shares.length * 2 >= rounds;
  return { value: enough ? median(shares) : Number.NaN, rounds, dropped };
}
