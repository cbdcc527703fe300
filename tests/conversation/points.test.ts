import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import de from '../../locales/de/points.json';
import fr from '../../locales/fr/points.json';
import es from '../../locales/es/points.json';
import points from '../../locales/en/points.json';
import techniques from '../../locales/en/techniques.json';
import routines from '../../locales/en/routines.json';
import { loadVoice } from '../../src/alexa/i18n.js';
import { findPoint } from '../../src/core/content/point-search.js';
import { CheckedConversation, inRoutine } from '../support/talk.js';
import deCommon from '../../locales/de/common.json';
import { fill } from '../support/words.js';


describe('conversation: where is a point', () => {
  it.each([
    ['where is K I six', 'KI6'], ['where is k. i. 6', 'KI6'], ['where is G B forty', 'GB40'], ['where is Qiuxu', 'GB40'], ['where is chew shoe', 'GB40'],
    ['where is Kunlun', 'BL60'], ['where is the Calm Sleep point', 'BL62'], ['where is the Illuminated Sea point', 'KI6'],
    ['where is b l fifty four', 'BL40'], ['where is the bubbling spring point', 'KI1'], ['where is l r three', 'LV3'],
  ] as const)('"%s" → %s, with the channel explained once and the Chinese name as a phoneme', async (said, id) => {
    const r = await new CheckedConversation().say(said);
    expect(r.text).toContain(fill(common.written, { name: points[id].name, channel: points[id].channelCode, code: points[id].spokenCode }));
    expect(r.text).toContain(points[id].location);
    if (id !== 'BL60') expect(r.ssml).toMatch(/<phoneme alphabet="ipa" ph="[^"]+">\w+<\/phoneme>\./);
    expect(r.ended).toBe(false);
  });

  it('says the pinyin name once: "Kunlun Mountains" needs no "Its Chinese name is Kunlun"', async () => {
    const r = await new CheckedConversation().say('where is Kunlun');
    expect(r.text).not.toContain(common.chineseName);
  });

  it('sends a card with the location to a speaker, and the point screen to a device with a screen', async () => {
    const speaker = await new CheckedConversation().say('where is the calm sleep point');
    expect(speaker.response.card).toMatchObject({ type: 'Simple', content: points.BL62.location });
    const show = await new CheckedConversation({ envelope: { screen: true } }).say('where is the calm sleep point');
    expect(show.directives.map((d) => d.type)).toEqual(['Alexa.Presentation.APL.RenderDocument']);
    expect(JSON.stringify(show.directives)).toContain('doc://alexa/apl/documents/point');
  });

  it('says what a point is good for, with its caution', async () => {
    const r = await new CheckedConversation().say('what is Kunlun good for');
    expect(r.text).toContain(points.BL60.helps);
    expect(r.text).toContain(points.BL60.caution);
  });

  it('suggests a close match as a question it can take a yes to, without repeating what it heard', async () => {
    const r = await new CheckedConversation().intent('WherePointIntent', { point: 'calm sleeping' });
    expect(r.text).toBe(fill(common.unknownPoint.suggest, { name: `${points.BL62.name}, ${points.BL62.spokenCode}` }));
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

describe('where is, in every language: WHO code, local chart code, pinyin and local name', () => {
  it.each([
    ['de-DE', 'wo ist ni 6', 'KI6', de], ['de-DE', 'wo ist k i 6', 'KI6', de], ['de-DE', 'wo ist zhaohai', 'KI6', de], ['de-DE', 'wo ist leuchtendes meer', 'KI6', de],
    ['de-DE', 'wo ist le 3', 'LV3', de], ['de-DE', 'wo ist der punkt ruinenhügel', 'GB40', de],
    ['fr-FR', 'où est r 6', 'KI6', fr], ['fr-FR', 'où est vb 40', 'GB40', fr], ['fr-FR', 'où est qiuxu', 'GB40', fr], ['fr-FR', 'où est mer lumineuse', 'KI6', fr],
    ['fr-FR', 'où est f 3', 'LV3', fr],
    ['es-ES', 'dónde está r 6', 'KI6', es], ['es-ES', 'dónde está vb 40', 'GB40', es], ['es-ES', 'dónde está qiuxu', 'GB40', es], ['es-ES', 'dónde está mar brillante', 'KI6', es],
    ['es-ES', 'dónde está h 3', 'LV3', es],
  ] as const)('%s "%s" → %s', async (locale, said, id, words) => {
    const r = await new CheckedConversation({ envelope: { locale } }).say(said);
    expect(r.text).toContain(words[id].location);
  });

  it('matches letters with accents and ß in the search', async () => {
    const deVoice = await loadVoice('de-DE');
    expect(findPoint('Ruinenhügel', deVoice)).toBe('GB40');
    expect(findPoint('ruinenhugel', deVoice)).toBe('GB40');
    const esVoice = await loadVoice('es-ES');
    expect(findPoint('riñón 6', esVoice)).toBe('KI6');
    expect(findPoint('rinon 6', esVoice)).toBe('KI6');
    const frVoice = await loadVoice('fr-FR');
    expect(findPoint('vésicule biliaire 40', frVoice)).toBe('GB40');
    // Spellings no term lists: only the folding can match them.
    expect(findPoint('rinón 6', esVoice)).toBe('KI6');
    expect(findPoint('vèsicule biliâire 40', frVoice)).toBe('GB40');
    expect(findPoint('ruinenhúgel', deVoice)).toBe('GB40');
  });
});

describe('conversation: about the point in use (issue 21)', () => {
  it('"which foot?" is answered in its first words: the first foot, then past the switch the second, and both for a two-thumb step', async () => {
    const c = await inRoutine('ankle');
    const both = await c.say('which foot', { afterMs: 5_000 });
    expect(both.text.startsWith(common.aside.side.both)).toBe(true);
    await c.say('skip this one', { afterMs: 5_000 });
    const first = await c.say('which foot', { afterMs: 5_000 });
    expect(first.text.startsWith(common.aside.side.firstFoot)).toBe(true);
    // GB40 at standard holds: 96 s on the right foot, then the left; 150 s in, the user holds the left foot.
    const second = await c.say('is it the left foot', { afterMs: 150_000 });
    expect(second.text.startsWith(common.aside.side.secondFoot)).toBe(true);
    // Only the side, then the routine carries on: not the point's location again.
    expect(second.text).not.toContain(points.GB40.location);
  });

  it('"where is it?" on a one-side step starts with the side too', async () => {
    const c = await inRoutine('ankle');
    await c.say('skip this one', { afterMs: 5_000 });
    const r = await c.say('where is it', { afterMs: 5_000 });
    expect(r.text.startsWith(common.aside.side.firstFoot)).toBe(true);
    expect(r.text).toContain(points.GB40.location);
  });

  it('"what does it help with?" mid-routine is the current point\'s traditional use, then the routine carries on', async () => {
    const c = await inRoutine('ankle');
    const r = await c.say('what does it help with', { afterMs: 5_000 });
    expect(r.text).toContain(points.KI6.helps);
    // Asked during the step's introduction: the step is named once, by the answer, not again by the introduction.
    expect(r.text.split(points.KI6.name).length - 1).toBe(1);
    expect(r.text).not.toContain(common.unknownPoint.none);
    expect(r.ended).toBe(false);
    const pair = await inRoutine('heel');
    const h = await pair.say('what is this point good for', { afterMs: 5_000 });
    expect(h.text).toContain(points.KI7.helps);
    expect(h.text).toContain(points.KI8.helps);
  });

  it('"what does it help with?" right after a where-is is about that point; with nothing named, which point', async () => {
    const c = new CheckedConversation();
    await c.say('where is the calm sleep point');
    expect((await c.say('what does it help with')).text).toContain(points.BL62.helps);
    expect((await new CheckedConversation().say('what does it help with')).text).toBe(common.noCurrentPoint);
  });

  it('in German too: "wofür ist der gut?" and "welcher Fuß?"', async () => {
    const c = new CheckedConversation({ envelope: { locale: 'de-DE' } });
    await c.intent('StartRoutineIntent', { routine: { value: 'knöchel', id: 'ankle' } });
    await c.intent('AMAZON.NoIntent');
    expect((await c.say('wofür ist der gut', { afterMs: 5_000 })).text).toContain(de.KI6.helps);
    expect((await c.say('welcher fuß', { afterMs: 5_000 })).text.startsWith(deCommon.aside.side.both)).toBe(true);
  });
});

describe('conversation: the point in use when the session is shaped (one foot only, a point on its own)', () => {
  it('"which foot?" with one foot only names that foot, not "right first, then left"', async () => {
    const c = await inRoutine('ankle');
    await c.say('skip this one', { afterMs: 5_000 });
    await c.say('just my left foot', { afterMs: 5_000 });
    const r = await c.say('which foot', { afterMs: 5_000 });
    expect(r.text.startsWith(common.aside.side.onlyLeft)).toBe(true);
    expect(r.text).not.toContain(common.aside.side.firstFoot);
  });

  it('a point practised on its own is not counted as its routine done', async () => {
    const c = new CheckedConversation();
    await c.say('do the shining sea point');
    const r = await c.say('how many times have i done this', { afterMs: 30_000 });
    expect(r.text).toContain(fill(common.history.noneFor, { name: routines.ankle.name }));
    expect(r.text).not.toContain(common.history.once);
  });
});
