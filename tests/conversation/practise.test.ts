/**
 * Issue 21, requirement 3, through the real skill: "do the Kunlun point" (the pregnancy question first, the point on
 * its own, closed as a point), "just my left foot" mid-routine (confirmed in one sentence, no second foot), "both
 * feet again", and "make it shorter" (the Kunlun point keeps its five minutes, and the skill says so); in English
 * and in German.
 */
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import routines from '../../locales/en/routines.json';
import deCommon from '../../locales/de/common.json';
import deCues from '../../locales/de/cues.json';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import { countAny, saysAny } from '../support/wordings.js';
import { fill, upper } from '../support/words.js';

const shape = common.shape;

/** Says "next" until the text holds `until` (at most `max` times); all that was said. */
async function heardUntil(c: CheckedConversation, until: string, max = 8): Promise<string> {
  let heard = '';
  for (let i = 0; i < max && !heard.includes(until); i += 1) heard += ` ${(await c.say('next')).text}`;
  return heard;
}

describe('conversation: one point on its own', () => {
  it('"do the Kunlun point": the pregnancy question, then that point alone from a short introduction to a close of its own', async () => {
    const c = new CheckedConversation();
    const asked = await c.say('do the kunlun point');
    expect(asked.text).toBe(fill(shape.askPregnancyPoint, { name: 'Kunlun Mountains' }));
    const first = await c.say('no');
    expect(first.text).toContain(`${shape.practise.intro} ${upper(routines.ankle.steps.bl60.title)}.`);
    expect(first.text).not.toContain(routines.ankle.intro.split('{{')[0]!);
    const heard = first.text + await heardUntil(c, shape.practise.done);
    expect(heard).toContain(shape.practise.done);
    // Only BL60: no other step of the ankle routine, and no routine's close.
    for (const other of ['ki6', 'gb40', 'bl62'] as const) expect(heard).not.toContain(upper(routines.ankle.steps[other].title));
    expect(heard).not.toContain(fill(common.routineDone, { name: routines.ankle.name }));
    expect(countAny(heard, cues.pressBoth)).toBe(1);
  });

  it('pain mid-hold stops as in any routine; skip closes the point; next time, the resume offer names the point and presses again mid-hold', async () => {
    const c = new CheckedConversation();
    await c.say('do the hill ruins point');
    expect((await c.say('it hurts', { afterMs: 40_000 })).text).toBe(common.pain);
    expect((await c.say('skip this one')).text).toBe(shape.practise.done);
    const again = new CheckedConversation({ store: new MemoryPersistenceAdapter() });
    await again.say('do the hill ruins point');
    await again.say('stop', { afterMs: 130_000 }); // after the one-time note and the point's introduction: mid-hold
    const back = await again.launch();
    expect(back.text).toContain(fill(shape.offerResume, { title: routines.ankle.steps.gb40.title }));
    const resumed = await again.say('yes');
    expect(resumed.text).toContain(upper(routines.ankle.steps.gb40.title));
    expect(resumed.text).toContain(cues.repress);
  });

  it('a point the user chose to leave out is kept out, kindly, with another offered', async () => {
    const c = new CheckedConversation();
    await c.say('do the kunlun point');
    await c.say('yes');
    const r = await c.say('no');
    expect(r.text).toBe(`${common.notRemembered} ${fill(shape.practise.leftOut, { name: 'Kunlun Mountains' })} ${fill(shape.practise.instead, { name: 'Shining Sea' })}`);
    expect(r.reprompt).toBe(shape.practise.reprompt);
    // The point offered is a yes away in words: "do the Shining Sea point".
    expect((await c.say('do the shining sea point')).text).toContain(upper(routines.ankle.steps.ki6.title));
  });

  it('"I\'m pregnant" while practising a point that is not avoided: nothing of the routine\'s other points is listed as left out', async () => {
    const c = new CheckedConversation();
    await c.say('do the shining sea point');
    const r = await c.say("i'm pregnant", { afterMs: 20_000 });
    expect(r.text).toContain(common.choice.leaveOut);
    expect(r.text).not.toContain(routines.ankle.steps.bl60.title);
    expect(r.text).not.toContain(routines.ankle.steps.bl62.title);
  });

  it('"help" while practising a point says it is that point on its own, not "you\'re in the ankle routine"', async () => {
    const c = new CheckedConversation();
    await c.say('do the shining sea point');
    const r = await c.say('help', { afterMs: 20_000 });
    expect(r.text).toBe(fill(shape.help, { title: routines.ankle.steps.ki6.title }));
    expect(r.text).not.toContain(routines.ankle.name);
  });

  it('a pair is practised as its step, both points named', async () => {
    const c = new CheckedConversation();
    const r = await c.say('do the exchange belief point');
    expect(r.text).toContain(`${fill(shape.practise.pair, { name: 'Exchange Belief' })} ${upper(routines.heel.steps.ki7ki8.title)}.`);
  });
});

describe('conversation: one foot only, and shorter holds', () => {
  it('"just my left foot" mid-routine: one sentence, then no second foot; "both feet again" brings it back', async () => {
    const c = await inRoutine();
    await c.say('skip this one', { afterMs: 20_000 });
    const left = await c.say('just my left foot', { afterMs: 45_000 });
    expect(left.text.startsWith(`${shape.notes.oneFoot_left} ${upper(routines.ankle.steps.gb40.title)}.`)).toBe(true);
    // The Hill Ruins point is done on one foot: no "now the other foot" before the next point.
    const gb40 = left.text.split(upper(routines.ankle.steps.bl60.title))[0]!;
    expect(saysAny(gb40, cues.switchFoot)).toBe(false);
    // BL60 (both feet at once) is pressed with one hand on that foot, and said so.
    expect(left.text).toContain(shape.oneFoot.both_left);
    expect(saysAny(left.text, cues.pressBoth)).toBe(false);
    const both = await c.say('both feet again', { afterMs: 20_000 });
    expect(both.text.startsWith(shape.notes.bothFeet)).toBe(true);
  });

  it('"make it shorter" names the step that keeps its length; at the shortest it says so', async () => {
    const c = await inRoutine();
    const r = await c.say('make it shorter', { afterMs: 60_000 });
    expect(r.text).toBe(`${common.prefs.holdLength_short} ${shape.keeps.bl60} ${common.prefs.applied}`);
    expect((await c.say('can we do less time')).text).toBe(`${shape.limit_shorter} ${common.prefs.applied}`);
    expect((await c.say('make them longer')).text).toBe(`${common.prefs.holdLength_standard} ${shape.keeps.bl60} ${common.prefs.applied}`);
    // With no routine, nothing to name.
    const idle = new CheckedConversation();
    expect((await idle.say('make it shorter')).text).toBe(`${common.prefs.holdLength_short} ${common.prefs.reprompt}`);
  });
});

describe('conversation: the same in German', () => {
  const de = { envelope: { locale: 'de-DE' } };

  it('„Mach den Punkt Kunlun“, „nur den linken Fuß“, „mach es kürzer“', async () => {
    const c = new CheckedConversation(de);
    expect((await c.say('mach den punkt kunlun')).text).toBe(fill(deCommon.shape.askPregnancyPoint, { name: 'Kunlun-Berge' }));
    expect((await c.say('nein')).text).toContain(deCommon.shape.practise.intro);
    await c.say('stopp');

    const r = new CheckedConversation(de);
    await r.say('starte die knöchelroutine');
    await r.say('nein');
    await r.say('überspring diesen punkt', { afterMs: 20_000 });
    const left = await r.say('nur den linken fuß', { afterMs: 45_000 });
    expect(left.text.startsWith(deCommon.shape.notes.oneFoot_left)).toBe(true);
    expect(saysAny(left.text.split('Blase 60')[0]!, deCues.switchFoot)).toBe(false);
    expect((await r.say('mach es kürzer')).text).toBe(`${deCommon.prefs.holdLength_short} ${deCommon.shape.keeps.bl60} ${deCommon.prefs.applied}`);
  });
});
