/**
 * Light pressure for a step, after pain: the same timeline with every firm moment made gentle. The timing is
 * the plan's own (so positions and screens agree); only which words are said changes, for every renderer.
 */
import type { RoutinePlan } from './plan.js';
import type { SkillState } from './state.js';
import type { CueId, TimedCue } from './timeline.js';

/** What each firm cue becomes at light pressure; other cues stay as they are. */
const GENTLE: Partial<Record<CueId, CueId>> = {
  press: 'pressGently', pressFirm: 'pressGently', pressLight: 'pressGently', firmer: 'stayLight', holdFirm: 'stayLight', lighter: 'steady',
};

/** Cues that ask for more pressure: none of them is said in a step at light pressure. */
export const FIRM_CUES: ReadonlySet<CueId> = new Set(Object.keys(GENTLE) as CueId[]);

const gentle = (cue: TimedCue): TimedCue => {
  const to = GENTLE[cue.cue];
  return to ? { ...cue, cue: to } : cue;
};

const memo = new WeakMap<RoutinePlan, Map<string, RoutinePlan>>();

/**
 * The plan with the given steps at light pressure (memoised per plan and set of steps).
 * @example withLightSteps(plan, [1]).steps[1].cues.some((c) => c.cue === 'firmer') // false
 */
export function withLightSteps(plan: RoutinePlan, light: readonly number[] | undefined): RoutinePlan {
  if (!light?.length) return plan;
  const key = [...light].sort((a, b) => a - b).join(',');
  let byKey = memo.get(plan);
  if (!byKey) memo.set(plan, (byKey = new Map()));
  let lit = byKey.get(key);
  if (!lit) {
    lit = { ...plan, steps: plan.steps.map((s) => (light.includes(s.index) ? { ...s, cues: s.cues.map(gentle) } : s)) };
    byKey.set(key, lit);
  }
  return lit;
}

/**
 * True when a step is at light pressure: the user chose it after pain, or said (this session) that they have
 * diabetes, neuropathy or take blood thinners, which makes every step light.
 */
export const isLightStep = (state: Pick<SkillState, 'lightAll' | 'progress'>, stepIndex: number): boolean =>
  state.lightAll === true || (state.progress?.light?.includes(stepIndex) ?? false);

/** The steps of a plan to say at light pressure, for {@link withLightSteps}: all of them when the session is light. */
export const lightStepsOf = (state: SkillState, plan: RoutinePlan): readonly number[] | undefined =>
  (state.lightAll === true ? plan.steps.map((s) => s.index) : state.progress?.light);
