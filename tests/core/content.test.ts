import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import routineWords from '../../locales/en-US/routines.json';
import { findPoint, normalise, suggestPoints } from '../../src/core/content/point-search.js';
import { POINTS } from '../../src/core/content/points.js';
import { ROUTINES } from '../../src/core/content/routines.js';
import { POINT_IDS } from '../../src/core/content/types.js';

describe('points', () => {
  it('has all fourteen points with unique codes', () => {
    expect(Object.keys(POINTS).sort()).toEqual([...POINT_IDS].sort());
    const codes = POINT_IDS.flatMap((id) => POINTS[id].codes.map(normalise));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('flags exactly BL60, LV3 and KI4 for pregnancy (points-reference §3)', () => {
    expect(POINT_IDS.filter((id) => POINTS[id].avoidInPregnancy).sort()).toEqual(['BL60', 'KI4', 'LV3']);
  });

  it('keeps the article\'s old numbering for BL40', () => {
    expect(POINTS.BL40.codes).toContain('BL54');
  });

  it.each(POINT_IDS)('%s is found by each of its codes, its pinyin and its other names', (id) => {
    const p = POINTS[id];
    for (const term of [...p.codes, p.pinyin, ...p.matchTerms]) expect(findPoint(term), term).toBe(id);
  });

  it.each([
    ['K I six', 'KI6'], ['k. i. 6', 'KI6'], ['G B forty', 'GB40'], ['g b forty one', 'GB41'], ['b l fifty four', 'BL40'],
    ['the Calm Sleep point', 'BL62'], ['Illuminated Sea', 'KI6'], ['Qiuxu', 'GB40'], ['Kunlun', 'BL60'], ['L R three', 'LV3'],
  ])('finds "%s" as %s', (said, id) => {
    expect(findPoint(said)).toBe(id);
  });

  it.each([
    ['calm sleeping', 'BL62'], ['shining see', 'KI6'], ['bubbling springs', 'KI1'], ['tai chung', 'LV3'],
  ])('suggests a close match for "%s"', (said, id) => {
    expect(suggestPoints(said)).toContain(id);
  });

  it.each(['banana', 'the flibber point', 'x'])('suggests nothing for "%s"', (said) => {
    expect(suggestPoints(said)).toEqual([]);
  });
});

describe('words', () => {
  const files = readdirSync('locales/en-US').map((f) => [f, readFileSync(`locales/en-US/${f}`, 'utf8')] as const);

  it.each([
    'rock bottom', 'the purpose', 'the world', 'in the dark a day', 'alittle', 'faraway', 'volatile oil', 'workout to',
    'only of the foot', 'continuous stress', 'skinny tissue', 'golf or ball',
  ])('never repeats the article\'s spun wording "%s"', (phrase) => {
    for (const [name, text] of files) expect(text.toLowerCase(), name).not.toContain(phrase);
  });

  it.each(['cure', 'heal', 'treats', 'treatment for', 'morphine', 'endorphin', 'spiritual', 'sciatica', 'arthritis', 'plantar fasciitis'])(
    'makes no claim with "%s"', (word) => {
      for (const [name, text] of files) expect(text.toLowerCase(), name).not.toMatch(new RegExp(`\\b${word}`));
    });

  it('keeps every step setup short enough to follow by ear (at most 55 words)', () => {
    for (const routine of Object.values(ROUTINES)) {
      for (const step of routine.steps) {
        const words = (routineWords as Record<string, { steps: Record<string, { setup: string }> }>)[routine.id]!.steps[step.id]!.setup;
        expect(words.split(/\s+/).length, `${routine.id}/${step.id}`).toBeLessThanOrEqual(55);
      }
    }
  });
});
