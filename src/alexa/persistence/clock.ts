/**
 * A monotonic clock in ms for the store's deadlines. Not `performance.now()`: the first use of the
 * `performance` global loads node:perf_hooks, 2.6 ms of a cold store read (CPU profile, docs/performance.md).
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
