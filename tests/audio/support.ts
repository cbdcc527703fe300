/**
 * Shared by the audio tests: clips rendered once with espeak-ng into a cache folder (clips are named by their
 * content, so the cache never goes stale), and a decoder (ffmpeg) that gives a stream's exact length and where
 * its sounds start (the `silencedetect` filter).
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamVoice } from '../../src/audio/stream.js';
import { clipsOf, dirClipStore, espeakTts, haveLocalRenderer, renderClips } from '../../tools/audio/clips.js';

/** The folder the audio tests share (CLIPS_DIR for the handler). */
export const CLIPS_DIR = process.env.TEST_CLIPS_DIR ?? join(tmpdir(), 'foot-acupressure-test-clips');

/** Renders (or finds) the clips of every routine at the default preferences in one locale, with both leave-out choices. */
export async function ensureClips(locale = 'en-US'): Promise<{ voice: string; dir: string }> {
  if (!(await haveLocalRenderer())) throw new Error('the audio tests need espeak-ng and ffmpeg (Debian: apt-get install espeak-ng ffmpeg; .ci/run installs them)');
  const voice = streamVoice(locale, 'espeak');
  const clips = await clipsOf(locale, voice, { hold: 'standard', pace: 'normal' });
  await renderClips(clips, voice, espeakTts(voice.slice('espeak:'.length)), dirClipStore(CLIPS_DIR));
  return { voice, dir: CLIPS_DIR };
}

export interface Decoded {
  /** Decoded length, in ms (to 10 ms). */
  readonly durationMs: number;
  /** Where each stretch of silence of at least `minSilenceS` ended (a sound started), in ms. */
  readonly soundStartsMs: readonly number[];
}

/** Decodes an MP3 with ffmpeg: the PCM's length, and silencedetect's silence ends (-50 dB). */
export function decode(mp3: Uint8Array, minSilenceS = 0.4): Promise<Decoded> {
  return new Promise((resolve, reject) => {
    // The decoded length from ffmpeg's last progress line (10 ms steps): piping the PCM out took twice as long.
    const child = spawn('ffmpeg', ['-hide_banner', '-stats', '-stats_period', '3600', '-i', 'pipe:0', '-af', `silencedetect=n=-50dB:d=${minSilenceS}`, '-f', 'null', '-']);
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) { reject(new Error(`ffmpeg exited ${code}: ${err.slice(-400)}`)); return; }
      const soundStartsMs = [...err.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
      const time = [...err.matchAll(/time=(\d+):(\d+):([\d.]+)/g)].at(-1);
      if (!time) { reject(new Error(`no length in ffmpeg's output: ${err.slice(-400)}`)); return; }
      resolve({ durationMs: (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3])) * 1000, soundStartsMs });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(mp3);
  });
}
