import { describe, expect, it } from 'vitest';
import common from '../../locales/en-US/common.json';
import cues from '../../locales/en-US/cues.json';
import routines from '../../locales/en-US/routines.json';
import { CheckedConversation } from '../support/talk.js';

const ask = common.askPregnancy;

describe('conversation: launch and starting routines', () => {
  it('welcomes with a one-time disclaimer and an offer', async () => {
    const c = new CheckedConversation();
    const r = await c.say('open foot acupressure');
    expect(r.text).toContain(common.welcome);
    expect(r.text).toContain(common.disclaimer);
    expect(r.text).toContain(common.offer);
    expect(r.ended).toBe(false);
  });

  it('starts a routine by name after the pregnancy question, then paces the first hold', async () => {
    const c = new CheckedConversation();
    await c.say('open foot acupressure');
    expect((await c.say('start the ankle routine')).text).toBe(ask);
    const r = await c.say('no');
    expect(r.text).toContain(routines.ankle.intro);
    expect(r.text).toContain(routines.ankle.steps.ki6.setup);
    expect(r.text).toMatch(new RegExp(`${cues.pressBoth} \\[pause [\\d.]+s\\] ${cues.tenSecondsLeft}`));
    expect(r.text).toContain(`${cues.release} ${cues.stepDone}`);
    expect(r.pausesMs).toBeGreaterThan(50_000);
  });

  it('starts by synonym, and as a one-shot first request of a session', async () => {
    const c = new CheckedConversation();
    const r = await c.say('ask foot acupressure to start the golf ball routine');
    expect(r.request.session?.new).toBe(true);
    expect(r.text).toContain(routines.ballRelease.intro);
    const heel = await new CheckedConversation().say('ask foot acupressure to start heel routine');
    expect(heel.text).toBe(ask);
  });

  it('lists the routines, and answers an unknown or missing routine helpfully', async () => {
    const c = new CheckedConversation();
    const list = await c.say('what routines are there');
    for (const r of Object.values(routines)) expect(list.text).toContain(r.name);
    const unknown = await c.say('start the tango routine');
    expect(unknown.text).toContain("I don't have that routine");
    expect(unknown.ended).toBe(false);
    const missing = await c.intent('StartRoutineIntent');
    expect(missing.text).toContain('There are six routines');
  });

  it('leaves out BL60 for a pregnant user and says so, asking only once per session', async () => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    const r = await c.say('yes');
    expect(r.text).toContain('leave out one step: The Kunlun Mountains point, B.L. 60');
    await c.say('next');
    const third = await c.say('next');
    expect(third.text).not.toContain(routines.ankle.steps.bl60.title);
    expect(third.text).toContain(routines.ankle.steps.bl62.title);
    const again = await c.say('start the heel routine');
    expect(again.text).not.toContain(ask);
    expect(again.text).toContain('leave out 3 steps');
  });
});

describe('conversation: navigation at any moment', () => {
  async function inAnkle() {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    await c.say('no');
    return c;
  }

  it('walks the whole ankle routine with next, each hold at its planned pace, to the end', async () => {
    const c = await inAnkle();
    const heard = [c.replies.at(-1)!.text];
    for (let i = 0; i < 6; i += 1) heard.push((await c.say('next')).text);
    expect(heard[1]).toContain(cues.pressLight);
    expect(heard[1]).toContain(cues.firmer);
    expect(heard[1]).toMatch(/Release\. Now the other foot\. Say next when you're ready\.$/);
    expect(heard[3]).toMatch(/Rest, and say next to press again\.$/);
    expect(heard[4]).toMatch(/^Press again\./);
    expect(heard[6]).toContain(common.lastStepNext);
    const done = await c.say('next');
    expect(done.text).toContain("That's the end of the ankle routine");
    expect((await c.say('next')).text).toBe(common.noRoutine);
  });

  it('goes back, repeats, pauses, resumes and starts over', async () => {
    const c = await inAnkle();
    await c.say('next');
    const back = await c.say('go back');
    expect(back.text).toMatch(/^Going back one step\. The Shining Sea point/);
    expect((await c.say('repeat')).text).toMatch(/^Once more\. The Shining Sea point/);
    await c.say('next');
    const paused = await c.say('pause');
    expect(paused.text).toBe(common.paused);
    expect((await c.say('pause')).text).toBe(common.alreadyPaused);
    expect((await c.say('resume')).text).toMatch(/^Picking up where you left off\. The Hill Ruins point/);
    expect((await c.say('start over')).text).toMatch(/^Starting again from the top\. The Shining Sea point/);
    const first = await c.say('go back');
    expect(first.text).toMatch(/^This is the first step/);
  });

  it('answers navigation, resume and yes/no out of order without losing anything', async () => {
    const c = new CheckedConversation();
    for (const said of ['next', 'go back', 'repeat', 'pause', 'resume', 'start over']) {
      const r = await c.say(said);
      expect(r.text, said).toBe(common.noRoutine);
      expect(r.ended).toBe(false);
    }
    expect((await c.say('yes')).text).toBe(common.noQuestion);
  });

  it('keeps the routine when asked about a point mid-routine', async () => {
    const c = await inAnkle();
    const r = await c.say('where is G B forty');
    expect(r.text).toContain('Hill Ruins, G.B. 40');
    expect(r.text).toContain(common.point.backToRoutine);
    expect((await c.say('next')).text).toContain('The Hill Ruins point, G.B. 40');
  });
});

describe('conversation: help, fallback and endings', () => {
  it('gives help that depends on where the user is', async () => {
    const c = new CheckedConversation();
    expect((await c.say('help')).text).toBe(common.help.idle);
    await c.say('start the ankle routine');
    expect((await c.say('help')).text).toBe(common.help.question);
    await c.say('no');
    expect((await c.say('help')).text).toContain("You're in the ankle routine, at The Shining Sea point");
    await c.say('pause');
    expect((await c.say('help')).text).toContain('Your routine is paused at The Shining Sea point');
  });

  it('falls back by context and keeps the routine', async () => {
    const c = new CheckedConversation();
    expect((await c.say('blah blah blah')).text).toBe(common.fallback.idle);
    await c.say('start the ankle routine');
    expect((await c.say('purple monkey dishwasher')).text).toBe(common.fallback.question);
    await c.say('no');
    expect((await c.say('purple monkey dishwasher')).text).toBe(common.fallback.routine);
    expect((await c.say('repeat')).text).toContain('The Shining Sea point');
  });

  it('says goodbye on stop and cancel, keeping the place in the session', async () => {
    const c = new CheckedConversation();
    await c.say('start the heel routine');
    await c.say('no');
    const stop = await c.say('stop');
    expect(stop.text).toBe(common.goodbyeWithProgress);
    expect(stop.ended).toBe(true);
    expect(stop.envelope.sessionAttributes?.state).toMatchObject({ progress: { routineId: 'heel', paused: true } });
    const cancel = await new CheckedConversation().say('cancel');
    expect(cancel.text).toBe(common.goodbye);
  });

  it('handles SessionEndedRequest, including an error, silently', async () => {
    const c = new CheckedConversation();
    await c.say('start the heel routine');
    const ended = await c.sessionEnded('ERROR');
    expect(ended.envelope.response.outputSpeech).toBeUndefined();
  });

  it('apologises on an internal error and keeps the routine', async () => {
    const c = new CheckedConversation();
    await c.say('start the heel routine');
    await c.say('no');
    const broken = await c.raw('IntentRequest', {});
    expect(broken.text).toBe(common.error);
    expect(broken.envelope.sessionAttributes?.state).toMatchObject({ progress: { routineId: 'heel', stepIndex: 0 } });
    expect((await c.say('repeat')).text).toContain(routines.heel.steps.ki7ki8.title);
  });
});
