/**
 * Issue 21, requirement 3: one point on its own (a one-step plan that is that step's timeline exactly, the
 * pregnancy choice as before a routine), one foot only (only one-side steps lose a foot; the place stays exact in
 * plan time when it is said mid-hold, and is stored on both feet's clock), and holds one length shorter or longer.
 */
import { describe, expect, it } from 'vitest';
import { getRoutine, ROUTINES } from '../../src/core/content/routines.js';
import { POINT_IDS, type RoutineId, type Step } from '../../src/core/content/types.js';
import { RECOGNITION_ALLOWANCE_MS } from '../../src/core/limits.js';
import { planFor, planRoutine, practiceStep } from '../../src/core/plan.js';
import { next } from '../../src/core/reducer.js';
import { persistedView } from '../../src/core/state-merge.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import { DEFAULT_PREFERENCES, footTime, switchMs, type Foot } from '../../src/core/timeline.js';
import { respond } from '../../src/core/respond.js';
import { routineScreen } from '../../src/core/screen.js';
import { loadVoice } from '../../src/alexa/i18n.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const routineIds = Object.keys(ROUTINES) as RoutineId[];
const kept = (s: SkillState, o: Partial<SkillState> = {}): SkillState => ({ ...s, leaveOut: false, disclaimed: true, ...o });

describe('one point on its own', () => {
  it('every point is in a step, and the step chosen has it alone, else leads with it', () => {
    for (const id of POINT_IDS) {
      const found = practiceStep(id);
      expect(found, id).toBeDefined();
      expect(getRoutine(found!.routineId).steps[found!.stepIndex]!.points, id).toContain(id);
    }
    expect(practiceStep('BL60')).toEqual({ routineId: 'ankle', stepIndex: 2 });
    expect(practiceStep('KI1')).toEqual({ routineId: 'anxiety', stepIndex: 0 });
    expect(practiceStep('LV3')).toEqual({ routineId: 'heel', stepIndex: 5 });
    expect(practiceStep('KI5')).toEqual({ routineId: 'heel', stepIndex: 1 });
  });

  it.each(POINT_IDS.map((id) => [id]))('the plan of %s alone is its step\'s timeline, exactly, at every length', (id) => {
    const { routineId, stepIndex } = practiceStep(id)!;
    for (const holdLength of ['short', 'standard', 'long'] as const) {
      const prefs = { ...DEFAULT_PREFERENCES, holdLength };
      const state: SkillState = { ...INITIAL_STATE, prefs, leaveOut: false, progress: { routineId, at: { stepIndex, atMs: 0 }, paused: true, point: id } };
      const single = planFor(state, routineId);
      const whole = planRoutine(routineId, prefs, false).steps.find((s) => s.index === stepIndex);
      expect(single.steps).toHaveLength(1);
      expect(single.steps[0]).toEqual(whole);
    }
  });

  it('starts with a short introduction and closes as a point, not a routine; the routine is not counted as heard', () => {
    const r = next(kept(INITIAL_STATE), { type: 'practise', pointId: 'GB40' }, T0);
    expect(r.outcome).toMatchObject({ kind: 'segment', note: 'practise', routineId: 'ankle', entry: { stepIndex: 1, words: 'intro' } });
    expect(r.state.progress).toMatchObject({ routineId: 'ankle', point: 'GB40' });
    expect(r.state.heard ?? []).not.toContain('ankle');
    // Nor counted as the routine done (stats).
    expect(r.state.stats).toBeUndefined();
    expect(r.state.counted ?? []).not.toContain('ankle');
    // Past the step's end: the point is done.
    const done = next({ ...r.state, progress: { ...r.state.progress!, at: { stepIndex: 1, atMs: 10 * 60_000 }, paused: true } }, { type: 'next' }, T0);
    expect(done.outcome).toEqual({ kind: 'routineDone', routineId: 'ankle', pointId: 'GB40' });
  });

  it('the screen names it as a point on its own, not a step of a routine; one foot shows that foot', async () => {
    const voice = await loadVoice('en-US');
    const r = respond(voice, kept(INITIAL_STATE), { type: 'practise', pointId: 'GB40' }, T0, { screen: true });
    const screen = routineScreen(voice, 'ankle', r.state, r.segment!);
    expect(screen.data.subtitle).toBe(voice.t('common:shape.screen'));
    expect(screen.data.title).toContain('Hill Ruins');
    const left = respond(voice, kept(INITIAL_STATE, { oneFoot: 'left' }), { type: 'practise', pointId: 'GB40' }, T0, { screen: true });
    const leftScreen = routineScreen(voice, 'ankle', left.state, left.segment!);
    expect(leftScreen.data.foot).toBe('left');
    const captions = leftScreen.events.flatMap((e) => ('set' in e && e.set === 'caption' ? [String(e.value)] : []));
    expect(captions.length).toBeGreaterThan(0);
    expect(captions.every((c) => c.startsWith(voice.t('common:screen.leftFoot')))).toBe(true);
  });

  it('asks the pregnancy question first for a point avoided in pregnancy, and carries on into that point', () => {
    const asked = next({ ...INITIAL_STATE }, { type: 'practise', pointId: 'BL60' }, T0);
    expect(asked.outcome).toEqual({ kind: 'askPregnancy', routineId: 'ankle', pointId: 'BL60' });
    const no = next(asked.state, { type: 'answer', answer: 'no' }, T0);
    expect(no.outcome).toMatchObject({ kind: 'segment', note: 'practise', entry: { stepIndex: 2 } });
    // Yes: remember? then the point is one they chose to leave out, and another is offered.
    const yes = next(asked.state, { type: 'answer', answer: 'yes' }, T0);
    expect(yes.outcome.kind).toBe('askRemember');
    const left = next(yes.state, { type: 'answer', answer: 'no' }, T0);
    expect(left.outcome).toEqual({ kind: 'practiseLeftOut', pointId: 'BL60', instead: 'KI6', remembered: false });
    expect(left.state.progress).toBeUndefined();
    // BL57 is kept light, not left out: the question says so, and a yes keeps the step.
    expect(next(INITIAL_STATE, { type: 'practise', pointId: 'BL57' }, T0).outcome).toMatchObject({ kind: 'askPregnancy', pointId: 'BL57', light: true });
    // A point without a pregnancy concern asks nothing.
    expect(next(INITIAL_STATE, { type: 'practise', pointId: 'KI6' }, T0).outcome.kind).toBe('segment');
  });

  it('with the points left out: the point itself, or the point its partner is pressed with', () => {
    const out = kept(INITIAL_STATE, { leaveOut: true });
    expect(next(out, { type: 'practise', pointId: 'LV3' }, T0).outcome).toEqual({ kind: 'practiseLeftOut', pointId: 'LV3', instead: 'KI7' });
    expect(next(out, { type: 'practise', pointId: 'KI5' }, T0).outcome).toEqual({ kind: 'practiseLeftOut', pointId: 'KI5', partner: 'KI4', instead: 'KI7' });
    expect(next(out, { type: 'practise', pointId: 'BL57' }, T0).outcome.kind).toBe('segment');
  });

  it('"did you mean …?" for a point to practise practises it on a yes', () => {
    const asked = next(kept(INITIAL_STATE), { type: 'unknownPoint', suggestions: ['KI6'], missing: false, ask: 'practise' }, T0);
    expect(asked.state.pending).toEqual({ question: 'didYouMean', pointId: 'KI6', ask: 'practise' });
    expect(next(asked.state, { type: 'answer', answer: 'yes' }, T0).outcome).toMatchObject({ kind: 'segment', note: 'practise' });
  });
});

describe('one foot only', () => {
  it.each(routineIds.map((id) => [id]))('%s: only steps done one side at a time lose a foot; both-feet steps keep their clock and press with one hand', (routineId) => {
    const both = planRoutine(routineId, DEFAULT_PREFERENCES, false);
    for (const foot of ['left', 'right'] as const) {
      const one = planRoutine(routineId, DEFAULT_PREFERENCES, false, { oneFoot: foot });
      expect(one.steps.map((s) => s.index)).toEqual(both.steps.map((s) => s.index));
      one.steps.forEach((s, i) => {
        const b = both.steps[i]!;
        if (s.step.side !== 'each') {
          expect(s.cues.map((c) => c.atMs)).toEqual(b.cues.map((c) => c.atMs));
          expect(s.cues.some((c) => c.cue === 'pressBoth')).toBe(false);
          return;
        }
        const hold = (b.durationMs - switchMs(s.step)) / 2;
        expect(s.durationMs).toBe(hold);
        // The first foot's cues, on the same clock, closed by the step's release (no switch).
        expect(s.cues.slice(0, -1).map((c) => [c.atMs, c.cue])).toEqual(b.cues.filter((c) => c.atMs < hold).map((c) => [c.atMs, c.cue]));
        expect(s.cues.every((c) => c.foot === (foot === 'right' ? 'first' : 'second'))).toBe(true);
        expect(s.cues.some((c) => c.cue === 'switchFoot' || c.cue === 'switchLeg')).toBe(false);
      });
    }
  });

  it('maps a place between the clocks: the right foot is the first hold, the left the second moved to 0', () => {
    const gb40 = getRoutine('ankle').steps[1] as Step;
    const prefs = DEFAULT_PREFERENCES;
    const hold = 90_000;
    const second = hold + switchMs(gb40);
    expect(footTime(gb40, prefs, 20_000, undefined, 'right')).toBe(20_000);
    expect(footTime(gb40, prefs, 20_000, undefined, 'left')).toBe(0);
    expect(footTime(gb40, prefs, second + 7_000, undefined, 'left')).toBe(7_000);
    expect(footTime(gb40, prefs, second + 7_000, undefined, 'right')).toBe(hold);
    expect(footTime(gb40, prefs, 7_000, 'left', undefined)).toBe(second + 7_000);
    // One foot to the other: the new foot's hold from its start, whichever came first (its hold was not done).
    expect(footTime(gb40, prefs, 30_000, 'left', 'right')).toBe(0);
    expect(footTime(gb40, prefs, 30_000, 'right', 'left')).toBe(0);
    // Not started yet (its introduction): from its beginning, whichever the feet.
    expect(footTime(gb40, prefs, 0, 'left', undefined)).toBe(0);
    expect(footTime(gb40, prefs, 0, undefined, 'left')).toBe(0);
    for (const [from, to] of [[undefined, 'left'], [undefined, 'right'], ['left', undefined], ['right', undefined]] as [Foot | undefined, Foot | undefined][]) {
      expect(footTime(getRoutine('ankle').steps[0] as Step, prefs, 33_000, from, to)).toBe(33_000);
    }
  });

  it('said mid-hold, the plan changes where the user is, to the millisecond; "both feet again" goes back; the store keeps both feet\'s clock', async () => {
    const voice = await loadVoice('en-US');
    // Paused 20 s into the second foot's Hill Ruins hold (GB40: 90 s a foot, 12 s to switch), then resumed.
    const paused: SkillState = kept(INITIAL_STATE, { progress: { routineId: 'ankle', at: { stepIndex: 1, atMs: 102_000 + 20_000 }, paused: true } });
    const resumed = respond(voice, paused, { type: 'resume' }, T0, { screen: false });
    const marks = resumed.state.progress!.played!.marks;
    const running = marks.find((m) => m[1] === 1 && m[3] === 1)!;
    // Said when the plan stood at 130 s (28 s into the left foot's hold), heard as the request's timestamp.
    const when = T0 + running[0] + (130_000 - running[2]) + RECOGNITION_ALLOWANCE_MS;
    const left = respond(voice, resumed.state, { type: 'oneFoot', foot: 'left' }, when, { screen: false });
    expect(left.outcome).toMatchObject({ kind: 'segment', note: 'oneFoot_left', entry: { stepIndex: 1, atMs: 28_000, repress: true } });
    expect(left.state.oneFoot).toBe('left');
    // Stored on both feet's clock: next session has both feet again, at the same moment of the same hold.
    expect(persistedView(left.state).progress?.at).toEqual({ stepIndex: 1, atMs: 130_000 });
    expect(persistedView(left.state)).not.toHaveProperty('oneFoot');
    // 10 s later (plan 38 s on the left foot's clock), both feet again: 140 s on both feet's clock.
    const leftMarks = left.state.progress!.played!.marks;
    const leftRun = leftMarks.find((m) => m[1] === 1 && m[3] === 1)!;
    const later = when + leftRun[0] + (38_000 - leftRun[2]) + RECOGNITION_ALLOWANCE_MS;
    const back = respond(voice, left.state, { type: 'bothFeet' }, later, { screen: false });
    expect(back.outcome).toMatchObject({ kind: 'segment', note: 'bothFeet', entry: { stepIndex: 1, atMs: 140_000 } });
    expect(back.state.oneFoot).toBeUndefined();
  });

  it('paused on the foot no longer done, the chosen foot\'s hold is next; with no routine, it is kept for the session', () => {
    const paused = kept(INITIAL_STATE, { progress: { routineId: 'ankle', at: { stepIndex: 1, atMs: 20_000 }, paused: true } });
    const told = next(paused, { type: 'oneFoot', foot: 'left' }, T0);
    expect(told.outcome).toEqual({ kind: 'feetSet', foot: 'left', inRoutine: true });
    expect(told.state.progress?.at).toEqual({ stepIndex: 1, atMs: 0 });
    // Paused, the place is the left foot's hold from its start: resume introduces it again (its setup says which foot).
    expect(next(told.state, { type: 'resume' }, T0).outcome).toMatchObject({ kind: 'segment', entry: { stepIndex: 1, atMs: 0, words: 'intro' } });
    const idle = next(kept(INITIAL_STATE), { type: 'oneFoot', foot: undefined }, T0);
    expect(idle).toMatchObject({ outcome: { kind: 'feetSet', foot: 'right', inRoutine: false }, state: { oneFoot: 'right' } });
    expect(next(idle.state, { type: 'bothFeet' }, T0).state.oneFoot).toBeUndefined();
  });
});

describe('shorter / longer', () => {
  const at = (holdLength: 'short' | 'standard' | 'long', routineId?: RoutineId): SkillState =>
    kept(INITIAL_STATE, { prefs: { ...DEFAULT_PREFERENCES, holdLength }, ...(routineId ? { progress: { routineId, at: { stepIndex: 0, atMs: 10_000 }, paused: true } } : {}) });

  it('is one length down or up, and says so at the ends of the range', () => {
    expect(next(at('standard'), { type: 'holdRelative', dir: 'shorter' }, T0).state.prefs.holdLength).toBe('short');
    expect(next(at('long'), { type: 'holdRelative', dir: 'shorter' }, T0).state.prefs.holdLength).toBe('standard');
    expect(next(at('short'), { type: 'holdRelative', dir: 'longer' }, T0).state.prefs.holdLength).toBe('standard');
    expect(next(at('standard'), { type: 'holdRelative', dir: 'longer' }, T0).state.prefs.holdLength).toBe('long');
    const shortest = next(at('short'), { type: 'holdRelative', dir: 'shorter' }, T0);
    expect(shortest.outcome).toEqual({ kind: 'holdLimit', dir: 'shorter', inRoutine: false });
    expect(shortest.state.prefs.holdLength).toBe('short');
    const longest = next(at('long', 'ankle'), { type: 'holdRelative', dir: 'longer' }, T0);
    expect(longest.outcome).toEqual({ kind: 'holdLimit', dir: 'longer', inRoutine: true });
    expect(longest.state.prefs.holdLength).toBe('long');
  });

  it('names the steps that keep their length, only when the routine under way has one', () => {
    expect(next(at('standard', 'ankle'), { type: 'holdRelative', dir: 'shorter' }, T0).outcome).toMatchObject({ kind: 'prefsChanged', keeps: ['bl60'] });
    expect(next(at('standard', 'heel'), { type: 'holdRelative', dir: 'longer' }, T0).outcome).toMatchObject({ kind: 'prefsChanged', keeps: ['lv3gb41'] });
    expect(next(at('standard', 'anxiety'), { type: 'holdRelative', dir: 'shorter' }, T0).outcome).not.toHaveProperty('keeps');
    expect(next(at('standard'), { type: 'holdRelative', dir: 'shorter' }, T0).outcome).not.toHaveProperty('keeps');
    // Those steps' holds are the same at every length (points-reference §1: BL60 5 min, LV3 + GB41 2 min).
    for (const routineId of routineIds) {
      for (const s of planRoutine(routineId, DEFAULT_PREFERENCES, false).steps) {
        const h = s.step.holdSec;
        const fixed = Boolean(h && h.short === h.standard && h.standard === h.long);
        expect(fixed, s.step.id).toBe(s.step.id === 'bl60' || s.step.id === 'lv3gb41');
      }
    }
  });
});
