/**
 * Every step stream of every routine, decoded by ffmpeg: its length against its plan, and every cue's sound
 * against the plan's time for it (within ±100 ms), measured where ffmpeg's silencedetect finds the sound start.
 * Clips: espeak-ng, en-US, at the default preferences (both leave-out choices); cached between runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dirSource } from '../../src/audio/clips.js';
import { FRAME_MS } from '../../src/audio/mp3.js';
import { renderStream, streamParams, type RenderedStream } from '../../src/audio/stream.js';
import { ROUTINE_IDS } from '../../src/core/content/types.js';
import { planRoutine } from '../../src/core/plan.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/core/timeline.js';
import { decode, ensureClips } from './support.js';

/** The bound on a cue onset, measured by decoding, in ms. */
const ONSET_TOLERANCE_MS = 100;
/** A cue is measured when at least this much silence comes before it (silencedetect needs a stretch of quiet). */
const MEASURABLE_GAP_MS = 600;

let voice = '';
beforeAll(async () => { ({ voice } = await ensureClips('en-US')); }, 120_000);

interface Measured { readonly errors: number[]; readonly skipped: number }

/** Renders, decodes and checks one stream; returns the onset errors it measured. */
async function check(stream: RenderedStream, label: string, stepDurationMs: number): Promise<Measured> {
  const decoded = await decode(stream.bytes);
  const { layout, plan } = stream;
  // Length: the decoded stream is the layout's length (whole frames), and the step's hold is the plan's.
  expect(Math.abs(decoded.durationMs - layout.durationMs), `${label}: decoded length`).toBeLessThan(FRAME_MS);
  const cues = layout.clips.filter((c) => c.plannedMs !== undefined);
  const last = cues.at(-1);
  expect(plan.durationMs, label).toBe(stepDurationMs);
  expect((last?.plannedMs ?? 0) - layout.anchorMs, `${label}: the closing cue comes at the step's planned length`).toBe(stepDurationMs - plan.anchorPlanMs);
  expect(decoded.durationMs, `${label}: the stream holds the whole step`).toBeGreaterThan(layout.anchorMs + stepDurationMs);
  const errors: number[] = [];
  let skipped = 0;
  for (let i = 0; i < layout.clips.length; i += 1) {
    const c = layout.clips[i] as (typeof layout.clips)[number];
    const gap = c.startMs - (layout.clips[i - 1]?.endMs ?? 0);
    if (c.plannedMs === undefined) continue;
    if (gap < MEASURABLE_GAP_MS) { skipped += 1; continue; }
    const nearest = decoded.soundStartsMs.reduce((best, t) => (Math.abs(t - (c.plannedMs as number)) < Math.abs(best - (c.plannedMs as number)) ? t : best), Number.POSITIVE_INFINITY);
    const error = nearest - (c.plannedMs as number);
    expect(Math.abs(error), `${label}: ${c.cue} planned at ${c.plannedMs} ms, sound at ${nearest.toFixed(0)} ms`).toBeLessThanOrEqual(ONSET_TOLERANCE_MS);
    errors.push(error);
  }
  return { errors, skipped };
}

describe('step streams, decoded', () => {
  const prefs: Preferences = DEFAULT_PREFERENCES;
  it('every step of every routine lasts its plan, and every cue sounds within ±100 ms of its planned time', async () => {
    const all: number[] = [];
    let skipped = 0;
    let streams = 0;
    for (const routine of ROUTINE_IDS) {
      for (const leaveOut of [false, true]) {
        const plan = planRoutine(routine, prefs, leaveOut);
        if (leaveOut && planRoutine(routine, prefs, false).steps.length === plan.steps.length) continue; // nothing left out: same streams
        for (const step of plan.steps) {
          const stream = await renderStream(streamParams(routine, step.index, prefs, leaveOut, 'en-US', voice), dirSource((await ensureClips()).dir));
          const label = `${routine}${leaveOut ? ' (left out)' : ''} step ${step.index} ${step.step.id}`;
          if (step.untimed) {
            const decoded = await decode(stream.bytes);
            expect(decoded.durationMs, `${label}: untimed, its words only`).toBeGreaterThan(1000);
            expect(stream.layout.clips.every((c) => c.plannedMs === undefined), label).toBe(true);
            streams += 1;
            continue;
          }
          const measured = await check(stream, label, step.durationMs);
          all.push(...measured.errors);
          skipped += measured.skipped;
          streams += 1;
        }
      }
    }
    const abs = all.map(Math.abs);
    const max = Math.max(...abs);
    const mean = abs.reduce((a, b) => a + b, 0) / abs.length;
    console.log(`audio streams: ${streams} step streams, ${all.length} cue onsets measured (${skipped} too close to the words before them to measure): max error ${max.toFixed(1)} ms, mean ${mean.toFixed(1)} ms`);
    expect(all.length).toBeGreaterThan(150);
    expect(skipped).toBeLessThan(all.length / 5);
  }, 120_000);
});
