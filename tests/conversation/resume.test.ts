/**
 * Exact resume by its real mechanism: every request carries Alexa's `request.timestamp`, and the skill
 * places the user on the plan from the time since its last response was sent.
 */
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import { anyOf, countAny, saysAny } from '../support/wordings.js';
import routines from '../../locales/en/routines.json';
import { RECOGNITION_ALLOWANCE_MS } from '../../src/core/limits.js';
import { parseState } from '../../src/core/state-parse.js';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { CheckedConversation } from '../support/talk.js';
import { upper } from '../support/words.js';

const stateOf = (c: CheckedConversation) => parseState((c.replies.at(-1)!.sessionAttributes as { state?: unknown } | undefined)?.state);

/** Into the ankle routine's BL60 step: a response that starts the five-minute hold and carries most of its budget. */
async function atBl60(store?: MemoryPersistenceAdapter) {
  const c = new CheckedConversation(store ? { store } : {});
  await c.say('start the ankle routine');
  await c.say('no');
  await c.say('skip this one', { afterMs: 10_000 });
  const r = await c.say('skip this one', { afterMs: 10_000 });
  expect(r.text).toMatch(new RegExp(`^${common.notes.skip} ${upper(routines.ankle.steps.bl60.title)}`));
  // The hold starts at the chime after BL60's introduction; from there the plan runs with real time.
  const played = stateOf(c).progress!.played!;
  const start = played.marks.find(([, step, plan, running]) => step === 2 && plan === 0 && running === 1)!;
  return { c, reply: r, holdStartsAtMs: start[0] };
}

describe('conversation: exact resume', () => {
  it('"Alexa, pause" 100 s into the BL60 hold, then "resume", continues the hold near 100 s', async () => {
    const { c, holdStartsAtMs } = await atBl60();
    const paused = await c.say('pause', { afterMs: holdStartsAtMs + 100_000 });
    expect(paused.text).toBe(common.paused);
    const at = stateOf(c).progress!.at;
    expect(at.stepIndex).toBe(2);
    expect(Math.abs(at.atMs - (100_000 - RECOGNITION_ALLOWANCE_MS))).toBeLessThanOrEqual(1_000);
    c.wait(5 * 60_000);
    const resumed = await c.say('resume');
    // A one-line reminder of where the point is, time to find it, a press, then the hold's own cues from ~100 s on.
    expect(resumed.text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.bl60.title)}\\. ${routines.ankle.steps.bl60.reminder} \\[pause 3s\\] \\[chime\\] ${cues.repress}`));
    // BL60 lets go every 30 s: the next one after ~98 s of plan time is at 120 s, about 22 s after the press.
    const toLetGo = new RegExp(`${cues.repress.replace('.', '\\.')} \\[pause ([\\d.]+)s\\] (${anyOf(cues.letGo)})`).exec(resumed.text);
    expect(Number(toLetGo?.[1])).toBeGreaterThan(18);
    expect(Number(toLetGo?.[1])).toBeLessThan(24);
    expect(countAny(resumed.text, cues.letGo)).toBeLessThanOrEqual(6);
  });

  it('resumes after a where-is detour at the first unfinished cue, not the start of the step', async () => {
    const { c, holdStartsAtMs } = await atBl60();
    await c.say('where is the calm sleep point', { afterMs: holdStartsAtMs + 45_000 });
    const back = await c.say('resume');
    expect(back.text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.bl60.title)}\\. ${routines.ankle.steps.bl60.reminder}`));
    expect(back.text).not.toContain(routines.ankle.steps.bl60.setup);
  });

  it('resumes after a setting changed mid-hold, with the new setting', async () => {
    const { c, holdStartsAtMs } = await atBl60();
    await c.say('turn off the chimes', { afterMs: holdStartsAtMs + 45_000 });
    const back = await c.say('resume');
    expect(back.ssml).not.toContain('<audio');
    expect(back.text).toContain(routines.ankle.steps.bl60.reminder);
  });

  it('resumes after the session timed out, and the next day, from the store, at the place it stopped', async () => {
    const store = new MemoryPersistenceAdapter();
    const { c, holdStartsAtMs } = await atBl60(store);
    await c.say('stop', { afterMs: holdStartsAtMs + 100_000 });
    c.wait(24 * 3_600_000);
    const offer = await c.say('open foot acupressure');
    expect(offer.text).toContain(routines.ankle.steps.bl60.title);
    const yes = await c.say('yes');
    expect(yes.text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.bl60.title)}\\. ${routines.ankle.steps.bl60.reminder}`));
  });

  it('after a finished foot, resumes with the other foot, not the first one again', async () => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    await c.say('no');
    const gb40 = await c.say('skip this one', { afterMs: 10_000 });
    expect(gb40.text).toContain(routines.ankle.steps.gb40.setup.slice(0, 30));
    const played = stateOf(c).progress!.played!;
    const holdStart = played.marks.find(([, step, plan, running]) => step === 1 && plan === 0 && running === 1)![0];
    // GB40 holds 90 s on the first foot, then 12 s to move: pause 5 s after the switch.
    const afterSwitch = holdStart + 90_000 + 5_000;
    expect(afterSwitch).toBeLessThan(gb40.lengthMs);
    await c.say('pause', { afterMs: afterSwitch + RECOGNITION_ALLOWANCE_MS });
    const back = await c.say('resume');
    expect(back.text).toContain(routines.ankle.steps.gb40.reminder);
    expect(saysAny(back.text, cues.switchFoot)).toBe(false);
    expect(countAny(back.text, cues.pressLight)).toBe(1);
    expect(countAny(back.text, cues.release)).toBe(1);
  });

  it('"next" after a heard boundary carries on with the same hold, without words before it', async () => {
    const { c } = await atBl60();
    const next = await c.say('next');
    expect(next.text).toMatch(new RegExp(`^(\\[pause [\\d.]+s\\] )?(\\[chime\\] )?(${anyOf(cues.pressAgain)})`));
  });

  it('"next" spoken over a hold moves on to the next point', async () => {
    const { c, holdStartsAtMs } = await atBl60();
    const skipped = await c.say('next', { afterMs: holdStartsAtMs + 40_000 });
    expect(skipped.text).toMatch(new RegExp(`^${common.notes.skip} ${upper(routines.ankle.steps.bl62.title)}`));
  });

  it('keeps the saved place when the words change: the position is in plan time only', async () => {
    const { c, holdStartsAtMs } = await atBl60();
    await c.say('pause', { afterMs: holdStartsAtMs + 100_000 });
    const saved = stateOf(c).progress!;
    // The place, and the id of the last paced response (for a screen's events): no unit that depends on the words.
    expect(Object.keys(saved).sort()).toEqual(['at', 'paused', 'routineId', 'seq']);
    expect(Object.keys(saved.at).sort()).toEqual(['atMs', 'stepIndex']);
  });
});
