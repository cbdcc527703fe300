/**
 * The reducer as a table: every mode × every event, with the kind of outcome (and, where it matters, the
 * segment's note) that the pair must give. A new event or mode fails here until its row is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { EVENT_TYPES, HEALTH_CONDITIONS, type EventType, type RoutineEvent } from '../../src/core/events.js';
import { MODE_KINDS, modeOf, type ModeKind } from '../../src/core/modes.js';
import { respond } from '../../src/core/respond.js';
import { next } from '../../src/core/reducer.js';
import { PERSISTED_FIELDS } from '../../src/core/state-merge.js';
import { parseState, parseStoredState } from '../../src/core/state-parse.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import type { Voice } from '../../src/core/voice.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
let voice: Voice;
const fixtures = {} as Record<ModeKind, { state: SkillState; nowMs: number }>;

beforeAll(async () => {
  voice = await loadVoice('en-US');
  const idle: SkillState = { ...INITIAL_STATE, disclaimed: true };
  const asking = respond(voice, idle, { type: 'start', routineId: 'ankle' }, T0, { screen: false }).state;
  const started = respond(voice, asking, { type: 'answer', answer: 'no' }, T0, { screen: false });
  // 35 s after the first press: inside K.I. 6's hold, with a cue already said.
  const during = T0 + Math.round(started.segment?.onsets[0]?.realMs ?? 0) + 35_000;
  const paused = respond(voice, started.state, { type: 'pause' }, during, { screen: false }).state;
  const afterPain = respond(voice, started.state, { type: 'pain' }, during, { screen: false }).state;
  // The same answer on a speaker that plays routines as AudioPlayer streams.
  const streaming = respond(voice, asking, { type: 'answer', answer: 'no' }, T0, { screen: false, audio: true }).state;
  Object.assign(fixtures, {
    idle: { state: idle, nowMs: T0 }, asking: { state: asking, nowMs: T0 }, playing: { state: started.state, nowMs: during },
    paused: { state: paused, nowMs: during + 5_000 }, afterPain: { state: afterPain, nowMs: during + 5_000 }, streaming: { state: streaming, nowMs: during },
  });
});

const sample: Record<EventType, RoutineEvent> = {
  launch: { type: 'launch' }, start: { type: 'start', routineId: 'heel' }, listRoutines: { type: 'listRoutines' }, massages: { type: 'massages' },
  answer: { type: 'answer', answer: 'yes' }, next: { type: 'next' }, skip: { type: 'skip' }, segmentDone: { type: 'segmentDone', seq: 1 },
  previous: { type: 'previous' }, otherFoot: { type: 'otherFoot' }, redo: { type: 'redo' }, repeat: { type: 'repeat' }, pause: { type: 'pause' },
  resume: { type: 'resume' }, startOver: { type: 'startOver' }, stop: { type: 'stop' }, sessionEnded: { type: 'sessionEnded' },
  point: { type: 'point', pointId: 'BL62', ask: 'where' }, unknownPoint: { type: 'unknownPoint', suggestions: ['BL62'], missing: false, ask: 'where' },
  technique: { type: 'technique', techniqueId: 'pressure' }, currentPoint: { type: 'currentPoint', ask: 'where' }, howLong: { type: 'howLong' },
  whatsNext: { type: 'whatsNext' }, pain: { type: 'pain' }, tingling: { type: 'tingling' }, lighter: { type: 'lighter' },
  symptom: { type: 'symptom', routineId: 'heel' }, health: { type: 'health', condition: 'diabetes' }, pregnant: { type: 'pregnant' }, notPregnant: { type: 'notPregnant' }, forgetChoice: { type: 'forgetChoice' },
  setPrefs: { type: 'setPrefs', prefs: { chimes: false } }, prefsUnknown: { type: 'prefsUnknown' }, resetSettings: { type: 'resetSettings' },
  askDelete: { type: 'askDelete' }, eraseFailed: { type: 'eraseFailed' }, help: { type: 'help' }, fallback: { type: 'fallback' },
  unsupported: { type: 'unsupported' }, deviceReport: { type: 'deviceReport' },
  playback: { type: 'playback', what: 'started', stream: { routineId: 'ankle', stepIndex: 0, seq: 1 }, offsetMs: 0, at: { stepIndex: 0, atMs: 0 } },
  playbackMode: { type: 'playbackMode' },
  history: { type: 'history', routineId: undefined },
  practise: { type: 'practise', pointId: 'GB40' }, oneFoot: { type: 'oneFoot', foot: 'left' }, bothFeet: { type: 'bothFeet' },
  holdRelative: { type: 'holdRelative', dir: 'shorter' },
};

/** The same in every mode. */
const ALWAYS: Partial<Record<EventType, string>> = {
  listRoutines: 'routineList', massages: 'massages', stop: 'goodbye', sessionEnded: 'silent', technique: 'technique', setPrefs: 'prefsChanged',
  prefsUnknown: 'prefsUnknown', resetSettings: 'settingsReset', askDelete: 'confirmDelete', eraseFailed: 'deleteFailed', unsupported: 'unsupported',
  deviceReport: 'ignored', segmentDone: 'ignored', forgetChoice: 'choiceForgotten', notPregnant: 'choiceSaved', tingling: 'tingling',
  playback: 'playback', playbackMode: 'playbackMode',
  health: 'health',
  history: 'history',
};

/** Moves that need a routine: in idle there is none. */
const MOVES_IDLE: Partial<Record<EventType, string>> = Object.fromEntries(
  (['next', 'skip', 'previous', 'otherFoot', 'redo', 'pause', 'resume', 'startOver', 'lighter', 'howLong', 'whatsNext'] as const).map((e) => [e, 'noRoutine']));

/** A question waits for its answer: every move through a routine gets the question again. */
const MOVES_ASKING: Partial<Record<EventType, string>> = Object.fromEntries(
  (['next', 'skip', 'previous', 'otherFoot', 'redo', 'repeat', 'pause', 'resume', 'startOver', 'lighter', 'currentPoint', 'howLong', 'whatsNext'] as const).map((e) => [e, 'askPregnancy']));

/** After pain nothing presses again unless the user chose to: other moves get the choices again. */
const MOVES_AFTER_PAIN: Partial<Record<EventType, string>> = {
  next: 'segment:skip', skip: 'segment:skip', resume: 'segment:gentle', lighter: 'segment:lighter', currentPoint: 'point',
  ...Object.fromEntries((['previous', 'otherFoot', 'redo', 'repeat', 'pause', 'startOver', 'howLong', 'whatsNext'] as const).map((e) => [e, 'pain'])),
};

const MOVES_PLAYING: Partial<Record<EventType, string>> = {
  next: 'segment:skip', skip: 'segment:skip', previous: 'segment:atFirstStep', otherFoot: 'segment:otherFoot', redo: 'segment:redo',
  repeat: 'segment:repeatCue', pause: 'paused', resume: 'segment:resume', startOver: 'segment:startOver', lighter: 'segment:lighter',
  currentPoint: 'segment:resume', howLong: 'segment:resume', whatsNext: 'segment:resume', segmentDone: 'segment:continue',
};

const TABLE: Record<ModeKind, Partial<Record<EventType, string>>> = {
  idle: {
    ...ALWAYS, ...MOVES_IDLE, launch: 'welcome', start: 'askPregnancy', answer: 'noQuestion', repeat: 'help', stop: 'goodbye', point: 'point',
    unknownPoint: 'unknownPoint', currentPoint: 'noCurrentPoint', pain: 'screening', symptom: 'screening', pregnant: 'askRemember', help: 'help', fallback: 'fallback',
  },
  asking: {
    ...ALWAYS, ...MOVES_ASKING, launch: 'welcome', start: 'askPregnancy', answer: 'askRemember', point: 'point', unknownPoint: 'unknownPoint',
    pain: 'screening', symptom: 'screening', pregnant: 'askRemember', notPregnant: 'segment:begin', help: 'askPregnancy', fallback: 'askPregnancy',
  },
  afterPain: {
    ...ALWAYS, ...MOVES_AFTER_PAIN, launch: 'offerResume', start: 'segment:begin', answer: 'pain', point: 'point', unknownPoint: 'unknownPoint',
    pain: 'pain', symptom: 'pain', pregnant: 'choiceSaved', help: 'pain', fallback: 'pain',
  },
  paused: {
    ...ALWAYS, ...MOVES_PLAYING, next: 'segment:resume', pause: 'paused', repeat: 'segment:repeatCue', segmentDone: 'ignored', launch: 'offerResume',
    start: 'segment:begin', answer: 'noQuestion', point: 'point', unknownPoint: 'unknownPoint', pain: 'pain', symptom: 'pain', pregnant: 'segment:skippedForChoice',
    help: 'help', fallback: 'fallback',
  },
  playing: {
    ...ALWAYS, ...MOVES_PLAYING, launch: 'offerResume', start: 'segment:begin', answer: 'noQuestion', point: 'point', unknownPoint: 'unknownPoint',
    pain: 'pain', symptom: 'pain', pregnant: 'segment:skippedForChoice', help: 'help', fallback: 'fallback',
  },
  // A stream plays: the device's offset is the place (step 0, its introduction, in this fixture); "next" is the next step, as for music.
  streaming: {
    ...ALWAYS, ...MOVES_PLAYING, segmentDone: 'ignored', repeat: 'segment:repeat', launch: 'offerResume', start: 'segment:begin', answer: 'noQuestion', point: 'point',
    unknownPoint: 'unknownPoint', pain: 'pain', symptom: 'pain', pregnant: 'segment:skippedForChoice', help: 'help', fallback: 'fallback',
  },
};

/**
 * A point on its own, one foot only, shorter holds: the point starts in every mode (as a routine does; GB40 needs no
 * question); one foot or both changes the plan where a routine plays, is kept for the session without one (or
 * paused), and never gets past a question or a pain stop; "shorter" is a length change anywhere.
 */
const SHAPE: Record<ModeKind, Partial<Record<EventType, string>>> = {
  idle: { practise: 'segment:practise', oneFoot: 'feetSet', bothFeet: 'feetSet', holdRelative: 'prefsChanged' },
  asking: { practise: 'segment:practise', oneFoot: 'askPregnancy', bothFeet: 'askPregnancy', holdRelative: 'prefsChanged' },
  afterPain: { practise: 'segment:practise', oneFoot: 'pain', bothFeet: 'pain', holdRelative: 'prefsChanged' },
  paused: { practise: 'segment:practise', oneFoot: 'feetSet', bothFeet: 'feetSet', holdRelative: 'prefsChanged' },
  playing: { practise: 'segment:practise', oneFoot: 'segment:oneFoot_left', bothFeet: 'segment:bothFeet', holdRelative: 'prefsChanged' },
  streaming: { practise: 'segment:practise', oneFoot: 'segment:oneFoot_left', bothFeet: 'segment:bothFeet', holdRelative: 'prefsChanged' },
};

const kindOf = (o: ReturnType<typeof next>['outcome']) => (o.kind === 'segment' ? `segment:${o.note}` : o.kind);

describe('the reducer, every mode × every event', () => {
  it('has a fixture in each mode', () => {
    for (const kind of MODE_KINDS) expect(modeOf(fixtures[kind].state).kind).toBe(kind);
  });

  for (const mode of MODE_KINDS) {
    it.each(EVENT_TYPES.map((e) => [e]))(`${mode} × %s`, (type) => {
      const expected = { ...TABLE[mode], ...SHAPE[mode] }[type];
      expect(expected, `a row for ${mode} × ${type}`).toBeDefined();
      const { state, nowMs } = fixtures[mode];
      expect(kindOf(next(state, sample[type], nowMs).outcome)).toBe(expected);
    });
  }

  it('takes the current screen event while playing, and no other', () => {
    const { state, nowMs } = fixtures.playing;
    const seq = state.progress?.seq;
    expect(seq).toBeGreaterThan(0);
    expect(kindOf(next(state, { type: 'segmentDone', seq }, nowMs).outcome)).toBe('segment:continue');
    expect(kindOf(next(state, { type: 'segmentDone', seq: (seq ?? 0) - 1 }, nowMs).outcome)).toBe('ignored');
    expect(kindOf(next(state, { type: 'segmentDone', seq: undefined }, nowMs).outcome)).toBe('ignored');
  });

  it('erases only through an effect, after a yes to the question', () => {
    const asked = next(fixtures.playing.state, { type: 'askDelete' }, fixtures.playing.nowMs).state;
    const yes = next(asked, { type: 'answer', answer: 'yes' }, fixtures.playing.nowMs);
    expect(yes.outcome.kind).toBe('deleteData');
    expect(yes.effects).toEqual({ erase: true });
    expect(next(asked, { type: 'answer', answer: 'no' }, fixtures.playing.nowMs).effects).toBeUndefined();
  });
});

describe('health disclosures (issue 21)', () => {
  const conditions = HEALTH_CONDITIONS;

  it.each(MODE_KINDS.map((m) => [m]))('in %s: an answer that keeps the mode (a detour keeps the place, the pain choices stay open)', (mode) => {
    const { state, nowMs } = fixtures[mode];
    for (const condition of conditions) {
      const told = next(state, { type: 'health', condition }, nowMs);
      expect(told.outcome).toMatchObject({ kind: 'health', condition, inRoutine: mode === 'playing' || mode === 'paused' || mode === 'afterPain' || mode === 'streaming' });
      const after = modeOf(told.state).kind;
      // A question stays asked; a routine is held where it was.
      expect(after, `${mode} × ${condition}`).toBe(mode === 'playing' || mode === 'streaming' ? 'paused' : mode);
      if (state.pending) expect(told.state.pending?.question).toBe(state.pending.question);
      if (state.progress) expect(told.state.progress?.at.stepIndex).toBe(state.progress.at.stepIndex);
    }
  });

  it('mid-hold: resume presses again at the same place', () => {
    const { state, nowMs } = fixtures.playing;
    const told = next(state, { type: 'health', condition: 'sprain' }, nowMs);
    const held = told.state.progress!.at;
    const resumed = next(told.state, { type: 'resume' }, nowMs + 10_000);
    expect(resumed.outcome).toMatchObject({ kind: 'segment', note: 'resume' });
    expect(resumed.outcome.kind === 'segment' && resumed.outcome.entry.stepIndex).toBe(held.stepIndex);
  });

  it('diabetes, neuropathy and blood thinners set light pressure for the session; nothing else does, and none of it is stored', () => {
    const { state, nowMs } = fixtures.playing;
    for (const condition of conditions) {
      const told = next(state, { type: 'health', condition }, nowMs);
      const lightens = ['diabetes', 'neuropathy', 'bloodThinners'].includes(condition);
      expect(told.state.lightAll === true, condition).toBe(lightens);
      expect(told.outcome.kind === 'health' && told.outcome.lightened, condition).toBe(lightens);
    }
    expect(PERSISTED_FIELDS as readonly string[]).not.toContain('lightAll');
    const stored = parseStoredState({ ...next(state, { type: 'health', condition: 'diabetes' }, nowMs).state });
    expect(stored.kind === 'current' && stored.state.lightAll).toBeUndefined();
    expect(parseState({ ...state, lightAll: true }).lightAll).toBe(true);
  });

  it('after diabetes, pain offers only skip or stop (the pressure already is light)', () => {
    const { state, nowMs } = fixtures.playing;
    const told = next(state, { type: 'health', condition: 'diabetes' }, nowMs).state;
    const resumed = next(told, { type: 'resume' }, nowMs + 1_000).state;
    expect(next(resumed, { type: 'pain' }, nowMs + 2_000).outcome).toMatchObject({ kind: 'pain', stillHurts: true });
  });

  it('"is this safe in pregnancy?" says whether the points are already left out', () => {
    const { state, nowMs } = fixtures.idle;
    expect(next(state, { type: 'health', condition: 'pregnancySafety' }, nowMs).outcome).toMatchObject({ leftOut: false });
    expect(next({ ...state, leaveOut: true }, { type: 'health', condition: 'pregnancySafety' }, nowMs).outcome).toMatchObject({ leftOut: true });
  });
});

describe('a stream whose step was left out while it played', () => {
  it('places a report about it at that step\'s start instead of failing (found by the invariants with streams)', () => {
    const audio = { screen: false, audio: true };
    let state = respond(voice, { ...INITIAL_STATE, disclaimed: true }, { type: 'start', routineId: 'heel' }, T0, audio).state;
    state = respond(voice, state, { type: 'answer', answer: 'no' }, T0, audio).state;
    // The heel routine's second step (Large Goblet and Water Spring) is one the pregnancy choice leaves out.
    const stream = { routineId: 'heel' as const, stepIndex: 1, seq: state.progress?.seq ?? 0 };
    state = respond(voice, state, { type: 'pregnant' }, T0 + 60_000, audio).state;
    expect(state.leaveOut).toBe(true);
    const report = respond(voice, state, { type: 'playback', what: 'stopped', stream, offsetMs: 20_000 }, T0 + 80_000, audio);
    expect(report.outcome.kind).toBe('playback');
  });
});

describe('an ignored event while a stream plays', () => {
  it.each([[{ type: 'deviceReport' } as const], [{ type: 'segmentDone', seq: 1 } as const]])('%o leaves the stream playing (found by the fuzzed conversations at 4,000 runs)', (event) => {
    const audio = { screen: false, audio: true };
    let state = respond(voice, { ...INITIAL_STATE, disclaimed: true }, { type: 'start', routineId: 'lowBack' }, T0, audio).state;
    expect(modeOf(state).kind).toBe('streaming');
    const r = respond(voice, state, event, T0 + 30_000, audio);
    expect(r.outcome.kind).toBe('ignored');
    expect(r.player).toBeUndefined();
    state = r.state;
    expect(modeOf(state).kind).toBe('streaming');
  });
});

describe('resume after pain near the end of a point', () => {
  it('carries the light pressure to the point pressed next, so "light pressure only for this point" is true of it', () => {
    const idle: SkillState = { ...INITIAL_STATE, disclaimed: true };
    const asking = respond(voice, idle, { type: 'start', routineId: 'ankle' }, T0, { screen: false }).state;
    const started = respond(voice, asking, { type: 'answer', answer: 'no' }, T0, { screen: false });
    const ki6 = started.segment!.onsets.filter((o) => o.stepIndex === started.segment!.onsets[0]!.stepIndex);
    const release = ki6.at(-1)!;
    // "It hurts" 5 s before K.I. 6's release (the recognition allowance added back), then "resume": too close to
    // the end to press again, so the routine carries on at the next point.
    const painAt = T0 + Math.round(release.realMs) - 5_000 + 1_500;
    const pain = respond(voice, started.state, { type: 'pain' }, painAt, { screen: false });
    expect(pain.state.progress?.at.stepIndex).toBe(release.stepIndex);
    const resumed = respond(voice, pain.state, { type: 'resume' }, painAt + 5_000, { screen: false });
    const pressed = resumed.segment!.onsets[0]!.stepIndex;
    expect(pressed).not.toBe(release.stepIndex);
    expect(resumed.state.progress?.light).toContain(pressed);
    const firm = resumed.segment!.onsets.filter((o) => o.stepIndex === pressed && ['firmer', 'pressFirm', 'holdFirm'].includes(o.cue));
    expect(firm).toEqual([]);
  });
});
