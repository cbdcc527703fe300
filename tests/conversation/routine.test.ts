import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import { countAny } from '../support/wordings.js';
import routines from '../../locales/en/routines.json';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import { fill, upper } from '../support/words.js';

const askFor = (name: string) => fill(common.askPregnancy, { name });

const inAnkle = () => inRoutine('ankle');

describe('conversation: launch and starting routines', () => {
  it('welcomes with a one-time disclaimer, the cautions, and an offer', async () => {
    const c = new CheckedConversation();
    const r = await c.say('open foot acupressure');
    expect(r.text).toBe(`${common.welcome} ${common.disclaimer} ${common.offer}`);
    expect(r.ended).toBe(false);
  });

  it('asks the pregnancy question as a choice about content, naming the routine, then paces the first hold after time to find the point', async () => {
    const c = new CheckedConversation();
    await c.say('open foot acupressure');
    const q = await c.say('start the ankle routine');
    expect(q.text).toBe(askFor(routines.ankle.name));
    expect(q.reprompt).toBe(common.askPregnancyReprompt);
    const r = await c.say('no');
    // The disclaimer was heard at launch: not again.
    expect(r.text).toMatch(new RegExp(`^${fill(routines.ankle.intro, { minutes: '\\d+' }).replace(/[.]/g, '\\.')}`));
    expect(r.text).toContain(routines.ankle.steps.ki6.setup);
    expect(r.text).toMatch(new RegExp(`${common.getReady} \\[pause 5s\\] \\[chime\\] ${cues.pressBoth[0]}`));
    expect(r.text).toContain(`${cues.release[0]} ${cues.stepDone[0]}`);
  });

  it('carries on across steps and foot switches in one response, and walks the whole ankle routine with four "next"s at most', async () => {
    const c = await inAnkle();
    const first = c.replies.at(-1)!;
    expect(first.text).toContain(upper(routines.ankle.steps.gb40.title));
    expect(first.lengthMs).toBeGreaterThan(180_000);
    const heard = [first.text];
    const done = fill(common.routineDone, { name: routines.ankle.name });
    while (!heard.at(-1)!.includes(done) && heard.length < 8) heard.push((await c.say('next')).text);
    expect(heard.length - 1).toBeLessThanOrEqual(4);
    expect(countAny(heard.join(' '), cues.switchFoot)).toBe(2);
    expect(countAny(heard.join(' '), cues.letGo)).toBe(9);
  });

  it('understands its own routine names bare, with "the", and as it lists them', async () => {
    for (const [said, key] of [['ankle routine', 'ankle'], ['the heel routine', 'heel'], ['foot soak', 'preparation'], ['ball release', 'ballRelease'], ['the calming foot massage', 'anxiety'], ['arch massage for the low back', 'lowBack']] as const) {
      const c = new CheckedConversation({ envelope: {} });
      const r = await c.say(said);
      const name = routines[key].name;
      if (key === 'ankle' || key === 'heel') expect(r.text, said).toBe(askFor(name));
      else {
        expect(r.text.toLowerCase(), said).toContain(name.split(' ')[0]!.toLowerCase());
        // The routine itself, not the list of routines (which names them all): its introduction is heard.
        expect(r.text, said).toContain(routines[key].intro.split('{{')[0]!);
      }
    }
  });

  it('offers the massages for "a foot massage", and starts the one named', async () => {
    const c = new CheckedConversation();
    await c.say('open foot acupressure');
    const offer = await c.say('a foot massage');
    expect(offer.text).toBe(fill(common.massages, { list: 'calming foot massage, arch massage for the low back, and ball release' }));
    expect((await c.say('yes')).text).toBe(common.massagesReprompt);
    const r = await c.say('the ball release');
    expect(r.text).toMatch(new RegExp(`^${fill(routines.ballRelease.intro, { minutes: '\\d+' }).replace(/[.]/g, '\\.')}`));
  });

  it('lists routines grammatically, and answers an unknown or missing routine helpfully', async () => {
    const c = new CheckedConversation();
    const list = await c.say('what routines are there');
    expect(list.text).toBe(fill(common.routineList, { list: 'foot soak, ankle routine, heel routine, calming foot massage, arch massage for the low back, and ball release' }));
    expect((await c.say('start the tango routine')).text).toContain(common.unknownRoutine.split('{{list}}')[0] as string);
    expect((await c.intent('StartRoutineIntent')).text).toContain(common.routineList.split('{{list}}')[0] as string);
  });

  it('uses the locale list format: en-GB has no serial comma', async () => {
    const c = new CheckedConversation({ envelope: { locale: 'en-GB' } });
    expect((await c.say('what routines are there')).text).toContain('arch massage for the low back and ball release');
  });

  it('says a short intro to a returning user, and computes the length from the plan and the preferences', async () => {
    const c = await inAnkle();
    const minutes = (text: string) => Number(/about (\d+) minutes/.exec(text)?.[1]);
    const standard = minutes(c.replies.at(-1)!.text);
    await c.say('make the holds longer');
    const again = await c.say('start the ankle routine');
    expect(again.text).toMatch(new RegExp(`^${fill(routines.ankle.introShort, { minutes: '\\d+' })}`));
    expect(minutes(again.text)).toBeGreaterThan(standard);
    // Leaving out BL60 and BL62 makes the routine shorter, and the spoken length says so.
    const c2 = new CheckedConversation();
    await c2.say('start the ankle routine');
    await c2.say('yes');
    expect(minutes((await c2.say('no')).text)).toBeLessThan(standard);
  });

  it('ends an untimed step on purpose with how to come back, and resumes at the next step', async () => {
    const c = new CheckedConversation({ store: new MemoryPersistenceAdapter() });
    const soak = await c.say('start the foot soak');
    expect(soak.ended).toBe(true);
    expect(soak.text).toContain(routines.preparation.steps.soak.setup);
    expect(soak.text).toContain(common.untimed);
    const back = await c.say('ask foot acupressure to continue');
    expect(back.text).toContain(upper(routines.preparation.steps.dry.title));
  });
});

describe('conversation: navigation at any moment', () => {
  it('goes back, starts over and skips, keeping the plan', async () => {
    const c = await inAnkle();
    await c.say('next');
    expect((await c.say('go back')).text).toMatch(new RegExp(`^${common.notes.back}`));
    expect((await c.say('start over')).text).toMatch(new RegExp(`^${common.notes.startOver} ${upper(routines.ankle.steps.ki6.title)}`));
    const skipped = await c.say('skip this one', { afterMs: 20_000 });
    expect(skipped.text).toMatch(new RegExp(`^${common.notes.skip} ${upper(routines.ankle.steps.gb40.title)}`));
  });

  it('redoes the hold on "do it again", and goes back to the first foot on "the other foot again"', async () => {
    const c = await inAnkle();
    await c.say('next');
    const redo = await c.say('do it again', { afterMs: 30_000 });
    expect(redo.text).toMatch(new RegExp(`^${common.notes.redo}`));
    const other = await c.say('go back to the other foot', { afterMs: 30_000 });
    expect(other.text).toMatch(new RegExp(`^${common.notes.otherFoot}`));
  });

  it('waits for "next" between points for those who ask, and stops waiting when told', async () => {
    const c = new CheckedConversation();
    await c.say('wait for me between points');
    await c.say('start the ankle routine');
    const first = await c.say('no');
    expect(first.text).toMatch(new RegExp(`${fill(cues.continue.step, { title: routines.ankle.steps.gb40.title })}$`));
    expect(first.text).not.toContain(upper(routines.ankle.steps.gb40.title));
  });

  it('keeps the routine through a fallback, and says what works', async () => {
    const c = await inAnkle();
    expect((await c.intent('AMAZON.FallbackIntent', {}, { afterMs: 30_000 })).text).toBe(common.fallback.routine);
    expect((await c.say('resume')).text).toMatch(new RegExp(`^${common.notes.resume}`));
  });
});

describe('conversation: how much longer, during an untimed step', () => {
  it('counts the step in hand: drying off, with the oil still to come, is two steps, not the last', async () => {
    const c = new CheckedConversation({ store: new MemoryPersistenceAdapter() });
    await c.say('start the foot soak'); // the soak is said, then the session ends until the user comes back
    const r = await c.say('how much longer');
    expect(r.text).toContain(upper(routines.preparation.steps.dry.title));
    expect(r.text).toContain(fill(common.aside.steps_other, { count: 2 }));
  });
});
