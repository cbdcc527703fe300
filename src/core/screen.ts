/**
 * The APL screen renderer's pure half: a segment (the same timed plan the speech is rendered from)
 * becomes the document's data source and a timed command list. The countdown reads the segment's step
 * anchors, and captions its cue onsets: the screen never re-derives timing, so it cannot disagree with the voice.
 */
import { POINTS } from './content/points.js';
import { getRoutine } from './content/routines.js';
import type { FootView, Method, PointId, RoutineId, Step, TechniqueId } from './content/types.js';
import type { Segment } from './pacing.js';
import { planFor, plannedStep } from './plan.js';
import type { Foot } from './timeline.js';
import type { SkillState } from './state.js';
import { pointCode, pointName, routineName, stepTitle, stepWord, upperFirst, type Voice } from './voice.js';

export interface ScreenPanel { readonly view: FootView; readonly lit: readonly PointId[] }

/** `datasources.payload.screen` of the documents in skill-package/response/display (docs/apl.md). */
export interface ScreenData {
  readonly kind: 'routine' | 'point';
  readonly title: string;
  readonly subtitle: string;
  readonly technique: string;
  readonly caption: string;
  readonly body: string;
  readonly panels: readonly ScreenPanel[];
  readonly foot: 'right' | 'left' | 'both' | '';
  readonly totalSeconds: number;
  readonly remainingSeconds: number;
  readonly labels: { readonly pause: string; readonly next: string; readonly repeat: string; readonly remaining: string };
}

/** One timed change on the screen, `afterMs` from the response start. */
export type ScreenEvent =
  | { readonly atMs: number; readonly set: 'remaining'; readonly value: number }
  | { readonly atMs: number; readonly set: 'caption'; readonly value: string }
  | { readonly atMs: number; readonly send: 'segmentDone' };

const TECHNIQUE_OF: Readonly<Record<Method, TechniqueId>> = {
  press: 'pressing', pulsedRelease: 'pressing', breathing: 'pressing', strokes: 'pressing', ballHold: 'pressing', instruction: 'pressing',
  lightFirm: 'lightFirm', reducing: 'reducing', circlesAndHold: 'reducing',
};

function panelsOf(points: readonly PointId[]): ScreenPanel[] {
  const panels: ScreenPanel[] = [];
  for (const id of points) {
    const view = POINTS[id].view;
    const panel = panels.find((p) => p.view === view);
    if (panel) (panel.lit as PointId[]).push(id);
    else panels.push({ view, lit: [id] });
  }
  return panels;
}

const labels = (voice: Voice) => ({
  pause: voice.t('common:screen.pause'), next: voice.t('common:screen.next'), repeat: voice.t('common:screen.repeat'), remaining: voice.t('common:screen.remaining'),
});

const textOf = (parts: Segment['onsets'][number]['words']) => parts.map((p) => ('text' in p ? p.text : '')).join(' ').trim();

/** A caption is shown from its cue's onset; before the first one, while the introduction is spoken, the point's whereabouts. */
const INTRO_CAPTION_FROM_MS = 1_500;

/**
 * Which foot (or leg) a cue of a step done one side at a time belongs to, as the screen says it: the first side until
 * the switch cue, the second from it (the switch announces the other side).
 */
function sideLabel(voice: Voice, step: Step, plannedMs: number, switchAtMs: number | undefined, oneFoot?: Foot): string | undefined {
  if (step.side !== 'each' || (switchAtMs === undefined && !oneFoot)) return undefined;
  // One foot only: that foot all along.
  const second = oneFoot ? oneFoot === 'left' : plannedMs >= (switchAtMs as number);
  const limb = step.limb === 'leg' ? 'Leg' : 'Foot';
  return voice.t(second ? `common:screen.left${limb}` : `common:screen.right${limb}`);
}

/** The screen of a routine segment: its first step, the countdown of that step, captions at the cue onsets. */
export function routineScreen(voice: Voice, routineId: RoutineId, state: SkillState, segment: Segment): { data: ScreenData; events: ScreenEvent[] } {
  const first = segment.steps[0];
  const stepIndex = first?.stepIndex ?? segment.next?.stepIndex ?? 0;
  const step = getRoutine(routineId).steps[stepIndex] as Step;
  const plan = planFor(state, routineId);
  const position = plan.steps.findIndex((s) => s.index === stepIndex) + 1;
  const onsets = segment.onsets.filter((o) => o.stepIndex === stepIndex);
  const codes = step.points.map((id) => pointCode(voice, id));
  const title = stepTitle(voice, routineId, stepIndex);
  const durationMs = first?.durationMs ?? 0;
  const remainingAt = (realMs: number) => (first ? Math.max(0, Math.ceil((durationMs - (first.planStartMs + (realMs - first.realStartMs))) / 1000)) : 0);
  const switchAtMs = plannedStep(plan, stepIndex)?.cues.find((c) => c.cue === 'switchFoot' || c.cue === 'switchLeg')?.atMs;
  const captionOf = (o: Segment['onsets'][number]) => {
    const side = sideLabel(voice, step, o.plannedMs, switchAtMs, state.oneFoot);
    return side ? voice.t('common:screen.captionWithSide', { side, caption: textOf(o.words) }) : textOf(o.words);
  };
  // While the introduction is spoken the first cue has not been said: the screen shows where the point is, then each
  // cue from its own onset.
  const introFirst = !onsets[0] || onsets[0].realMs > INTRO_CAPTION_FROM_MS;
  const data: ScreenData = {
    kind: 'routine',
    // Step titles name their points' codes as they are said ("Gallbladder 40"): the screen shows that, whole, and adds
    // a code only to a title that has none.
    title: codes.length && !/\d/.test(title) ? voice.t('common:screen.titleWithCode', { title: upperFirst(title), code: voice.list(codes) }) : upperFirst(title),
    // A point practised on its own is no step of a routine.
    subtitle: state.progress?.point ? voice.t('common:shape.screen') : voice.t('common:screen.step', { name: upperFirst(routineName(voice, routineId)), position, count: plan.steps.length }),
    technique: voice.t(`techniques:${TECHNIQUE_OF[step.method]}.name`),
    caption: introFirst ? stepWord(voice, routineId, stepIndex, 'reminder') : onsets[0] ? captionOf(onsets[0]) : '',
    body: '',
    panels: panelsOf(step.points),
    // The foot drawn is the one the segment begins on (its caption's side): from the switch on, the left.
    foot: step.side === 'both' ? (state.oneFoot ?? 'both')
      : step.side === 'each' ? (state.oneFoot ?? (switchAtMs !== undefined && (first?.planStartMs ?? 0) >= switchAtMs ? 'left' : 'right')) : '',
    totalSeconds: Math.round(durationMs / 1000),
    remainingSeconds: first ? remainingAt(first.realStartMs) : 0,
    labels: labels(voice),
  };
  const events: ScreenEvent[] = onsets.map((o) => ({ atMs: Math.round(o.realMs), set: 'caption' as const, value: captionOf(o) }));
  if (first) {
    for (let realMs = first.realStartMs + 1000; realMs <= Math.min(first.realEndMs, segment.estimatedMs); realMs += 1000) {
      const value = remainingAt(realMs);
      events.push({ atMs: Math.round(realMs), set: 'remaining', value });
      if (value === 0) break; // the step is over: the closing words need no countdown
    }
  }
  events.sort((a, b) => a.atMs - b.atMs);
  if (segment.next) events.push({ atMs: Math.round(segment.estimatedMs), send: 'segmentDone' });
  return { data, events };
}

/** The where-is screen of a point. */
export function pointScreen(voice: Voice, id: PointId): ScreenData {
  return {
    kind: 'point', title: voice.t('common:screen.titleWithCode', { title: pointName(voice, id), code: pointCode(voice, id) }), subtitle: POINTS[id].pinyin, technique: '', caption: '',
    body: voice.t(`points:${id}.location`), panels: panelsOf([id]), foot: '', totalSeconds: 0, remainingSeconds: 0, labels: labels(voice),
  };
}
