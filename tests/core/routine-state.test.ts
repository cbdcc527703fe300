import { describe, expect, it } from 'vitest';
import {
  activeSteps, INITIAL_STATE, next, skippedSteps, STATE_VERSION,
  type RoutineEvent, type SegmentCounter, type SkillState,
} from '../../src/core/routine-state.js';
import { parseState } from '../../src/core/state-parse.js';

/** Two segments for step 2 (BL60's long hold), one for every other step. */
const count: SegmentCounter = (routineId, stepIndex) => (routineId === 'ankle' && stepIndex === 2 ? 2 : 1);
const run = (events: RoutineEvent[], from: SkillState = INITIAL_STATE) =>
  events.reduce<{ state: SkillState; outcomes: unknown[] }>((acc, e) => {
    const t = next(acc.state, e, count);
    return { state: t.state, outcomes: [...acc.outcomes, t.outcome] };
  }, { state: from, outcomes: [] });
const notPregnant: SkillState = { ...INITIAL_STATE, pregnant: false };

describe('next (routine reducer)', () => {
  it('asks the pregnancy question once before a routine with points to avoid', () => {
    const { state, outcomes } = run([{ type: 'start', routineId: 'ankle' }]);
    expect(outcomes[0]).toEqual({ kind: 'askPregnancy', routineId: 'ankle' });
    expect(state.pending).toEqual({ question: 'pregnancy', routineId: 'ankle' });
    const answered = run([{ type: 'answer', yes: false }], state);
    expect(answered.outcomes[0]).toMatchObject({ kind: 'segment', routineId: 'ankle', stepIndex: 0, segmentIndex: 0, note: 'begin' });
    expect(answered.state.pregnant).toBe(false);
    expect(answered.state.pending).toBeUndefined();
    expect(run([{ type: 'start', routineId: 'heel' }], answered.state).outcomes[0]).toMatchObject({ kind: 'segment', routineId: 'heel' });
  });

  it('skips BL60, KI4 and LV3 steps for a pregnant user and says which', () => {
    expect(activeSteps('ankle', true)).toEqual([0, 1, 3]);
    expect(activeSteps('heel', true)).toEqual([0, 3, 4]);
    expect(skippedSteps('heel', true)).toEqual(['ki4ki5', 'ki1lv3', 'lv3gb41']);
    const { outcomes } = run([{ type: 'start', routineId: 'ankle' }, { type: 'answer', yes: true }, { type: 'next' }, { type: 'next' }]);
    expect(outcomes[1]).toMatchObject({ kind: 'segment', stepIndex: 0, skipped: ['bl60'] });
    expect(outcomes[2]).toMatchObject({ stepIndex: 1 });
    expect(outcomes[3]).toMatchObject({ stepIndex: 3 });
  });

  it('does not ask about pregnancy for routines without such points', () => {
    expect(run([{ type: 'start', routineId: 'ballRelease' }]).outcomes[0]).toMatchObject({ kind: 'segment', routineId: 'ballRelease' });
  });

  it('walks segments, then steps, then finishes', () => {
    const { state, outcomes } = run(Array(6).fill({ type: 'next' }), run([{ type: 'start', routineId: 'ankle' }], notPregnant).state);
    expect(outcomes.slice(0, 4)).toMatchObject([
      { stepIndex: 1, segmentIndex: 0 }, { stepIndex: 2, segmentIndex: 0 }, { stepIndex: 2, segmentIndex: 1 }, { stepIndex: 3, segmentIndex: 0 },
    ]);
    expect(outcomes[4]).toEqual({ kind: 'routineDone', routineId: 'ankle' });
    expect(outcomes[5]).toEqual({ kind: 'noRoutine', asked: 'next' });
    expect(state.progress).toBeUndefined();
  });

  it('goes back a step, repeats, and starts over', () => {
    const started = run([{ type: 'start', routineId: 'ankle' }, { type: 'next' }, { type: 'next' }], notPregnant).state;
    const { outcomes } = run([{ type: 'previous' }, { type: 'repeat' }, { type: 'startOver' }, { type: 'previous' }], started);
    expect(outcomes).toMatchObject([
      { stepIndex: 1, segmentIndex: 0, note: 'back' }, { stepIndex: 1, note: 'repeat' },
      { stepIndex: 0, note: 'startOver' }, { stepIndex: 0, note: 'atFirstStep' },
    ]);
  });

  it('pauses and resumes at the same segment', () => {
    const started = run([{ type: 'start', routineId: 'ankle' }, { type: 'next' }, { type: 'next' }, { type: 'next' }], notPregnant).state;
    const paused = run([{ type: 'pause' }, { type: 'pause' }], started);
    expect(paused.outcomes).toEqual([{ kind: 'paused', already: false }, { kind: 'paused', already: true }]);
    expect(paused.state.progress).toMatchObject({ stepIndex: 2, segmentIndex: 1, paused: true });
    const resumed = run([{ type: 'resume' }], paused.state);
    expect(resumed.outcomes[0]).toMatchObject({ kind: 'segment', stepIndex: 2, segmentIndex: 1, note: 'resume' });
    expect(resumed.state.progress?.paused).toBe(false);
  });

  it('answers navigation, resume and yes/no out of context without changing anything', () => {
    for (const type of ['next', 'previous', 'repeat', 'pause', 'resume', 'startOver'] as const) {
      const t = next(INITIAL_STATE, { type }, count);
      expect(t.outcome).toEqual({ kind: 'noRoutine', asked: type });
      expect(t.state).toEqual(INITIAL_STATE);
    }
    expect(next(INITIAL_STATE, { type: 'answer', yes: true }, count).outcome).toEqual({ kind: 'noQuestion' });
  });

  it('keeps progress on stop, and offers to resume it later', () => {
    const started = run([{ type: 'start', routineId: 'heel' }, { type: 'next' }], notPregnant).state;
    const stopped = next(started, { type: 'stop' }, count);
    expect(stopped.outcome).toEqual({ kind: 'goodbye', hasProgress: true });
    expect(stopped.state.progress).toMatchObject({ routineId: 'heel', stepIndex: 1, paused: true });
    const offered = next(stopped.state, { type: 'offerResume' }, count);
    expect(offered.outcome).toEqual({ kind: 'offerResume', routineId: 'heel', stepIndex: 1 });
    expect(next(offered.state, { type: 'answer', yes: true }, count).outcome).toMatchObject({ kind: 'segment', stepIndex: 1, note: 'resume' });
    const declined = next(offered.state, { type: 'answer', yes: false }, count);
    expect(declined.outcome).toEqual({ kind: 'freshStart' });
    expect(declined.state.progress).toBeUndefined();
  });

  it('changes preferences and clamps the segment to the new plan', () => {
    const atSecondHalf = run([{ type: 'start', routineId: 'ankle' }, { type: 'next' }, { type: 'next' }, { type: 'next' }], notPregnant).state;
    const oneSegment: SegmentCounter = () => 1;
    const t = next(atSecondHalf, { type: 'setPrefs', prefs: { holdLength: 'short' } }, oneSegment);
    expect(t.state.prefs.holdLength).toBe('short');
    expect(t.state.progress?.segmentIndex).toBe(0);
  });

  it('reset settings forgets the pregnancy answer; delete needs a yes', () => {
    const reset = next({ ...notPregnant, prefs: { holdLength: 'long', chimes: false, countdown: false } }, { type: 'resetSettings' }, count);
    expect(reset.state.pregnant).toBeUndefined();
    expect(reset.state.prefs).toEqual(INITIAL_STATE.prefs);
    const asked = next(notPregnant, { type: 'askDelete' }, count);
    expect(asked.outcome).toEqual({ kind: 'confirmDelete' });
    expect(next(asked.state, { type: 'answer', yes: false }, count).state.pregnant).toBe(false);
    expect(next(asked.state, { type: 'answer', yes: true }, count)).toEqual({ state: INITIAL_STATE, outcome: { kind: 'deleteData' } });
  });

  it('never mutates its input', () => {
    const state = Object.freeze({ ...notPregnant, progress: Object.freeze({ routineId: 'ankle' as const, stepIndex: 0, segmentIndex: 0, paused: false }) });
    expect(() => run([{ type: 'next' }, { type: 'pause' }, { type: 'stop' }], state)).not.toThrow();
  });
});

describe('parseState', () => {
  it.each([
    ['nothing', undefined], ['a string', 'state'], ['an array', []], ['another version', { v: 99, prefs: {} }],
  ])('falls back to the initial state for %s', (_, raw) => {
    expect(parseState(raw)).toEqual(INITIAL_STATE);
  });

  it('keeps valid fields and drops invalid ones field by field', () => {
    const parsed = parseState({
      v: STATE_VERSION, prefs: { holdLength: 'huge', chimes: false, countdown: 'yes' }, pregnant: 'maybe',
      progress: { routineId: 'ankle', stepIndex: 99, segmentIndex: 0 }, pending: { question: 'pregnancy', routineId: 'heel' },
    });
    expect(parsed).toEqual({ v: STATE_VERSION, prefs: { holdLength: 'standard', chimes: false, countdown: true }, pending: { question: 'pregnancy', routineId: 'heel' } });
  });

  it('round-trips a state through JSON', () => {
    const state = run([{ type: 'start', routineId: 'heel' }, { type: 'next' }, { type: 'pause' }], notPregnant).state;
    expect(parseState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
