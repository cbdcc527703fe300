import { POINTS } from './content/points.js';
import type { PointId, RoutineId, TechniqueId } from './content/types.js';
import type { MessageKey } from './messages.js';
import { activeSteps, type Outcome, type SkillState } from './routine-state.js';
import { phoneme, text, type SpeechPart } from './speech.js';
import { paced } from './step-segments.js';
import { ask, key, routineName, say, spokenList, stepTitle, type Turn, type Voice } from './voice.js';

export type { Turn, Voice } from './voice.js';
export { segmentCounter, stepSegments } from './step-segments.js';

function segmentTurn(voice: Voice, outcome: Extract<Outcome, { kind: 'segment' }>, state: SkillState): Turn {
  const { routineId, stepIndex, segmentIndex } = outcome;
  const segments = paced(voice, routineId, stepIndex, state.prefs, segmentIndex);
  const segment = segments[Math.min(segmentIndex, segments.length - 1)];
  const lead: SpeechPart[] = [];
  if (outcome.note === 'begin') {
    if (outcome.disclaimer) lead.push(...say(voice, 'common:disclaimer'));
    lead.push(...say(voice, key(`routines:${routineId}.intro`)));
    if (outcome.skipped?.length) {
      const titles = outcome.skipped.map((id) => voice.t(key(`routines:${routineId}.steps.${id}.title`)));
      lead.push(...say(voice, 'common:skippedForPregnancy', { count: titles.length, list: spokenList(voice.locale, titles) }));
    }
  } else {
    lead.push(...say(voice, key(`common:notes.${outcome.note}`)));
  }
  const tail: SpeechPart[] = [];
  if (!segment?.boundary) {
    const following = activeSteps(routineId, state.pregnant).find((i) => i > stepIndex);
    tail.push(...(following === undefined
      ? say(voice, 'common:lastStepNext')
      : say(voice, 'common:nextUp', { title: stepTitle(voice, routineId, following) })));
  }
  return ask([...lead, ...(segment?.parts ?? []), ...tail], say(voice, 'common:segmentReprompt'));
}

/** Composes the words for a state-machine outcome. */
export function outcomeTurn(voice: Voice, outcome: Outcome, state: SkillState): Turn {
  const t = (k: MessageKey, p?: Record<string, string | number>) => say(voice, k, p);
  switch (outcome.kind) {
    case 'segment': return segmentTurn(voice, outcome, state);
    case 'askPregnancy': return ask(t('common:askPregnancy'), t('common:askPregnancyReprompt'));
    case 'routineDone':
      return ask(t('common:routineDone', { name: routineName(voice, outcome.routineId) }), t('common:routineDoneReprompt'));
    case 'paused':
      return ask(t(outcome.already ? 'common:alreadyPaused' : 'common:paused'), t('common:pausedReprompt'));
    case 'goodbye':
      return { speech: t(outcome.hasProgress ? 'common:goodbyeWithProgress' : 'common:goodbye'), end: true };
    case 'offerResume':
      return ask(
        t('common:offerResume', { name: routineName(voice, outcome.routineId), title: stepTitle(voice, outcome.routineId, outcome.stepIndex) }),
        t('common:offerResumeReprompt'),
      );
    case 'freshStart': return ask([...t('common:freshStart'), ...t('common:offer')], t('common:offerReprompt'));
    case 'prefsChanged': {
      const parts: SpeechPart[] = [];
      const p = outcome.prefs;
      if (p.holdLength) parts.push(...t(key(`common:prefs.holdLength_${p.holdLength}`)));
      if (p.chimes !== undefined) parts.push(...t(key(`common:prefs.chimes_${p.chimes ? 'on' : 'off'}`)));
      if (p.countdown !== undefined) parts.push(...t(key(`common:prefs.countdown_${p.countdown ? 'on' : 'off'}`)));
      if (state.progress) parts.push(...t('common:prefs.applied'), ...t('common:segmentReprompt'));
      return ask(parts, state.progress ? t('common:segmentReprompt') : t('common:prefs.reprompt'));
    }
    case 'settingsReset': return ask(t('common:settingsReset'), t('common:helpReprompt'));
    case 'confirmDelete': return ask(t('common:confirmDelete'), t('common:confirmDeleteReprompt'));
    case 'deleteData': return { speech: [...t('common:deleted'), ...t('common:goodbye')], end: true };
    case 'deleteDeclined': return ask(t('common:deleteDeclined'), t('common:helpReprompt'));
    case 'noRoutine': return ask(t('common:noRoutine'), t('common:noRoutineReprompt'));
    case 'noQuestion': return ask(t('common:noQuestion'), t('common:helpReprompt'));
  }
}

/** Launch: welcome, the one-time disclaimer, and an offer. */
export function welcomeTurn(voice: Voice, opts: { returning: boolean; disclaimer: boolean }): Turn {
  return ask(
    [
      ...say(voice, opts.returning ? 'common:welcomeBack' : 'common:welcome'),
      ...(opts.disclaimer ? say(voice, 'common:disclaimer') : []),
      ...say(voice, 'common:offer'),
    ],
    say(voice, 'common:offerReprompt'),
  );
}

export function routineListTurn(voice: Voice, ids: readonly RoutineId[]): Turn {
  const list = spokenList(voice.locale, ids.map((id) => routineName(voice, id)));
  return ask(say(voice, 'common:routineList', { list }), say(voice, 'common:routineListReprompt'));
}

export function unknownRoutineTurn(voice: Voice, ids: readonly RoutineId[]): Turn {
  const list = spokenList(voice.locale, ids.map((id) => routineName(voice, id)));
  return ask(say(voice, 'common:unknownRoutine', { list }), say(voice, 'common:routineListReprompt'));
}

/** "Where is …" and "what is … good for". */
export function pointTurn(voice: Voice, kind: 'where' | 'helps', id: PointId, state: SkillState): Turn {
  const point = POINTS[id];
  const parts: SpeechPart[] = [
    ...say(voice, 'common:point.where', { name: voice.t(key(`points:${id}.name`)), code: voice.t(key(`points:${id}.spokenCode`)) }),
    text(voice.t('common:chineseName')), phoneme(`${point.pinyin}.`, point.ipa),
    ...say(voice, key(`points:${id}.otherNames`)),
    ...say(voice, key(`points:${id}.${kind === 'where' ? 'location' : 'helps'}`)),
    ...say(voice, key(`points:${id}.caution`)),
  ];
  if (state.progress) return ask([...parts, ...say(voice, 'common:point.backToRoutine')], say(voice, 'common:segmentReprompt'));
  return ask([...parts, ...say(voice, 'common:point.more')], say(voice, 'common:point.reprompt'));
}

/** A point the skill doesn't know: close matches, or how to ask. Never echoes what was heard. */
export function unknownPointTurn(voice: Voice, suggestions: readonly PointId[], missing: boolean): Turn {
  if (missing) return ask(say(voice, 'common:unknownPoint.missing'), say(voice, 'common:point.reprompt'));
  if (!suggestions.length) return ask(say(voice, 'common:unknownPoint.none'), say(voice, 'common:point.reprompt'));
  const names = suggestions.map((id) => `${voice.t(key(`points:${id}.name`))}, ${voice.t(key(`points:${id}.spokenCode`))}`);
  return ask(
    say(voice, 'common:unknownPoint.suggest', { count: names.length, list: spokenList(voice.locale, names, 'disjunction') }),
    say(voice, 'common:point.reprompt'),
  );
}

export function techniqueTurn(voice: Voice, id: TechniqueId | undefined, state: SkillState): Turn {
  const reprompt = state.progress ? say(voice, 'common:segmentReprompt') : say(voice, 'common:helpReprompt');
  if (!id) return ask(say(voice, 'common:technique.unknown'), reprompt);
  return ask(
    [...say(voice, 'common:technique.intro', { name: voice.t(key(`techniques:${id}.name`)) }), ...say(voice, key(`techniques:${id}.how`)),
      ...(state.progress ? say(voice, 'common:point.backToRoutine') : [])],
    reprompt,
  );
}

/** Where the user is, for help and fallback. */
export function contextOf(state: SkillState): 'idle' | 'routine' | 'paused' | 'question' {
  if (state.pending) return 'question';
  if (state.progress) return state.progress.paused ? 'paused' : 'routine';
  return 'idle';
}

export function helpTurn(voice: Voice, state: SkillState): Turn {
  const where = contextOf(state);
  const p = state.progress;
  const params = p ? { name: routineName(voice, p.routineId), title: stepTitle(voice, p.routineId, p.stepIndex) } : undefined;
  return ask(say(voice, key(`common:help.${where}`), params), say(voice, where === 'question' ? 'common:askPregnancyReprompt' : 'common:helpReprompt'));
}

export function fallbackTurn(voice: Voice, state: SkillState): Turn {
  const where = contextOf(state);
  const k = where === 'paused' ? 'routine' : where;
  return ask(say(voice, key(`common:fallback.${k}`)), say(voice, where === 'idle' ? 'common:offerReprompt' : 'common:segmentReprompt'));
}

export function errorTurn(voice: Voice): Turn {
  return ask(say(voice, 'common:error'), say(voice, 'common:errorReprompt'));
}

export function messageTurn(voice: Voice, k: MessageKey, reprompt: MessageKey = 'common:helpReprompt'): Turn {
  return ask(say(voice, k), say(voice, reprompt));
}
