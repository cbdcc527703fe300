/**
 * The audio renderer's pure half (src/core/audio-plan.ts) and the MP3 joiner (src/audio/mp3.ts), without
 * rendering speech: the stream plan of every step carries every cue of the plan, the layout puts each cue on
 * its planned time to the frame, and silence frames decode to digital silence.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { MAX_BODY_BYTES } from '../../src/audio/handler.js';
import { FRAME_MS, joinFrames, Mp3FormatError, parseClip, silentFrame, STREAM_FORMAT } from '../../src/audio/mp3.js';
import { layoutStream, stepSegment, streamPlan, streamWords, type Clip } from '../../src/core/audio-plan.js';
import { HOLD_LENGTHS, ROUTINE_IDS } from '../../src/core/content/types.js';
import { MAX_AUDIO_TAGS } from '../../src/core/limits.js';
import { paceResponse, introAt } from '../../src/core/pacing.js';
import { planRoutine } from '../../src/core/plan.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/core/timeline.js';

const variants: Preferences[] = [
  DEFAULT_PREFERENCES,
  { ...DEFAULT_PREFERENCES, holdLength: 'long', chimes: false, countdown: false, pace: 'slow' },
  { ...DEFAULT_PREFERENCES, holdLength: 'short', waitBetweenSteps: true },
];

/** A clip length that depends on the clip, so nothing lines up by accident. */
const fakeLength = (clip: Clip) => ({ ms: Math.ceil(((clip.kind === 'speech' ? clip.ssml.length * 37 : 1200) + 100) / FRAME_MS) * FRAME_MS, leadMs: 46 });

describe('stream plan of a step', () => {
  it('every timed step of every routine, in every locale: one stream from its introduction to its end, every cue of the plan on its planned time', async () => {
    for (const locale of ['en-US', 'de-DE', 'es-ES', 'fr-FR']) {
      for (const prefs of variants) {
        const voice = await loadVoice(locale, prefs.pace);
        for (const routine of ROUTINE_IDS) {
          for (const leaveOut of [false, true]) {
            const plan = planRoutine(routine, prefs, leaveOut);
            for (const step of plan.steps.filter((s) => !s.untimed)) {
              const label = `${locale} ${routine} ${step.index} ${JSON.stringify(prefs)}`;
              const segment = stepSegment({ plan, stepIndex: step.index, words: streamWords(voice, routine, prefs, leaveOut, plan), voice, prefs, chime: voice.chime });
              expect(segment.ending, label).toMatch(/step|done/);
              const sp = streamPlan(segment, voice.ratePercent);
              expect(sp.clips.filter((c) => c.cue).map((c) => `${c.cue?.planMs}:${c.cue?.cue}`), label).toEqual(step.cues.map((c) => `${c.atMs}:${c.cue}`));
              expect(sp.clips.filter((c) => c.anchor).length, label).toBe(1);
              expect(sp.clips[0]?.anchor, `${label}: the introduction comes first`).toBeUndefined();
              const chimes = sp.clips.filter((c) => c.clip.kind === 'sound').length;
              expect(chimes, label).toBe(prefs.chimes ? step.cues.filter((c) => c.chime).length : 0);
              const layout = layoutStream(sp, fakeLength, FRAME_MS);
              for (const c of layout.clips) {
                expect(c.startMs % FRAME_MS, label).toBeCloseTo(0, 6);
                if (c.plannedMs !== undefined) expect(Math.abs(c.onsetMs - c.plannedMs), `${label} ${c.cue}`).toBeLessThanOrEqual(FRAME_MS / 2);
              }
              const first = layout.clips.find((c) => c.plannedMs !== undefined);
              const intro = layout.clips[0];
              // Time to find the point: from the end of the introduction to the first press.
              expect(first?.onsetMs, label).toBeGreaterThanOrEqual((intro?.endMs ?? 0) + (prefs.pace === 'slow' ? 7_500 : 5_000) - FRAME_MS);
            }
          }
        }
      }
    }
  });

  it('a whole step may hold more chimes than one response, and is laid out past the response budget', async () => {
    const voice = await loadVoice('en-US');
    const plan = planRoutine('ankle', DEFAULT_PREFERENCES, false);
    const bl60 = plan.steps.find((s) => s.step.id === 'bl60');
    if (!bl60) throw new Error('no BL60');
    const words = streamWords(voice, 'ankle', DEFAULT_PREFERENCES, false, plan);
    const unbounded = stepSegment({ plan, stepIndex: bl60.index, words, voice, prefs: DEFAULT_PREFERENCES, chime: voice.chime });
    expect(unbounded.estimatedMs).toBeGreaterThan(300_000);
    const bounded = paceResponse({ plan, entry: introAt(bl60.index), lead: [], words, rate: voice.rate, chime: voice.chime, findPointMs: { afterIntro: 5000, afterReminder: 3000 }, stopAtStepEnd: true });
    expect(bounded.estimatedMs).toBeLessThanOrEqual(240_000);
    const chimes = (parts: typeof unbounded.parts) => parts.filter((p) => p.kind === 'audio').length;
    expect(chimes(bounded.parts)).toBeLessThanOrEqual(MAX_AUDIO_TAGS);
    expect(chimes(unbounded.parts)).toBe(bl60.cues.filter((c) => c.chime).length);
    expect(unbounded.parts.some((p) => p.kind === 'text' && /next/i.test(p.text))).toBe(false); // no "say next": the stream carries on
  });

  it('the longest stream of any step, locale and preference fits one function URL response (base64, 6 MB)', async () => {
    let longest = { ms: 0, label: '' };
    for (const locale of ['en-US', 'de-DE', 'es-ES', 'fr-FR']) {
      for (const hold of HOLD_LENGTHS) {
        for (const pace of ['normal', 'slow'] as const) {
          const prefs = { ...DEFAULT_PREFERENCES, holdLength: hold, pace };
          const voice = await loadVoice(locale, pace);
          for (const routine of ROUTINE_IDS) {
            const plan = planRoutine(routine, prefs, false);
            for (const step of plan.steps) {
              const segment = stepSegment({ plan, stepIndex: step.index, words: streamWords(voice, routine, prefs, false, plan), voice, prefs, chime: voice.chime });
              // Words estimated, then half as long again for a slow TTS; the holds are exact.
              const ms = step.durationMs + (segment.estimatedMs - step.durationMs) * 1.5;
              if (ms > longest.ms) longest = { ms, label: `${locale} ${routine} ${step.step.id} ${hold} ${pace}` };
            }
          }
        }
      }
    }
    const bytes = (longest.ms / 1000) * (STREAM_FORMAT.kbps * 1000 / 8);
    expect(bytes, longest.label).toBeLessThan(MAX_BODY_BYTES);
    expect(Math.ceil(bytes / 3) * 4, 'base64').toBeLessThan(6 * 1024 * 1024 - 64 * 1024);
  });

  it('a cue whose words before it run long starts right after them, never on top', () => {
    const plan = { stepIndex: 0, anchorPlanMs: 0, durationMs: 1000, tailMs: 0, clips: [
      { clip: { kind: 'speech' as const, ssml: 'a' }, pauseMs: 0, anchor: true, cue: { cue: 'press', planMs: 0 } },
      { clip: { kind: 'speech' as const, ssml: 'b' }, pauseMs: 0, cue: { cue: 'release', planMs: 1000 } },
    ] };
    const layout = layoutStream(plan, () => ({ ms: 2400, leadMs: 46 }), FRAME_MS);
    expect(layout.clips[1]?.startMs).toBe(2400);
  });
});

describe('MP3 frames', () => {
  /** Encoded into a file (a pipe cannot take the Info frame's final padding). */
  const encode = (args: string[]) => {
    const file = join(mkdtempSync(join(tmpdir(), 'mp3-')), 'x.mp3');
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args, '-f', 'mp3', file]);
    return readFileSync(file);
  };
  const tone = (rate: number, channels: number) => encode(['-f', 'lavfi', '-i', 'sine=f=440:d=0.5', '-ar', String(rate), '-ac', String(channels), '-c:a', 'libmp3lame', '-b:a', '48k']);
  const pcm = (mp3: Uint8Array) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-f', 's16le', 'pipe:1'], { input: mp3, maxBuffer: 64 << 20 });

  it('a clip: its Info frame dropped, LAME delay and padding read, 144-byte frames of 24 ms', () => {
    const clip = parseClip(tone(24_000, 1));
    expect(clip.header).toMatchObject({ version: 2, sampleRate: 24_000, kbps: 48, mono: true, bytes: 144, samples: 576 });
    expect(clip.encoderDelay).toBe(576);
    expect(clip.frameCount * 576 - clip.encoderDelay - clip.padding).toBe(12_000); // exactly the 0.5 s encoded
    expect(clip.frames.length).toBe(clip.frameCount * 144);
  });

  it('refuses a clip that is not 24 kHz mono MPEG-2', () => {
    expect(() => parseClip(tone(44_100, 2))).toThrow(Mp3FormatError);
    expect(() => parseClip(new Uint8Array(500))).toThrow(Mp3FormatError);
  });

  it('silence frames decode to digital zeros, and joining puts each clip at its frame', () => {
    const silence = pcm(joinFrames([], 48 * FRAME_MS));
    expect(silence.length).toBe(48 * 576 * 2);
    expect(silence.every((b) => b === 0)).toBe(true);
    const clip = parseClip(tone(24_000, 1));
    const joined = joinFrames([{ clip, startMs: 10 * FRAME_MS }, { clip, startMs: 40 * FRAME_MS }], 80 * FRAME_MS);
    expect(joined.length).toBe(80 * 144);
    const samples = new Int16Array(new Uint8Array(pcm(joined)).buffer);
    const firstSound = samples.findIndex((s) => Math.abs(s) > 300);
    expect(firstSound - 10 * 576).toBeGreaterThanOrEqual(576 + 529 - 48); // the encoder's and decoder's delay, then the tone
    expect(firstSound - 10 * 576).toBeLessThanOrEqual(576 + 529 + 48);
    expect(() => joinFrames([{ clip, startMs: 0 }, { clip, startMs: FRAME_MS }], 0)).toThrow(RangeError);
    expect(silentFrame().length).toBe(144);
  });
});
