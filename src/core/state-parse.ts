import { getRoutine } from './content/routines.js';
import { HOLD_LENGTHS, ROUTINE_IDS, type HoldLength, type RoutineId } from './content/types.js';
import { INITIAL_STATE, STATE_VERSION, type Progress, type Question, type SkillState } from './routine-state.js';
import { DEFAULT_PREFERENCES, type Preferences } from './timeline.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const QUESTIONS: readonly Question[] = ['pregnancy', 'resume', 'deleteData', 'startOffer'];

/**
 * Validates stored state of unknown shape (session or persistent attributes).
 * Anything invalid or of another version falls back, field by field, to a safe default.
 */
export function parseState(raw: unknown): SkillState {
  if (!isObject(raw) || raw.v !== STATE_VERSION) return INITIAL_STATE;
  const prefsRaw = isObject(raw.prefs) ? raw.prefs : {};
  const prefs: Preferences = {
    holdLength: HOLD_LENGTHS.includes(prefsRaw.holdLength as HoldLength) ? (prefsRaw.holdLength as HoldLength) : DEFAULT_PREFERENCES.holdLength,
    chimes: typeof prefsRaw.chimes === 'boolean' ? prefsRaw.chimes : DEFAULT_PREFERENCES.chimes,
    countdown: typeof prefsRaw.countdown === 'boolean' ? prefsRaw.countdown : DEFAULT_PREFERENCES.countdown,
  };
  let progress: Progress | undefined;
  const p = raw.progress;
  if (isObject(p) && ROUTINE_IDS.includes(p.routineId as RoutineId)) {
    const routineId = p.routineId as RoutineId;
    const steps = getRoutine(routineId).steps.length;
    if (isInt(p.stepIndex, 0, steps - 1) && isInt(p.segmentIndex, 0, 50)) {
      progress = { routineId, stepIndex: p.stepIndex, segmentIndex: p.segmentIndex, paused: p.paused === true };
    }
  }
  let pending: SkillState['pending'];
  if (isObject(raw.pending) && QUESTIONS.includes(raw.pending.question as Question)) {
    const routineId = ROUTINE_IDS.includes(raw.pending.routineId as RoutineId) ? (raw.pending.routineId as RoutineId) : undefined;
    pending = { question: raw.pending.question as Question, ...(routineId ? { routineId } : {}) };
  }
  return {
    v: STATE_VERSION,
    prefs,
    ...(progress ? { progress } : {}),
    ...(pending ? { pending } : {}),
    ...(typeof raw.pregnant === 'boolean' ? { pregnant: raw.pregnant } : {}),
    ...(raw.disclaimed === true ? { disclaimed: true } : {}),
  };
}
