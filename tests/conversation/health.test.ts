/**
 * Issue 21, requirement 2: health disclosures at any moment get a short answer and leave the user where they
 * were (a hold is not lost: "resume" presses again at the same place); diabetes makes every step light for the
 * session; everyday pain words are pain; "I'm 20 weeks pregnant, is this ok?" mid-hold leaves the points out.
 */
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import routines from '../../locales/en/routines.json';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import { saysAny, wordings } from '../support/wordings.js';
import { fill, upper } from '../support/words.js';

const title = (step: string) => upper((routines.ankle.steps as Record<string, { title: string }>)[step]!.title);
const FIRMER = [cues.firmer, cues.holdFirm, cues.pressFirm, cues.press].flatMap(wordings);

describe('conversation: health disclosures mid-hold', () => {
  it('three disclosures, each answered, and each time "resume" presses again at the same point', async () => {
    const c = await inRoutine();
    const told: [string, string][] = [
      ['I have a cut on my foot', common.condition.brokenSkin],
      ['my ankle is swollen', common.condition.swelling],
      ['I have varicose veins', common.condition.varicose],
    ];
    let afterMs = 90_000; // into K.I. 6's hold, after the note and the step's introduction
    for (const [said, answer] of told) {
      const r = await c.say(said, { afterMs });
      afterMs = 30_000;
      expect(r.text, said).toBe(`${answer} ${common.condition.resume}`);
      expect(r.pausesMs, said).toBe(0);
      expect(r.reprompt).toBe(common.condition.resume);
      const resumed = await c.say('resume');
      expect(resumed.text, said).toMatch(new RegExp(`^${common.notes.resume} ${title('ki6')}`));
      // Pressed again where the hold was: the short reminder and "press again", not the step's whole introduction.
      expect(resumed.text, said).toContain(cues.repress);
      expect(resumed.text, said).not.toContain(routines.ankle.steps.ki6.setup);
    }
  });

  it('a fresh sprain during the ankle routine: the answer says to leave that routine, so the way on is to stop, not "resume"', async () => {
    const c = await inRoutine();
    const r = await c.say('I sprained my ankle', { afterMs: 90_000 });
    expect(r.text).toBe(`${common.condition.sprain} ${common.condition.stopHere}`);
    expect(r.text).not.toContain(common.condition.resume);
    expect(r.reprompt).toBe(common.condition.stopHere);
    // In the heel routine the ankle is not pressed: the place is kept as for any other disclosure.
    const heel = await inRoutine('heel');
    expect((await heel.say('I sprained my ankle', { afterMs: 90_000 })).text).toBe(`${common.condition.sprain} ${common.condition.resume}`);
  });

  it('diabetes sets light pressure for the session, says so once, and no firmer cue follows', async () => {
    const c = await inRoutine();
    await c.say('skip this one', { afterMs: 10_000 });
    const r = await c.say('I have diabetes', { afterMs: 30_000 });
    expect(r.text).toBe(`${common.condition.diabetes} ${common.condition.lightNow} ${common.condition.resume}`);
    let heard = (await c.say('resume')).text;
    for (let i = 0; i < 4 && !heard.includes(fill(common.routineDone, { name: routines.ankle.name })); i += 1) heard += (await c.say('next')).text;
    for (const firm of FIRMER) expect(heard, firm).not.toContain(firm);
    // Every step introduced after it says to keep the pressure light, over a setup that speaks of firm pressure.
    expect(heard).toContain(`${routines.ankle.steps.bl60.setup.split('{{')[0]}`);
    expect(heard.split(common.condition.keepLight).length - 1).toBeGreaterThanOrEqual(2);
    expect(saysAny(heard, cues.stayLight) || saysAny(heard, cues.pressGently)).toBe(true);
    // Said once: a second disclosure does not repeat it as news.
    expect((await c.say('I take blood thinners')).text).toBe(`${common.condition.bloodThinners} ${common.condition.more}`);
  });

  it('after pain, a disclosure is answered and the pain choices stay open', async () => {
    const c = await inRoutine();
    await c.say('it hurts', { afterMs: 60_000 });
    const r = await c.say('I have varicose veins');
    expect(r.text).toBe(`${common.condition.varicose} ${common.painReprompt}`);
    expect((await c.say('next')).text).toMatch(new RegExp(`^${common.notes.skip} ${title('gb40')}`));
  });

  it('"is it safe during pregnancy?" before a routine names the choice, and says when the points are already left out', async () => {
    const c = new CheckedConversation();
    expect((await c.say('is it safe during pregnancy')).text).toBe(`${common.condition.pregnancySafety} ${common.condition.more}`);
    await c.say("i'm pregnant");
    await c.say('no');
    expect((await c.say('is this safe in pregnancy')).text).toBe(`${common.condition.pregnancySafetyLeftOut} ${common.condition.more}`);
  });

  it('told while the pregnancy question waits: the answer, then the question again, and a yes still starts the routine', async () => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    const r = await c.say('I have diabetes');
    expect(r.text).toBe(`${common.condition.diabetes} ${common.condition.lightNow} ${common.askPregnancyReprompt}`);
    expect(r.reprompt).toBe(common.askPregnancyReprompt);
    const yes = await c.say('no');
    expect(yes.text).toContain(routines.ankle.steps.ki6.setup);
    expect(yes.text).toContain(common.condition.keepLight);
  });

  it('a swollen calf says to see a doctor and skip the calf points', async () => {
    const r = await new CheckedConversation().say('my calf is swollen');
    expect(r.text).toContain(common.condition.swollenCalf);
    expect(r.ended).toBe(false);
  });
});

describe('conversation: everyday pain words and pregnancy said while pressing', () => {
  it.each(["Ow, that's sore", "that's really sore", "it's painful", 'that hurts a lot', 'too hard', 'it still hurts'])('"%s" mid-hold is pain', async (said) => {
    const c = await inRoutine();
    const r = await c.say(said, { afterMs: 60_000 });
    expect(r.text).toBe(common.pain);
    expect(r.reprompt).toBe(common.painReprompt);
  });

  it('"Oh wait, I\'m 20 weeks pregnant, is this ok?" mid-hold leaves the points out from here on', async () => {
    const c = await inRoutine();
    const r = await c.say("Oh wait, I'm 20 weeks pregnant, is this ok?", { afterMs: 30_000 });
    expect(r.text).toMatch(new RegExp(`^${common.choice.leaveOut}`));
    expect(r.text).toContain(common.midwife);
  });

  it('"I\'m pregnant" on the last point, which it leaves out, still says the choice (not only "that\'s the end")', async () => {
    const c = await inRoutine();
    for (const afterMs of [90_000, 30_000, 30_000]) await c.say('skip this one', { afterMs });
    const r = await c.say("Oh wait, I'm 20 weeks pregnant, is this ok?", { afterMs: 10_000 });
    expect(r.text).toMatch(new RegExp(`^${common.choice.leaveOut} ${common.midwife}`));
  });

  it.each(['yes I am', 'I am'])('"%s" to the pregnancy question is a yes', async (said) => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    expect((await c.say(said)).text).toBe(common.askRemember);
  });
});
