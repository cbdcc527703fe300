import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import pointWords from '../../locales/en/points.json';
import routineWords from '../../locales/en/routines.json';
import techniqueWords from '../../locales/en/techniques.json';
import { loadVoice } from '../../src/alexa/i18n.js';
import { findPoint as find, normalise, suggestPoints as suggest, type SearchVoice } from '../../src/core/content/point-search.js';
import { POINTS } from '../../src/core/content/points.js';
import { ROUTINES } from '../../src/core/content/routines.js';
import { POINT_IDS, TECHNIQUE_IDS, type PointId } from '../../src/core/content/types.js';

type Words = Record<string, string>;
const pointText = pointWords as Record<string, Words>;
const routineText = routineWords as unknown as Record<string, Words & { steps: Record<string, Words> }>;
const techniqueText = techniqueWords as Record<string, Words>;
const wordCount = (s: string) => s.trim().split(/\s+/).length;
let en: SearchVoice;
beforeAll(async () => { en = await loadVoice('en-US'); });
const findPoint = (said: string) => find(said, en);
const suggestPoints = (said: string, limit?: number) => suggest(said, en, limit);

/** Alexa's en-US IPA symbols (SSML reference), longest first, plus stress marks and the syllable dot. */
const ALEXA_IPA = ['d͡ʒ', 't͡ʃ', 'aɪ', 'aʊ', 'eɪ', 'oʊ', 'ɔɪ', 'b', 'd', 'ð', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'ŋ', 'p', 'r', 's',
  'ʃ', 't', 'θ', 'v', 'w', 'z', 'ʒ', 'ə', 'ɚ', 'æ', 'ɑ', 'ɝ', 'ɛ', 'i', 'ɪ', 'ɔ', 'u', 'ʊ', 'ʌ', 'ˈ', 'ˌ', '.'];
function onlyAlexaIpa(ipa: string): boolean {
  let rest = ipa;
  while (rest) {
    const symbol = ALEXA_IPA.find((s) => rest.startsWith(s));
    if (!symbol) return false;
    rest = rest.slice(symbol.length);
  }
  return true;
}

describe('points', () => {
  it('has all fourteen points with unique codes', () => {
    expect(Object.keys(POINTS).sort()).toEqual([...POINT_IDS].sort());
    const codes = POINT_IDS.flatMap((id) => POINTS[id].codes.map(normalise));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('leaves out BL60, LV3, KI4 and, conservatively, BL62 for the pregnancy choice, and keeps BL57 light (points-reference §3)', () => {
    expect(POINT_IDS.filter((id) => POINTS[id].avoidInPregnancy).sort()).toEqual(['BL60', 'BL62', 'KI4', 'LV3']);
    expect(POINT_IDS.filter((id) => (POINTS[id] as { lightInPregnancy?: boolean }).lightInPregnancy)).toEqual(['BL57']);
  });

  it('lists the current chart code first, then the older ones', () => {
    expect(POINTS.BL40.codes).toEqual(['BL40', 'BL54', 'UB40', 'B54']);
    expect(POINTS.LV3.codes).toEqual(['LV3', 'LR3', 'LIV3']);
    expect(POINTS.KI6.codes).toEqual(['KI6', 'K6', 'KID6']);
    expect(POINTS.SHIMIAN.codes).toEqual(['M-LE-5']);
    for (const id of POINT_IDS) if (id !== 'SHIMIAN') expect(POINTS[id].codes[0]).toBe(id);
  });

  it.each(POINT_IDS)('%s has plain pinyin, en-US IPA from Alexa\'s own symbol set, and lower-case match terms', (id) => {
    const p = POINTS[id];
    expect(p.pinyin).toMatch(/^[A-Z][a-z]+$/);
    const ipa = pointText[id]?.ipa ?? '';
    expect(onlyAlexaIpa(ipa), ipa).toBe(true);
    for (const term of p.matchTerms) expect(term).toBe(term.toLowerCase());
  });

  it('fixes the review\'s IPA: Shimian with ɝ, Zulinqi without /dz/', () => {
    expect(pointText.SHIMIAN?.ipa).toBe('ˈʃɝˌmjɛn');
    expect(pointText.GB41?.ipa).toBe('ˈzuˌlɪnˌt͡ʃi');
  });

  it.each(POINT_IDS)('%s is found by each of its codes, its pinyin and its other names', (id) => {
    const p = POINTS[id];
    for (const term of [...p.codes, p.pinyin, ...p.matchTerms]) expect(findPoint(term), term).toBe(id);
  });

  it('gives no name or code to two points', () => {
    const owners = new Map<string, Set<PointId>>();
    for (const id of POINT_IDS) {
      const p = POINTS[id];
      for (const term of [...p.codes, p.pinyin, ...p.matchTerms]) {
        const key = normalise(term).replace(/\s/g, '');
        owners.set(key, (owners.get(key) ?? new Set()).add(id));
      }
    }
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it.each([
    ['K I six', 'KI6'], ['k i six', 'KI6'], ['ki 6', 'KI6'], ['k. i. 6', 'KI6'], ['kay eye six', 'KI6'], ['kidney 6', 'KI6'],
    ['G B forty', 'GB40'], ['g b forty one', 'GB41'], ['b l fifty four', 'BL40'], ['u b forty', 'BL40'], ['m l e five', 'SHIMIAN'],
    ['the Calm Sleep point', 'BL62'], ['Illuminated Sea', 'KI6'], ['high mountains', 'BL60'], ['Qiuxu', 'GB40'], ['qiu xu', 'GB40'],
    ['Kunlun', 'BL60'], ['kun lun', 'BL60'], ['L R three', 'LV3'], ['liv 3', 'LV3'], ['zu lin qi', 'GB41'], ['the insomnia point', 'SHIMIAN'],
  ])('finds "%s" as %s', (said, id) => {
    expect(findPoint(said)).toBe(id);
  });

  it.each(['', 'banana', 'k i three', 'spring', 'mountain'])('finds no point for "%s"', (said) => {
    expect(findPoint(said)).toBeUndefined();
  });

  it.each([
    ['calm sleeping', 'BL62'], ['k i seven', 'KI7'], ['kay eye seven', 'KI7'], ['qiu shoo', 'GB40'], ['chew shoes', 'GB40'],
    ['koon loon', 'BL60'], ['shining see', 'KI6'], ['bubbling springs', 'KI1'], ['tai chung', 'LV3'], ['tie chong', 'LV3'],
    ['jow shin', 'KI8'], ['foo lee oh', 'KI7'], ['chung shahn', 'BL57'], ['zoo lin chee', 'GB41'], ['illuminated see', 'KI6'],
  ])('suggests %s → %s first', (said, id) => {
    expect(suggestPoints(said)[0]).toBe(id);
  });

  it('suggests a single point when only one is close', () => {
    expect(suggestPoints('calm sleeping')).toEqual(['BL62']);
    expect(suggestPoints('k i seven')).toEqual(['KI7']);
  });

  it('keeps to the limit', () => {
    expect(suggestPoints('dah jong', 1)).toEqual(['KI4']);
    expect(suggestPoints('dah jong').length).toBeLessThanOrEqual(2);
  });

  it.each([
    'banana', 'x', 'the flibber point', 'hello', 'cheese', 'next', 'stop', 'help', 'resume', 'foot', 'ankle', 'sushi',
    'k i three', 'b l sixty five', 'kidney', 'bladder',
  ])('suggests nothing for "%s"', (said) => {
    expect(suggestPoints(said)).toEqual([]);
  });
});

describe('words', () => {
  const files = readdirSync('locales/en').map((f) => [f, readFileSync(`locales/en/${f}`, 'utf8')] as const);
  const ours = files.filter(([f]) => ['points.json', 'routines.json', 'techniques.json'].includes(f));

  it.each(POINT_IDS)('%s has every point field, and a caution exactly where one is due', (id) => {
    const w = pointText[id];
    expect(w).toBeDefined();
    for (const field of ['name', 'spokenCode', 'channelCode', 'ipa', 'terms', 'location', 'findTip', 'helps']) expect(w?.[field]?.trim(), field).toBeTruthy();
    expect(Object.keys(w ?? {}).sort()).toEqual(['caution', 'channelCode', 'findTip', 'helps', 'ipa', 'location', 'name', 'otherNames', 'spokenCode', 'terms']);
    const due = POINTS[id].avoidInPregnancy || id === 'BL40' || id === 'BL57';
    expect(Boolean(w?.caution), 'caution').toBe(due);
    if (POINTS[id].avoidInPregnancy) expect(w?.caution).toMatch(/pregnan/);
    expect(w?.helps, 'helps is hedged').toMatch(/^People /);
  });

  it('words only the fourteen points', () => {
    expect(Object.keys(pointText).sort()).toEqual([...POINT_IDS].sort());
  });

  it.each([
    ['KI8', /behind the inner edge of your shinbone/], ['BL40', /crease/], ['SHIMIAN', /underside of your heel/],
    ['LV3', /on top of your foot/], ['GB40', /in front of the outer anklebone and a little below/], ['KI7', /three finger widths/],
    ['KI6', /one thumb width/],
  ] as const)('%s is placed as points-reference §2 corrects it', (id, where) => {
    expect(pointText[id]?.location).toMatch(where);
  });

  it('reminds about gentle pressure behind the knee', () => {
    expect(pointText.BL40?.caution).toMatch(/gently/);
    expect(pointText.BL40?.caution).toMatch(/deep/);
  });

  it.each(Object.values(ROUTINES))('routine $id has a name, an intro and words for each of its steps, and no others', (routine) => {
    const w = routineText[routine.id];
    expect(w?.name?.trim()).toBeTruthy();
    expect(w?.intro?.trim()).toBeTruthy();
    expect(Object.keys(w?.steps ?? {}).sort()).toEqual(routine.steps.map((s) => s.id).sort());
    for (const step of routine.steps) {
      expect(w?.steps[step.id]?.title?.trim(), `${step.id} title`).toBeTruthy();
      expect(w?.steps[step.id]?.setup?.trim(), `${step.id} setup`).toBeTruthy();
    }
  });

  it('words only the routines there are', () => {
    expect(Object.keys(routineText).sort()).toEqual(Object.keys(ROUTINES).sort());
  });

  it('says once, before the first routine, to stop if anything hurts, and what to skip', () => {
    expect(common.disclaimer).toMatch(/stop if anything hurts/i);
    expect(common.disclaimer).toMatch(/varicose veins/);
    expect(common.disclaimer).toMatch(/can't take your weight needs a doctor/);
  });

  it('finds every point in every locale by its local terms', async () => {
    for (const locale of ['en-US', 'de-DE', 'es-ES', 'fr-FR']) {
      const voice = await loadVoice(locale);
      for (const id of POINT_IDS) for (const term of voice.t(`points:${id}.terms`).split('|')) expect(find(term, voice), `${locale} ${term}`).toBe(id);
    }
  });

  it('tells each step how the hands go: both feet at once, right foot first, pairs together', () => {
    for (const routine of Object.values(ROUTINES)) {
      for (const step of routine.steps) {
        const setup = routineText[routine.id]?.steps[step.id]?.setup ?? '';
        const where = `${routine.id}/${step.id}`;
        if (step.side === 'both') expect(setup, where).toMatch(/one thumb on each foot/i);
        if (step.side === 'each') expect(setup, where).toMatch(/^Start with your right (foot|leg)/);
        if (step.points.length > 1) expect(setup, where).toMatch(/press both points together/i);
      }
    }
  });

  it('checks the soak with a wrist, and holds the ball still', () => {
    expect(routineText.preparation?.steps.soak?.setup).toMatch(/wrist/);
    expect(routineText.ballRelease?.steps.ball?.setup).toMatch(/soften/);
    expect(routineText.ballRelease?.steps.ball?.setup).toMatch(/stop rolling/);
    expect(routineText.lowBack?.steps.arch?.setup).toMatch(/heel/);
    expect(routineText.lowBack?.steps.arch?.setup).toMatch(/cat/);
  });

  it.each(TECHNIQUE_IDS)('technique %s has a name and a short how (at most 60 words)', (id) => {
    expect(techniqueText[id]?.name?.trim()).toBeTruthy();
    expect(wordCount(techniqueText[id]?.how ?? '')).toBeLessThanOrEqual(60);
  });

  it('reduces counter-clockwise, and never presses to pain', () => {
    expect(techniqueText.reducing?.how).toMatch(/counter-clockwise/);
    expect(techniqueText.reducing?.how).toMatch(/one to two minutes/);
    expect(techniqueText.pressure?.how).toMatch(/never so hard that it hurts/);
    expect(techniqueText.pressure?.how).toMatch(/knuckle|eraser/);
  });

  it.each([
    'rock bottom', 'the purpose', 'the world', 'in the dark a day', 'alittle', 'faraway', 'volatile oil', 'workout to',
    'only of the foot', 'continuous stress', 'skinny tissue', 'golf or ball', 'an equivalent time', 'during a depression',
    'along side', 'cat making its bed', 'studytrusted', 'here you can get', 'a sort of medicine', 'the present point',
  ])('never repeats the article\'s spun wording "%s"', (phrase) => {
    for (const [name, text] of files) expect(text.toLowerCase(), name).not.toContain(phrase);
  });

  it.each(['cure', 'heal', 'treats', 'treatment for', 'morphine', 'endorphin', 'spiritual', 'sciatica', 'arthritis', 'plantar fasciitis', 'sprains'])(
    'makes no claim with "%s"', (word) => {
      for (const [name, text] of files) expect(text.toLowerCase(), name).not.toMatch(new RegExp(`\\b${word}`));
    });

  it('is plain text: no markup, entities or interpolation', () => {
    for (const [name, text] of ours) {
      const strings: string[] = [];
      JSON.parse(text, (_k, v: unknown) => { if (typeof v === 'string') strings.push(v); return v; });
      for (const s of strings) expect(s, name).not.toMatch(/[<>&]|\{\{(?!minutes\}\}|every\}\})/);
    }
  });

  it('keeps every step setup short enough to follow by ear (at most 55 words)', () => {
    for (const routine of Object.values(ROUTINES)) {
      for (const step of routine.steps) {
        const setup = routineText[routine.id]?.steps[step.id]?.setup ?? '';
        expect(wordCount(setup), `${routine.id}/${step.id}`).toBeLessThanOrEqual(55);
      }
    }
  });
});
