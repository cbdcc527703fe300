import { describe, expect, it } from 'vitest';
import common from '../../locales/en-US/common.json';
import points from '../../locales/en-US/points.json';
import techniques from '../../locales/en-US/techniques.json';
import { CheckedConversation } from '../support/talk.js';

describe('conversation: where is a point', () => {
  it.each([
    ['where is K I six', 'KI6'], ['where is k. i. 6', 'KI6'], ['where is G B forty', 'GB40'], ['where is Qiuxu', 'GB40'], ['where is chew shoe', 'GB40'],
    ['where is Kunlun', 'BL60'], ['where is the Calm Sleep point', 'BL62'], ['where is the Illuminated Sea point', 'KI6'],
    ['where is b l fifty four', 'BL40'], ['where is the bubbling spring point', 'KI1'], ['where is l r three', 'LV3'],
  ] as const)('"%s" → %s', async (said, id) => {
    const r = await new CheckedConversation().say(said);
    expect(r.text).toContain(`${points[id].name}, ${points[id].spokenCode}.`);
    expect(r.text).toContain(points[id].location);
    expect(r.ssml).toMatch(/<phoneme alphabet="ipa" ph="[^"]+">/);
    expect(r.ended).toBe(false);
  });

  it('says what a point is good for, with its caution', async () => {
    const r = await new CheckedConversation().say('what is Kunlun good for');
    expect(r.text).toContain(points.BL60.helps);
    expect(r.text).toContain(points.BL60.caution);
  });

  it('suggests close matches for a point it does not know, without repeating what it heard', async () => {
    const r = await new CheckedConversation().intent('WherePointIntent', { point: 'calm sleeping' });
    expect(r.text).toBe("I don't know that point. Did you mean Calm Sleep, B.L. 62? Ask me where it is by name or by code.");
    const none = await new CheckedConversation().say('where is the flibber point');
    expect(none.text).toBe(common.unknownPoint.none);
    expect(none.text).not.toContain('flibber');
    const missing = await new CheckedConversation().intent('WherePointIntent');
    expect(missing.text).toBe(common.unknownPoint.missing);
  });

  it('explains techniques, and how hard to press when no technique is named', async () => {
    const c = new CheckedConversation();
    expect((await c.say('how do I do the reducing technique')).text).toContain(techniques.reducing.how);
    expect((await c.say('how hard should I press')).text).toContain(techniques.pressure.how);
    expect((await c.intent('TechniqueIntent', { technique: 'yodelling' })).text).toBe(common.technique.unknown);
  });
});
