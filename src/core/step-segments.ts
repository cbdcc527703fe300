import { getRoutine } from './content/routines.js';
import { POINTS } from './content/points.js';
import type { PointId, RoutineId } from './content/types.js';
import { MAX_RESPONSE_AUDIO_MS } from './limits.js';
import { paceSegments, type Segment } from './pacing.js';
import type { SegmentCounter } from './routine-state.js';
import { phoneme, text, type Speech, type SpeechPart } from './speech.js';
import { planStep, type Preferences, type TimedCue } from './timeline.js';
import { key, say, stepTitle, type Voice } from './voice.js';

/** Room kept in every response for words spoken before a segment (routine intro, notes). */
export const LEAD_RESERVE_MS = 40_000;

/** Spoken before a step's first press: what, where, how. */
function stepIntro(voice: Voice, routineId: RoutineId, stepIndex: number): Speech {
  const step = getRoutine(routineId).steps[stepIndex];
  if (!step) return [];
  const parts: SpeechPart[] = [text(`${stepTitle(voice, routineId, stepIndex)}.`)];
  const only = step.points.length === 1 ? POINTS[step.points[0] as PointId] : undefined;
  if (only) parts.push(text(voice.t('common:chineseName')), phoneme(`${only.pinyin}.`, only.ipa));
  parts.push(...say(voice, key(`routines:${routineId}.steps.${step.id}.setup`)));
  if (step.holdSec) parts.push(...say(voice, 'common:getReady'));
  return parts;
}

interface Paced { readonly done: Segment[]; readonly rest?: Iterator<Segment> }
const memo = new Map<string, Paced>();

/** The paced segments of a step, computed only as far as asked (`upTo`) and memoised. */
export function paced(voice: Voice, routineId: RoutineId, stepIndex: number, prefs: Preferences, upTo: number): Segment[] {
  const id = `${voice.locale}|${routineId}|${stepIndex}|${prefs.holdLength}|${prefs.chimes}|${prefs.countdown}`;
  let entry = memo.get(id);
  if (!entry) {
    const step = getRoutine(routineId).steps[stepIndex];
    const cues = step ? planStep(step, prefs) : [];
    entry = {
      done: [],
      ...(step ? {
        rest: paceSegments({
          intro: stepIntro(voice, routineId, stepIndex),
          cues,
          say: (cue: TimedCue) => say(voice, key(`cues:${cue.cue}`)),
          continuePrompt: (boundary) => say(voice, key(`cues:continue.${boundary}`)),
          closing: cues.length ? say(voice, 'cues:stepDone') : [],
          rate: voice.rate,
          ...(prefs.chimes ? { chime: voice.chime } : {}),
          budgetMs: MAX_RESPONSE_AUDIO_MS - LEAD_RESERVE_MS,
        }),
      } : {}),
    };
    memo.set(id, entry);
  }
  while (entry.rest && entry.done.length <= upTo) {
    const next = entry.rest.next();
    if (next.done) { entry = { done: entry.done }; memo.set(id, entry); break; }
    entry.done.push(next.value);
  }
  return entry.done;
}

/** The response-sized segments of one step, for a voice and preferences. Deterministic; memoised. */
export function stepSegments(voice: Voice, routineId: RoutineId, stepIndex: number, prefs: Preferences): Segment[] {
  return paced(voice, routineId, stepIndex, prefs, Infinity);
}

export const segmentCounter = (voice: Voice): SegmentCounter => (routineId, stepIndex, prefs) =>
  Math.max(1, stepSegments(voice, routineId, stepIndex, prefs).length);

