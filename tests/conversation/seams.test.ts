/**
 * Where features meet (issue "safe at every seam"): pain then skip, lighter that really is lighter, a screen
 * that never restarts what the voice stopped, whole-second timestamps, touch answers that replace the speech,
 * the foot soak's place, coming back after a session closes mid-routine, and "what?" mid-hold.
 */
import type { Directive } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import routines from '../../locales/en/routines.json';
import { parseState } from '../../src/core/state-parse.js';
import { createSkill } from '../../src/skill.js';
import { intentRequest } from '../../tools/envelopes.js';
import { sendEventArgs, type Reply } from '../../tools/conversation.js';
import { estimateSsmlMs } from '../../tools/ssml.js';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import { anyOf, saysAny, wordings } from '../support/wordings.js';
import { upper } from '../support/words.js';

const title = (routine: 'ankle' | 'heel', step: string) => upper((routines[routine].steps as Record<string, { title: string }>)[step]!.title);
const FIRMER = [cues.firmer, cues.holdFirm, cues.pressFirm, cues.press].flatMap(wordings);

/** The ankle routine on a speaker, moved on to G.B. 40 (light and firm pressure every minute), 70 s into its first hold. */
async function atGb40() {
  const c = await inRoutine();
  await c.say('skip this one', { afterMs: 10_000 });
  return c;
}

describe('seams: pain, then what the user chooses', () => {
  it('"skip" (the built-in next) after pain moves to the next point, never the painful one', async () => {
    const c = await inRoutine();
    await c.say('it hurts', { afterMs: 60_000 });
    const skip = await c.intent('AMAZON.NextIntent');
    expect(skip.text).toMatch(new RegExp(`^${common.notes.skip} ${title('ankle', 'gb40')}`));
    expect(skip.text).not.toContain(cues.repress);
  });

  it('"resume" after pain presses the same point again at light pressure, and says so', async () => {
    const c = await inRoutine();
    await c.say('it hurts', { afterMs: 60_000 });
    const resumed = await c.say('resume');
    expect(resumed.text).toMatch(new RegExp(`^${common.notes.gentle} ${title('ankle', 'ki6')}`));
  });

  it('"lighter" on G.B. 40 re-plans the rest of the step: no firmer cue at all, and the speech says so', async () => {
    const c = await atGb40();
    await c.say('that hurts', { afterMs: 75_000 });
    const lighter = await c.say('lighter');
    expect(lighter.text.startsWith(common.notes.lighter)).toBe(true);
    const rest = lighter.text.split(title('ankle', 'bl60'))[0] as string;
    for (const firm of FIRMER) expect(rest).not.toContain(firm);
    expect(saysAny(rest, cues.stayLight)).toBe(true);
  });

  it('"it still hurts" after lighter offers skip or stop, never the same menu again', async () => {
    const c = await atGb40();
    await c.say('that hurts', { afterMs: 75_000 });
    await c.say('lighter');
    const again = await c.say('ouch', { afterMs: 20_000 });
    expect(again.text).toBe(common.painStillHurts);
    expect(again.reprompt).toBe(common.painStillHurtsReprompt);
  });

  it('after pain, a question or a move that is not a choice presses nothing', async () => {
    const c = await inRoutine();
    await c.say('it hurts', { afterMs: 60_000 });
    for (const said of ['go back', 'how much longer', 'start over', 'do it again']) {
      const r = await c.say(said);
      expect(r.text, said).toBe(common.painAgain);
    }
  });
});

describe('seams: a screen never restarts what the voice stopped', () => {
  async function onScreen(): Promise<{ c: CheckedConversation; first: Reply; args: readonly unknown[] }> {
    const c = new CheckedConversation({ envelope: { screen: true } });
    await c.say('start the ankle routine');
    const first = await c.say('no');
    const args = sendEventArgs(first.directives);
    expect(args).toEqual(['segmentDone', 'footAcupressure', expect.any(Number)]);
    return { c, first, args: args as readonly unknown[] };
  }

  it.each([
    ['it hurts', 'pain'], ['pause', 'a spoken pause'], ['where is it', 'a where-is answer'], ['delete my data', 'a question'],
  ])('after "%s" (%s), the document\'s own segmentDone gets an empty response and changes nothing', async (said) => {
    const { c, first, args } = await onScreen();
    const detour = await c.say(said, { afterMs: 30_000 });
    // After pain, a pause or a question the event still names the last paced response, so only the mode can refuse
    // it; "where is it" answers and paces on, with a timer of its own, so the old event is an earlier response's.
    const seq = parseState(detour.sessionAttributes?.state).progress?.seq;
    if (said === 'where is it') expect(sendEventArgs(detour.directives)?.[2]).toBe(seq);
    expect(seq).toBe(said === 'where is it' ? (args[2] as number) + 1 : args[2]);
    const stale = await c.userEvent(args, { afterMs: first.lengthMs });
    expect(stale.response).toEqual({});
    // The session goes on exactly where the detour left it.
    expect(stale.sessionAttributes).toEqual(detour.sessionAttributes);
  });

  it('after a touch on Pause, the stale segmentDone paces nothing, and Pause replaces the queued speech', async () => {
    const { c, first, args } = await onScreen();
    const paused = await c.userEvent(['pause'], { afterMs: 30_000 });
    expect(paused.text).toBe(common.paused);
    expect(paused.response.outputSpeech).toMatchObject({ playBehavior: 'REPLACE_ALL' });
    expect((await c.userEvent(args, { afterMs: first.lengthMs })).response).toEqual({});
  });

  it('an event for a response of the routine before (started again since) paces nothing: response ids count on across routines', async () => {
    const { c, args } = await onScreen();
    const again = await c.say('start the ankle routine', { afterMs: 10_000 });
    expect(sendEventArgs(again.directives)?.[2]).not.toBe(args[2]);
    expect((await c.userEvent(args)).response).toEqual({});
  });

  it('an event for an earlier response paces nothing; the current one carries on', async () => {
    const { c, first, args } = await onScreen();
    const second = await (c.screenDone(first) as Promise<Reply>);
    expect(second.text.length).toBeGreaterThan(0);
    expect((await c.userEvent(args)).response).toEqual({});
    expect((await (c.screenDone(second) as Promise<Reply>)).text.length).toBeGreaterThan(0);
  });

  it('a segmentDone stamped with whole seconds, rounded down to before the speech ends, carries on instead of replaying the hold', async () => {
    const { c, first } = await onScreen();
    const endS = Math.floor((Date.parse(first.request.request.timestamp) + first.lengthMs) / 1000) * 1000;
    const next = await (c.screenDone(first, { afterMs: endS - Date.parse(first.request.request.timestamp) - 1000 }) as Promise<Reply>);
    expect(saysAny(next.text, cues.pressBoth)).toBe(false);
    expect(next.text).not.toContain(common.notes.resume);
    // It was taken, not ignored: the routine carries on with the next point, and the screen gets its next timer.
    expect(next.text).toContain(title('ankle', 'gb40'));
    expect(sendEventArgs(next.directives)).toBeDefined();
  });

  it('the timed sequence holds the screen lock, and an APL RuntimeError gets no speech', async () => {
    const { c, first } = await onScreen();
    const exec = first.directives.find((d: Directive) => d.type === 'Alexa.Presentation.APL.ExecuteCommands') as unknown as { commands: { type: string; screenLock?: boolean }[] };
    expect(exec.commands[0]).toMatchObject({ type: 'Sequential', screenLock: true });
    const report = await c.raw('Alexa.Presentation.APL.RuntimeError', { token: 'footAcupressure', errors: [{ type: 'LINK_ERROR', message: 'x' }] });
    expect(report.response.outputSpeech).toBeUndefined();
    expect(report.response.shouldEndSession).toBeUndefined();
  });
});

describe('seams: small ones', () => {
  it('"what?" mid-hold says the last cue again and carries on', async () => {
    const c = await inRoutine();
    const first = c.replies.at(-1) as Reply;
    const cueAt = Math.max(...wordings(cues.pressBoth).map((w) => first.ssml.indexOf(w)));
    expect(cueAt).toBeGreaterThan(0);
    // 10 s after "press both points now" was said.
    const pressMs = estimateSsmlMs(`${first.ssml.slice(0, cueAt)}</speak>`, 'en-US');
    let after = pressMs + 10_000;
    for (const said of ['what', 'pardon', 'say that again']) {
      const r = await c.say(said, { afterMs: after });
      after = 6_000;
      expect(r.text, said).toMatch(new RegExp(`^(${anyOf(cues.pressBoth)}|${anyOf(cues.steady)}|${anyOf(cues.halfway)})`));
    }
  });

  it('a session that closes mid-routine has said how to come back: the reprompt, the goodbye, the foot soak', async () => {
    const c = await inRoutine();
    const first = c.replies.at(-1) as Reply;
    expect(first.reprompt).toContain('ask Foot Acupressure to continue');
    expect((await c.say('stop', { afterMs: 10_000 })).text).toContain('ask Foot Acupressure to continue');
    const soak = new CheckedConversation();
    const said = await soak.say('start the foot soak');
    expect(said.text).toContain('ask Foot Acupressure to continue');
  });

  it('the foot soak: a stop while its words play, then a new day, resumes at the next step', async () => {
    const c = new CheckedConversation({ store: new MemoryPersistenceAdapter() });
    const soak = await c.say('start the foot soak');
    expect(soak.ended).toBe(true);
    // "Alexa, stop" a few seconds in (a new request to the skill: the session had closed on purpose).
    await c.say('ask foot acupressure to stop', { afterMs: 5_000 });
    c.wait(24 * 3600_000);
    const back = await c.launch();
    expect(back.text).toContain(routines.preparation.steps.dry.title);
    const yes = await c.say('yes');
    expect(yes.text).toContain(upper(routines.preparation.steps.dry.title));
    expect(yes.text).not.toContain(upper(routines.preparation.steps.soak.title));
  });

  it('only the skill\'s own session attributes are written back', async () => {
    const c = new CheckedConversation({ envelope: { sessionAttributes: { injected: 'x', state: { v: 2 } } } });
    const r = await c.say('start the ankle routine');
    expect(Object.keys(r.sessionAttributes ?? {}).sort()).toEqual(['state']);
    // The conversation helper starts a session with none of the envelope's attributes: send them in an open session.
    const res = await createSkill().invoke(intentRequest('StartAnkleRoutineIntent', {}, { newSession: false, sessionAttributes: { injected: 'x', state: { v: 2 } } }));
    expect(Object.keys(res.sessionAttributes ?? {}).sort()).toEqual(['state']);
  });
});
