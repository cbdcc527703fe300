/**
 * `npm start -- --audio [--routine <id>] [--locale xx-XX]`: the routine as a speaker without a screen would play
 * it through AudioPlayer, one stream per step: writes dist/audio/<routine>-<n>-<step>.mp3 (clips rendered with
 * espeak-ng into dist/clips, as `npm run clips` does) and plays them one after another with sox's `play` or
 * ffplay when present and a terminal is attached.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dirSource } from '../../src/audio/clips.js';
import { renderStream, streamParams, streamVoice } from '../../src/audio/stream.js';
import { ROUTINE_IDS, type RoutineId } from '../../src/core/content/types.js';
import { planRoutine } from '../../src/core/plan.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';
import { clipsOf, dirClipStore, espeakTts, haveLocalRenderer, renderClips } from '../audio/clips.js';

export async function writeRoutineStreams(routine: string, locale: string): Promise<number> {
  if (!(ROUTINE_IDS as readonly string[]).includes(routine)) { console.error(`Unknown --routine ${routine}: ${ROUTINE_IDS.join(', ')}`); return 2; }
  if (!(await haveLocalRenderer())) { console.error('--audio needs espeak-ng and ffmpeg: apt-get install espeak-ng ffmpeg'); return 1; }
  const voice = streamVoice(locale, 'espeak');
  const clipsDir = join('dist', 'clips');
  const outDir = join('dist', 'audio');
  mkdirSync(outDir, { recursive: true });
  console.log(`Rendering the clips (espeak-ng, ${locale}) into ${clipsDir}…`);
  await renderClips(await clipsOf(locale, voice, { hold: 'standard', pace: 'normal', leaveOut: false }), voice, espeakTts(voice.slice('espeak:'.length)), dirClipStore(clipsDir));
  const files: string[] = [];
  for (const [n, step] of planRoutine(routine as RoutineId, DEFAULT_PREFERENCES, false).steps.entries()) {
    const stream = await renderStream(streamParams(routine as RoutineId, step.index, DEFAULT_PREFERENCES, false, locale, voice), dirSource(clipsDir));
    const file = join(outDir, `${routine}-${n + 1}-${step.step.id}.mp3`);
    writeFileSync(file, stream.bytes);
    files.push(file);
    console.log(`  ${file}: ${(stream.layout.durationMs / 1000).toFixed(1)} s, ${stream.layout.clips.filter((c) => c.cue).length} cues`);
  }
  const player = ['play', 'ffplay'].find((p) => spawnSync('sh', ['-c', `command -v ${p}`]).status === 0);
  if (!player || !process.stdout.isTTY) { console.log(player ? 'Listen with: play dist/audio/*.mp3' : 'No player found (apt-get install sox or ffmpeg): the streams are in dist/audio/'); return 0; }
  for (const file of files) {
    console.log(`Playing ${file} (Ctrl-C to stop)…`);
    spawnSync(player, player === 'play' ? ['-q', file] : ['-nodisp', '-autoexit', '-loglevel', 'error', file], { stdio: 'inherit' });
  }
  return 0;
}
