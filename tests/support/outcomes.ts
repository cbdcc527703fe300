/** The skill's own log lines in tests: all of them for a stretch of a test, or each request's outcome for a file. */
import { afterAll, beforeAll, vi } from 'vitest';
import { logOutput } from '../../src/alexa/log.js';

/** Captures outcomes for the calling test file; returns the list it fills, in request order. */
export function captureOutcomes(): string[] {
  const outcomes: string[] = [];
  beforeAll(() => {
    process.env.LOG_LEVEL = 'info';
    vi.spyOn(logOutput, 'write').mockImplementation((_fd, line) => {
      const entry = JSON.parse(line) as { event?: string; outcome?: string };
      if (entry.event === 'request' && entry.outcome) outcomes.push(entry.outcome);
    });
  });
  afterAll(() => { vi.restoreAllMocks(); process.env.LOG_LEVEL = 'silent'; });
  return outcomes;
}

/** Collects every log line written while `fn` runs (at level info), handing the growing list to `fn` as well. */
export async function logged(fn: (lines: readonly string[]) => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const write = logOutput.write;
  const level = process.env.LOG_LEVEL;
  logOutput.write = (_fd, text) => { lines.push(text); };
  process.env.LOG_LEVEL = 'info';
  try {
    await fn(lines);
  } finally {
    logOutput.write = write;
    process.env.LOG_LEVEL = level;
  }
  return lines;
}
