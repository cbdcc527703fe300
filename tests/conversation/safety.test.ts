import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import { saysAny } from '../support/wordings.js';
import points from '../../locales/en/points.json';
import routines from '../../locales/en/routines.json';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import { fill, upper } from '../support/words.js';



describe('conversation: pain, at any moment', () => {
  it.each(['it hurts', 'ouch', "that's too much", 'this is painful'])('"%s" mid-hold stops the pacing, says to let go, and offers lighter, skip or stop', async (said) => {
    const c = await inRoutine();
    const r = await c.say(said, { afterMs: 60_000 });
    expect(r.text).toBe(common.pain);
    expect(r.pausesMs).toBe(0);
    expect(r.reprompt).toBe(common.painReprompt);
  });

  it('takes each offer by voice: lighter pressure resumes the same hold gently; skip moves on; stop ends with the place kept', async () => {
    const c = await inRoutine();
    await c.say('it hurts', { afterMs: 60_000 });
    const lighter = await c.say('lighter');
    expect(lighter.text).toMatch(new RegExp(`^${common.notes.lighter} ${upper(routines.ankle.steps.ki6.title)}`));
    await c.say('that hurts', { afterMs: 10_000 });
    expect((await c.say('skip this one')).text).toMatch(new RegExp(`^${common.notes.skip} ${upper(routines.ankle.steps.gb40.title)}`));
    await c.say('ouch', { afterMs: 40_000 });
    const stop = await c.say('stop');
    expect(stop.text).toBe(common.goodbyeWithProgress);
    expect(stop.ended).toBe(true);
  });

  it('"yes" to the pain offer asks which, instead of guessing', async () => {
    const c = await inRoutine();
    await c.say('it hurts', { afterMs: 20_000 });
    expect((await c.say('yes')).text).toBe(common.painAgain);
    expect((await c.say('help')).text).toBe(common.painAgain);
  });

  it('a pain phrase before any routine gets one screening line, then the routine that suits it as a yes/no offer', async () => {
    const c = new CheckedConversation();
    const r = await c.say('my heels hurt');
    expect(r.text).toBe(`${common.screening} ${fill(common.screeningOffer, { name: routines.heel.name })}`);
    const yes = await c.say('yes');
    expect(yes.text).toBe(fill(common.askPregnancy, { name: routines.heel.name }));
    const idle = await new CheckedConversation().say('it hurts');
    expect(idle.text).toBe(`${common.screening} ${common.screeningMassages}`);
  });
});

describe('conversation: tingling and numbness', () => {
  it.each(['it tingles', 'i have pins and needles', 'my foot is numb'])('"%s" mid-hold stops the pacing, names the doctor, and offers what pain offers', async (said) => {
    const c = await inRoutine();
    const r = await c.say(said, { afterMs: 60_000 });
    expect(r.text).toBe(common.tingling);
    expect(r.pausesMs).toBe(0);
    expect(r.reprompt).toBe(common.painReprompt);
    // The place is kept: lighter pressure picks up the same hold.
    expect((await c.say('lighter')).text).toMatch(new RegExp(`^${common.notes.lighter} ${upper(routines.ankle.steps.ki6.title)}`));
  });

  it('before any routine it is advice, not a routine offer, and the microphone stays open', async () => {
    const r = await new CheckedConversation().say('my feet feel numb');
    expect(r.text).toBe(common.tinglingIdle);
    expect(r.ended).toBe(false);
  });
});

describe('conversation: pregnancy', () => {
  it.each([
    ['yes', true], ['yes i am', true], ['no', false], ["no i'm not", false],
  ])('"%s" to the question is understood', async (said, leftOut) => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    let r = await c.say(said);
    // Leaving the points out is for this session unless the user agrees to keep it: asked once, before the routine.
    if (leftOut) {
      expect(r.text).toBe(common.askRemember);
      r = await c.say('no');
      // The answer to "remember it?" first, before the one-time note and the routine's introduction.
      expect(r.text.startsWith(common.notRemembered)).toBe(true);
    }
    expect(r.text.includes(fill(common.leftOut_other, { count: 2, list: `${routines.ankle.steps.bl60.title} and ${routines.ankle.steps.bl62.title}` }))).toBe(leftOut);
    // Either way the answer was understood: the routine starts at its first point.
    expect(r.text, said).toContain(routines.ankle.steps.ki6.setup);
  });

  it.each(["i don't know", 'maybe', 'not sure'])('an unsure "%s" takes the safe default, and says so', async (said) => {
    const c = new CheckedConversation();
    await c.say('start the heel routine');
    expect((await c.say(said)).text).toBe(common.askRemember);
    const r = await c.say('no');
    expect(r.text.startsWith(common.unsureLeaveOut)).toBe(true);
    expect(r.text).toContain(common.midwife);
    expect(r.text).not.toContain(routines.heel.steps.ki4ki5.setup);
  });

  it('restates the question for help, silence and an unrelated answer', async () => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    expect((await c.say('help')).text).toBe(common.askPregnancyReprompt);
    expect((await c.say('next')).text).toBe(common.askPregnancyReprompt);
    expect((await c.intent('AMAZON.FallbackIntent')).text).toBe(common.askPregnancyReprompt);
  });

  it('"I\'m pregnant" mid-routine leaves out the points to avoid from here on, keeping every other setting', async () => {
    const c = new CheckedConversation();
    await c.say('make the holds shorter');
    await c.say('start the ankle routine');
    await c.say('no');
    const r = await c.say("actually i'm pregnant", { afterMs: 30_000 });
    expect(r.text).toMatch(new RegExp(`^${common.choice.leaveOut}`));
    expect(r.text).toContain(fill(common.leftOut_other, { count: 2, list: `${routines.ankle.steps.bl60.title} and ${routines.ankle.steps.bl62.title}` }));
    expect(r.text).toContain(common.midwife);
    // The routine carries on (short holds kept): nothing about BL60 or BL62 follows.
    let heard = r.text;
    for (let i = 0; i < 4 && !heard.includes(fill(common.routineDone, { name: routines.ankle.name })); i += 1) heard += (await c.say('next')).text;
    expect(heard).toContain(fill(common.routineDone, { name: routines.ankle.name }));
    expect(heard).not.toContain(routines.ankle.steps.bl60.setup);
    expect(heard).not.toContain(routines.ankle.steps.bl62.setup);
    expect((await c.say('start the heel routine')).text).not.toContain(fill(common.askPregnancy, { name: routines.heel.name }));
  });

  it('"I\'m pregnant now" is never a settings reset', async () => {
    const c = new CheckedConversation();
    await c.say('make the holds longer');
    expect((await c.say("i'm pregnant now")).text).toMatch(new RegExp(`^${common.choice.leaveOut}`));
    await c.say('start the heel routine');
    // Long holds kept: 120 s a foot on the first point.
    expect(c.replies.at(-1)!.text).toContain(routines.heel.steps.ki7ki8.setup);
    expect(c.replies.at(-1)!.pausesMs).toBeGreaterThan(110_000);
  });

  it('keeps the calf point light under the choice, and "forget that" clears the choice so the question comes back', async () => {
    const c = new CheckedConversation();
    await c.say("i'm pregnant");
    await c.say('start the heel routine');
    let heard = '';
    for (let i = 0; i < 6 && !heard.includes(routines.heel.steps.bl40bl57.setup); i += 1) heard += (await c.say('next')).text;
    expect(heard).toContain(`${routines.heel.steps.bl40bl57.setup} ${common.lightCalf}`);
    expect((await c.say('forget that')).text).toMatch(new RegExp(`^${common.choice.forgotten}`));
    expect((await c.say('start the ankle routine')).text).toBe(fill(common.askPregnancy, { name: routines.ankle.name }));
  });

  it('speaks the varicose-vein and calf caution before the knee and calf points, and the sprain caution before the ankle routine', async () => {
    expect(routines.heel.steps.bl40bl57.setup).toMatch(/varicose veins/);
    expect(routines.ankle.intro).toMatch(/sprained/);
    expect(points.BL57.caution).toMatch(/swollen, warm or tender/);
    const c = await inRoutine();
    expect(c.replies.at(-1)!.text).toContain('If you\'ve just sprained an ankle, skip this routine for now.');
  });
});

describe('conversation: nothing invites pressing a swollen ankle', () => {
  it('says nothing good about swelling anywhere in the words', () => {
    for (const p of Object.values(points)) expect(p.helps).not.toMatch(/swell|swoll|puff/i);
  });
});

describe('conversation: cues', () => {
  it('names the leg for leg points and gives longer to move', async () => {
    const c = await inRoutine('heel');
    expect(saysAny(c.replies.at(-1)!.text, cues.switchLeg)).toBe(true);
  });
});
