/**
 * The words of every answer that is not a paced routine segment: a reducer outcome as a Turn (speech, reprompt,
 * session end). Routine segments are composed in turn.ts from the one plan.
 */
import { POINTS } from './content/points.js';
import { getRoutine } from './content/routines.js';
import { ROUTINE_IDS, type PointId, type RoutineId } from './content/types.js';
import { practiceStep } from './plan.js';
import type { MessageKey } from './messages.js';
import type { Outcome } from './outcomes.js';
import { askAgain } from './questions.js';
import type { SpeechPart } from './speech.js';
import type { SkillState } from './state.js';
import type { HistoryEntry } from './stats.js';
import { pinyinLine } from './turn.js';
import { ask, pointCode, pointName, routineName, say, stepTitle, upperFirst, type Turn, type Voice } from './voice.js';

function pointWords(voice: Voice, id: PointId, ask: 'where' | 'helps'): SpeechPart[] {
  return [
    ...say(voice, 'common:written', { name: pointName(voice, id), channel: voice.t(`points:${id}.channelCode`), code: pointCode(voice, id) }),
    ...pinyinLine(voice, id),
    ...say(voice, `points:${id}.otherNames`),
    ...say(voice, ask === 'where' ? `points:${id}.location` : `points:${id}.helps`),
    ...say(voice, `points:${id}.caution`),
  ];
}

/** The pregnancy question: about the routine, or, before a point on its own, about the point in its step it concerns. */
function askPregnancyWords(voice: Voice, outcome: Extract<Outcome, { kind: 'askPregnancy' }>): SpeechPart[] {
  const found = outcome.pointId ? practiceStep(outcome.pointId) : undefined;
  if (!found) return say(voice, 'common:askPregnancy', { name: routineName(voice, outcome.routineId) });
  const points = (getRoutine(found.routineId).steps[found.stepIndex]?.points ?? []) as readonly PointId[];
  const concerned = points.find((p) => (outcome.light ? (POINTS[p] as { lightInPregnancy?: boolean }).lightInPregnancy === true : POINTS[p].avoidInPregnancy)) ?? outcome.pointId as PointId;
  return say(voice, outcome.light ? 'common:shape.askPregnancyPointLight' : 'common:shape.askPregnancyPoint', { name: pointName(voice, concerned) });
}

const MASSAGES: readonly RoutineId[] = ['anxiety', 'lowBack', 'ballRelease'];

function routineListTurn(voice: Voice): Turn {
  return ask(say(voice, 'common:routineList', { list: voice.list(ROUTINE_IDS.map((id) => routineName(voice, id))) }), say(voice, 'common:routineListReprompt'));
}

function unknownRoutineTurn(voice: Voice): Turn {
  return ask(say(voice, 'common:unknownRoutine', { list: voice.list(ROUTINE_IDS.map((id) => routineName(voice, id))) }), say(voice, 'common:routineListReprompt'));
}

/**
 * A where-is answer is the same words every time for a voice, so it is built once per voice and kept (and
 * its SSML with it, src/alexa/render.ts): it was the slowest warm answer, a fifth of its time in GC.
 */
const pointTurns = new WeakMap<Voice, Map<string, Turn>>();
function pointTurn(voice: Voice, outcome: Extract<Outcome, { kind: 'point' }>, inRoutine: boolean): Turn {
  let byKey = pointTurns.get(voice);
  if (!byKey) pointTurns.set(voice, (byKey = new Map()));
  const key = `${outcome.pointId}|${outcome.ask}|${outcome.inRoutine}|${inRoutine}|${outcome.side ?? ''}`;
  let turn = byKey.get(key);
  if (!turn) {
    const back = inRoutine ? say(voice, 'common:point.backToRoutine') : [];
    const side = outcome.side && outcome.side !== 'none' ? say(voice, `common:aside.side.${outcome.side}`) : [];
    turn = ask([...side, ...pointWords(voice, outcome.pointId, outcome.ask), ...(outcome.inRoutine ? back : say(voice, 'common:point.more'))],
      outcome.inRoutine ? say(voice, 'common:point.backToRoutine') : say(voice, 'common:point.reprompt'));
    byKey.set(key, turn);
  }
  return turn;
}

/** "Once", "twice", "4 times". */
const timesWord = (voice: Voice, count: number): string =>
  count === 1 ? voice.t('common:history.once') : count === 2 ? voice.t('common:history.twice') : voice.t('common:history.times', { count });

/** When a day was, said as a person would: today, yesterday, three days ago, or the date in the locale's words (UTC days). */
function whenWord(voice: Voice, entry: HistoryEntry, today: string): string {
  if (entry.daysAgo === 0) return voice.t('common:history.today');
  if (entry.daysAgo === 1) return voice.t('common:history.yesterday');
  if (entry.daysAgo < 7) return voice.t('common:history.daysAgo', { count: entry.daysAgo });
  const sameYear = entry.last.slice(0, 4) === today.slice(0, 4);
  const date = new Intl.DateTimeFormat(voice.locale, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(new Date(`${entry.last}T12:00:00Z`));
  return voice.t('common:history.onDate', { date });
}

/** "How many times have I done this?": counts, the last time, and the days in a row; a first-timer hears a plain word. */
function historyWords(voice: Voice, outcome: Extract<Outcome, { kind: 'history' }>): SpeechPart[] {
  const { entries, asked, today } = outcome;
  const first = entries[0];
  if (!first) return asked ? say(voice, 'common:history.noneFor', { name: routineName(voice, asked) }) : say(voice, 'common:history.none');
  const line = (e: HistoryEntry) => ({ name: routineName(voice, e.routineId), times: timesWord(voice, e.count), when: whenWord(voice, e, today) });
  const parts: SpeechPart[] = [];
  if (outcome.current) parts.push(...say(voice, 'common:history.current', line(first)));
  else if (entries.length === 1) parts.push(...say(voice, 'common:history.one', line(first)));
  else {
    parts.push(...say(voice, 'common:history.all'));
    for (const e of entries) parts.push(...say(voice, 'common:history.item', line(e)));
  }
  if (outcome.streak >= 2) parts.push(...say(voice, 'common:history.streak', { count: outcome.streak }));
  return parts.map((p) => (p.kind === 'text' ? { ...p, text: upperFirst(p.text) } : p));
}

/** Composes the words for a reducer outcome that is not a routine segment. */
export function outcomeTurn(voice: Voice, outcome: Exclude<Outcome, { kind: 'segment' }>, state: SkillState): Turn {
  const inRoutine = Boolean(state.progress);
  const back = inRoutine ? say(voice, 'common:point.backToRoutine') : [];
  switch (outcome.kind) {
    case 'welcome':
      return ask([
        ...(outcome.storeDown ? say(voice, 'common:storeUnavailable') : []),
        ...say(voice, outcome.returning ? 'common:welcomeBack' : 'common:welcome'),
        ...(outcome.disclaimer ? say(voice, 'common:disclaimer') : []),
        ...say(voice, 'common:offer'),
      ], say(voice, 'common:offerReprompt'));
    case 'askPregnancy':
      return ask(outcome.again ? say(voice, 'common:askPregnancyReprompt') : askPregnancyWords(voice, outcome), say(voice, 'common:askPregnancyReprompt'));
    case 'askRemember':
      return ask([...(outcome.told ? say(voice, 'common:choice.leaveOut') : []), ...say(voice, outcome.again ? 'common:askRememberReprompt' : 'common:askRemember')], say(voice, 'common:askRememberReprompt'));
    case 'rememberAnswered':
      return ask([...say(voice, outcome.remembered ? 'common:remembered' : 'common:notRemembered'), ...say(voice, 'common:midwife'),
        ...(outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'))], outcome.inRoutine ? back : say(voice, 'common:helpReprompt'));
    case 'routineDone':
      return ask(outcome.pointId ? say(voice, 'common:shape.practise.done') : say(voice, 'common:routineDone', { name: routineName(voice, outcome.routineId) }), say(voice, 'common:routineDoneReprompt'));
    case 'paused':
      return ask(say(voice, outcome.already ? 'common:alreadyPaused' : 'common:paused'), say(voice, 'common:pausedReprompt'));
    case 'goodbye':
      if (!outcome.hasProgress) return { speech: say(voice, 'common:goodbye'), end: true };
      return { speech: say(voice, outcome.kept === false ? 'common:goodbyeUnsaved' : 'common:goodbyeWithProgress'), end: true };
    case 'silent':
      return { speech: [], end: true };
    case 'ignored':
      return { speech: [], end: false };
    case 'routineList':
      return outcome.unknown ? unknownRoutineTurn(voice) : routineListTurn(voice);
    case 'prefsUnknown':
      return messageTurn(voice, 'common:prefs.unknown', 'common:prefs.reprompt');
    case 'unsupported':
      return messageTurn(voice, 'common:unsupported');
    case 'deleteFailed':
      return messageTurn(voice, 'common:deleteFailed');
    case 'offerResume':
      return ask(outcome.again ? say(voice, 'common:offerResumeReprompt')
        : outcome.pointId ? say(voice, 'common:shape.offerResume', { title: stepTitle(voice, outcome.routineId, outcome.stepIndex) })
        : say(voice, 'common:offerResume', { name: routineName(voice, outcome.routineId), title: stepTitle(voice, outcome.routineId, outcome.stepIndex) }),
      say(voice, 'common:offerResumeReprompt'));
    case 'freshStart': return ask([...say(voice, 'common:freshStart'), ...say(voice, 'common:offer')], say(voice, 'common:offerReprompt'));
    case 'massages':
      return ask(outcome.again ? say(voice, 'common:massagesReprompt') : say(voice, 'common:massages', { list: voice.list(MASSAGES.map((id) => routineName(voice, id))) }), say(voice, 'common:massagesReprompt'));
    case 'point':
      return pointTurn(voice, outcome, inRoutine);
    case 'unknownPoint': {
      if (outcome.missing) return ask(say(voice, 'common:unknownPoint.missing'), say(voice, 'common:point.reprompt'));
      const names = outcome.suggestions.map((id) => voice.t('common:unknownPoint.nameAndCode', { name: pointName(voice, id), code: pointCode(voice, id) }));
      if (names.length === 1) return ask(say(voice, 'common:unknownPoint.suggest', { name: names[0] as string }), say(voice, 'common:unknownPoint.suggestReprompt', { name: names[0] as string }));
      if (names.length > 1) return ask(say(voice, 'common:unknownPoint.choose', { list: voice.list(names, 'disjunction') }), say(voice, 'common:point.reprompt'));
      return ask([...say(voice, 'common:unknownPoint.none'), ...back], say(voice, 'common:point.reprompt'));
    }
    case 'didYouMeanDeclined': return ask(say(voice, 'common:didYouMeanDeclined'), say(voice, 'common:point.reprompt'));
    case 'technique': {
      const reprompt = outcome.inRoutine ? say(voice, 'common:point.backToRoutine') : say(voice, 'common:helpReprompt');
      if (!outcome.techniqueId) return ask(say(voice, 'common:technique.unknown'), reprompt);
      const id = outcome.techniqueId;
      return ask([...say(voice, 'common:technique.intro', { name: voice.t(`techniques:${id}.name`) }), ...say(voice, `techniques:${id}.how`),
        ...(outcome.inRoutine ? back : say(voice, 'common:point.more'))], reprompt);
    }
    case 'noCurrentPoint': return ask(say(voice, 'common:noCurrentPoint'), say(voice, 'common:point.reprompt'));
    case 'pain':
      if (outcome.stillHurts) return ask(say(voice, 'common:painStillHurts'), say(voice, 'common:painStillHurtsReprompt'));
      return ask(say(voice, outcome.again ? 'common:painAgain' : 'common:pain'), say(voice, 'common:painReprompt'));
    case 'tingling': return outcome.inRoutine
      ? ask(say(voice, 'common:tingling'), say(voice, 'common:painReprompt'))
      : ask(say(voice, 'common:tinglingIdle'), say(voice, 'common:helpReprompt'));
    case 'health': {
      // The answer, light pressure said once when it was just set, then the way back: resume, or the pain choices.
      const afterPain = state.pending?.question === 'pain';
      // Told while a question waits: the answer, then the question again, briefly.
      const question = state.pending && !afterPain ? outcomeTurn(voice, askAgain(state, state.pending).outcome as Exclude<Outcome, { kind: 'segment' }>, state) : undefined;
      // A fresh sprain during the ankle routine: that routine is the one to leave for now, so the way on is to stop.
      const leaveRoutine = outcome.condition === 'sprain' && outcome.inRoutine && state.progress?.routineId === 'ankle';
      const resume = leaveRoutine ? say(voice, 'common:condition.stopHere') : say(voice, 'common:condition.resume');
      const onward = afterPain ? say(voice, 'common:painReprompt') : outcome.inRoutine ? resume : say(voice, 'common:condition.more');
      const answer = outcome.condition === 'pregnancySafety' && outcome.leftOut ? 'common:condition.pregnancySafetyLeftOut' : `common:condition.${outcome.condition}` as const;
      const told = [...say(voice, answer), ...(outcome.lightened ? say(voice, 'common:condition.lightNow') : [])];
      if (question?.reprompt) return ask([...told, ...question.speech], question.reprompt);
      return ask([...told, ...onward],
        afterPain ? say(voice, 'common:painReprompt') : outcome.inRoutine ? resume : say(voice, 'common:helpReprompt'));
    }
    case 'screening': {
      const offer = outcome.routineId ? say(voice, 'common:screeningOffer', { name: routineName(voice, outcome.routineId) }) : say(voice, 'common:screeningMassages');
      return ask(outcome.again ? offer : [...say(voice, 'common:screening'), ...offer], say(voice, 'common:screeningReprompt'));
    }
    case 'choiceSaved':
      return ask([...say(voice, outcome.leaveOut ? 'common:choice.leaveOut' : 'common:choice.keepIn'), ...(outcome.leaveOut ? say(voice, 'common:midwife') : []),
        ...(outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'))], outcome.inRoutine ? back : say(voice, 'common:helpReprompt'));
    case 'choiceForgotten':
      return ask([...say(voice, 'common:choice.forgotten'), ...(outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'))], outcome.inRoutine ? back : say(voice, 'common:helpReprompt'));
    case 'prefsChanged': {
      const parts: SpeechPart[] = [];
      const p = outcome.prefs;
      if (p.holdLength) parts.push(...say(voice, `common:prefs.holdLength_${p.holdLength}`));
      // Steps whose timing is part of their technique keep it, and the user hears so (only when the routine has one).
      for (const id of outcome.keeps ?? []) parts.push(...say(voice, `common:shape.keeps.${id as 'bl60' | 'lv3gb41'}`));
      if (p.chimes !== undefined) parts.push(...say(voice, p.chimes ? 'common:prefs.chimes_on' : 'common:prefs.chimes_off'));
      if (p.countdown !== undefined) parts.push(...say(voice, p.countdown ? 'common:prefs.countdown_on' : 'common:prefs.countdown_off'));
      if (p.pace) parts.push(...say(voice, p.pace === 'slow' ? 'common:prefs.pace_slow' : 'common:prefs.pace_normal'));
      if (p.waitBetweenSteps !== undefined) parts.push(...say(voice, p.waitBetweenSteps ? 'common:prefs.wait_on' : 'common:prefs.wait_off'));
      if (p.audio !== undefined) parts.push(...say(voice, p.audio ? 'common:prefs.audio_on' : 'common:prefs.audio_off'));
      return ask([...parts, ...(outcome.inRoutine ? say(voice, 'common:prefs.applied') : say(voice, 'common:prefs.reprompt'))], outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'));
    }
    case 'settingsReset': return ask([...say(voice, 'common:settingsReset'), ...(outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'))], say(voice, 'common:helpReprompt'));
    case 'confirmDelete': return ask(say(voice, outcome.again ? 'common:confirmDeleteReprompt' : 'common:confirmDelete'), say(voice, 'common:confirmDeleteReprompt'));
    case 'deleteData': return { speech: [...say(voice, 'common:deleted'), ...say(voice, 'common:goodbye')], end: true };
    case 'deleteDeclined': return ask(say(voice, 'common:deleteDeclined'), say(voice, 'common:helpReprompt'));
    case 'noRoutine': return ask(say(voice, 'common:noRoutine'), say(voice, 'common:noRoutineReprompt'));
    case 'noQuestion': return ask(say(voice, outcome.inRoutine ? 'common:noQuestionInRoutine' : 'common:noQuestion'), outcome.inRoutine ? back : say(voice, 'common:helpReprompt'));
    case 'help': {
      const p = state.progress;
      const params = p ? { name: routineName(voice, p.routineId), title: stepTitle(voice, p.routineId, p.at.stepIndex) } : undefined;
      // A point on its own is not "the ankle routine": the help says what is being done.
      const help = p?.point && outcome.where === 'routine' ? say(voice, 'common:shape.help', params) : say(voice, `common:help.${outcome.where}`, params);
      return ask(help, outcome.where === 'idle' ? say(voice, 'common:helpReprompt') : say(voice, 'common:pausedReprompt'));
    }
    case 'fallback':
      return ask(say(voice, `common:fallback.${outcome.where}`), outcome.where === 'idle' ? say(voice, 'common:offerReprompt') : say(voice, 'common:pausedReprompt'));
    // AudioPlayer reports are never answered aloud; loop and shuffle get one short word, and the stream plays on.
    case 'playback': return { speech: [], end: true };
    case 'holdLimit':
      return ask([...say(voice, `common:shape.limit_${outcome.dir}`), ...(outcome.inRoutine ? say(voice, 'common:prefs.applied') : say(voice, 'common:prefs.reprompt'))],
        outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'));
    case 'practiseLeftOut': {
      const told = outcome.partner
        ? say(voice, 'common:shape.practise.leftOutPair', { name: pointName(voice, outcome.pointId), partner: pointName(voice, outcome.partner) })
        : say(voice, 'common:shape.practise.leftOut', { name: pointName(voice, outcome.pointId) });
      const instead = outcome.instead ? say(voice, 'common:shape.practise.instead', { name: pointName(voice, outcome.instead) }) : [];
      const remembered = outcome.remembered === undefined ? [] : say(voice, outcome.remembered ? 'common:remembered' : 'common:notRemembered');
      return ask([...remembered, ...told, ...instead], say(voice, 'common:shape.practise.reprompt'));
    }
    case 'feetSet': {
      const said = say(voice, outcome.foot ? `common:shape.feet.set_${outcome.foot}` : 'common:shape.feet.both');
      return ask([...said, ...(outcome.inRoutine ? say(voice, 'common:prefs.applied') : say(voice, 'common:prefs.reprompt'))], outcome.inRoutine ? back : say(voice, 'common:prefs.reprompt'));
    }
    case 'playbackMode': return { speech: say(voice, 'common:audio.playbackMode'), end: true };
    case 'history': return ask([...historyWords(voice, outcome), ...(outcome.inRoutine ? back : say(voice, 'common:helpReprompt'))], outcome.inRoutine ? back : say(voice, 'common:helpReprompt'));
  }
}

/** An apology; "your place is kept" only when there is a routine to keep. */
export function errorTurn(voice: Voice, inRoutine: boolean): Turn {
  return inRoutine ? ask(say(voice, 'common:error'), say(voice, 'common:errorReprompt')) : ask(say(voice, 'common:errorIdle'), say(voice, 'common:helpReprompt'));
}

function messageTurn(voice: Voice, k: MessageKey, reprompt: MessageKey = 'common:helpReprompt'): Turn {
  return ask(say(voice, k), say(voice, reprompt));
}

