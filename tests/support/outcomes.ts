/** The outcome of every request, read from the skill's own log lines (each request logs one with its outcome). */
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
