import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import points from '../../locales/en/points.json';
import routines from '../../locales/en/routines.json';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import { fill, upper } from '../support/words.js';


const inAnkle = () => inRoutine('ankle');

describe('conversation: questions asked mid-routine, answered without losing the hold', () => {
  it('"where is it" names the current point and where it is, then presses again and carries on', async () => {
    const c = await inAnkle();
    // 195 s into the first answer (the one-time note and the cautions come first): past the Shining Sea hold, into Hill Ruins.
    const r = await c.say('where is it', { afterMs: 195_000 });
    // The side first (Hill Ruins is done one foot at a time), then the point.
    expect(r.text.startsWith(`${common.aside.side.firstFoot} ${fill(common.aside.thisIs, { title: routines.ankle.steps.gb40.title })} ${points.GB40.location}`)).toBe(true);
    expect(r.text).toContain(routines.ankle.steps.gb40.reminder);
    expect(r.text).toContain('[chime] Press again, right there.');
  });

  it('"I can\'t find it" gives a finding tip: a landmark, and that it often feels tender', async () => {
    const c = await inAnkle();
    const r = await c.say("i can't find it", { afterMs: 60_000 });
    expect(r.text).toContain(points.KI6.findTip);
    expect(points.KI6.findTip).toMatch(/tender/);
  });

  it('"how much longer" and "how many steps are left" answer from the plan, then carry on', async () => {
    const c = await inAnkle();
    const r = await c.say('how much longer', { afterMs: 60_000 });
    const howLong = upper(fill(common.aside.howLong, { time: fill(common.aside.minutes_other, { count: '\\d+' }), steps: fill(common.aside.steps_other, { count: 4 }) }));
    expect(r.text).toMatch(new RegExp(`^${howLong.replace(/\./g, '\\.')}`));
    const later = await c.say('how many steps are left', { afterMs: 60_000 });
    expect(later.text).toMatch(/to go, 4 steps left\./);
    expect(later.pausesMs).toBeGreaterThan(20_000);
  });

  it('after a word it did not catch, the skill offers what works, and each offer does what it says', async () => {
    const c = await inAnkle();
    const missed = await c.say('is this supposed to feel tingly', { afterMs: 60_000 });
    expect(missed.text).toBe(common.fallback.routine);
    // It offers the words it understands for each way on; "next" would carry on with the held point.
    expect(missed.text).toContain('resume to carry on, skip this one to move on');
    // "skip this one to move on": the next point, not the held one again.
    const moved = await c.say('skip this one');
    expect(moved.text).toMatch(new RegExp(`^${common.notes.skip} ${upper(routines.ankle.steps.gb40.title)}\\.`));
    expect(moved.text).not.toContain(upper(routines.ankle.steps.ki6.title));
    const again = await inAnkle();
    await again.say('is this supposed to feel tingly', { afterMs: 60_000 });
    // "resume to carry on": the held point again, where it was.
    expect((await again.say('resume')).text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.ki6.title)}\\.`));
  });

  it('"what\'s next" names the next point', async () => {
    const c = await inAnkle();
    expect((await c.say("what's next", { afterMs: 30_000 })).text).toMatch(new RegExp(`^${fill(common.aside.next, { title: routines.ankle.steps.gb40.title })}`));
  });

  it('"slower" is remembered: speech slows down with prosody and there is more time to find each point', async () => {
    const c = await inAnkle();
    expect((await c.say('speak more slowly', { afterMs: 30_000 })).text).toBe(`${common.prefs.pace_slow} ${common.prefs.applied}`);
    const r = await c.say('resume');
    expect(r.ssml).toContain('<prosody rate="85%">');
    // Interrupted during the introduction: the step again, with 1.5 times the time to find the point.
    expect(r.text).toContain(`${common.getReady} [pause 7.5s] [chime]`);
  });

  it('every question is answerable outside a routine too', async () => {
    const c = new CheckedConversation();
    expect((await c.say('where is it')).text).toBe(common.noCurrentPoint);
    expect((await c.say('how much longer')).text).toBe(common.noRoutine);
    expect((await c.say('skip this one')).text).toBe(common.noRoutine);
  });
});

describe('conversation: every question is a pending question', () => {
  it('"did you mean …?" followed by yes answers about that point', async () => {
    const c = new CheckedConversation();
    const q = await c.intent('WherePointIntent', { point: { value: 'calm sleeping', noMatch: true } });
    expect(q.text).toBe(fill(common.unknownPoint.suggest, { name: `${points.BL62.name}, ${points.BL62.spokenCode}` }));
    const yes = await c.say('yes');
    expect(yes.text).toContain(points.BL62.location);
  });

  it('a code that only shares its number is not a near match: L.I. 4 does not suggest K.I. 4', async () => {
    const c = new CheckedConversation();
    const r = await c.intent('WherePointIntent', { point: { value: 'l i 4', noMatch: true } });
    expect(r.text).toBe(common.unknownPoint.none);
  });

  it('the resume offer takes yes and no, and restates itself for help and an unrelated answer', async () => {
    const store = new MemoryPersistenceAdapter();
    const c = new CheckedConversation({ store });
    await c.say('start the ankle routine');
    await c.say('no');
    await c.say('stop', { afterMs: 170_000 });
    const offer = await c.say('open foot acupressure');
    expect(offer.text).toBe(fill(common.offerResume, { name: routines.ankle.name, title: routines.ankle.steps.gb40.title }));
    expect((await c.say('help')).text).toBe(common.offerResumeReprompt);
    expect((await c.say('where is it')).text).toBe(common.offerResumeReprompt);
    expect((await c.say('yes')).text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.gb40.title)}`));
  });

  it('the delete confirmation restates itself, and no keeps everything', async () => {
    const c = new CheckedConversation();
    expect((await c.say('delete my data')).text).toBe(common.confirmDelete);
    expect((await c.say('help')).text).toBe(common.confirmDeleteReprompt);
    expect((await c.say('maybe')).text).toBe(common.confirmDeleteReprompt);
    expect((await c.say('no')).text).toBe(common.deleteDeclined);
  });

  it('a yes when nothing was asked says so, and points back to the routine', async () => {
    const c = await inAnkle();
    expect((await c.say('yes', { afterMs: 20_000 })).text).toBe(common.noQuestionInRoutine);
  });
});

describe('conversation: repeat', () => {
  it('repeats the last answer outside a routine', async () => {
    const c = new CheckedConversation();
    const first = await c.say('where is the calm sleep point');
    expect((await c.say('repeat')).text).toBe(first.text);
  });

  it('repeats the current cue with its instruction inside a routine, from where it was', async () => {
    const c = await inAnkle();
    const r = await c.say('repeat', { afterMs: 150_000 });
    expect(r.text).toMatch(new RegExp(`^${common.notes.repeat} ${upper(routines.ankle.steps.gb40.title)}\\.`));
    expect(r.text).toContain(routines.ankle.steps.gb40.setup.slice(0, 40));
  });
});
