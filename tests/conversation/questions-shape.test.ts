/**
 * Every yes/no-shaped question the skill asks is one it can take a yes to (a pending question of the reducer),
 * and the review's wording rules hold in what the skill says.
 */
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import manifest from '../../skill-package/skill.json';
import { resolveUtterance } from '../../tools/nlu.js';
import { CheckedConversation } from '../support/talk.js';

type Tree = { [k: string]: string | Tree };
const leaves = (o: Tree, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) =>
  typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`));

/** The sentences asking a yes/no question, and the keys that ask one the reducer keeps pending. */
const YES_NO = /(^|[.!?] )(Would|Shall|Do|Does|Are|Is|Can|Could|Did|Should) [^.?!]*\?/;
const PENDING_YES_NO = new Set([
  'askPregnancy', 'askPregnancyReprompt', 'askRemember', 'askRememberReprompt', 'offerResume', 'offerResumeReprompt', 'confirmDelete', 'confirmDeleteReprompt',
  'unknownPoint.suggest', 'unknownPoint.suggestReprompt', 'screeningOffer', 'screeningMassages', 'screeningReprompt',
  // Not yes/no: it offers three choices by name (lighter, skip, stop), and a "yes" to it asks which one.
  'painAgain',
  // Not yes/no either: skip or stop, by name; a "yes" to it asks which one.
  'painStillHurts',
  // Before a point on its own: the pregnancy question, and the resume offer, of a single point.
  'shape.askPregnancyPoint', 'shape.askPregnancyPointLight', 'shape.offerResume',
]);

describe('questions the skill asks', () => {
  it('asks a yes/no question only where a yes is understood', () => {
    const asking = leaves(common as unknown as Tree).filter(([, v]) => YES_NO.test(v)).map(([k]) => k);
    expect(asking.length).toBeGreaterThan(5);
    expect(asking.filter((k) => !PENDING_YES_NO.has(k))).toEqual([]);
  });

  it('never says counter-clockwise in the calming massage (the seed gives no direction there)', async () => {
    const c = new CheckedConversation();
    let heard = (await c.say('start the calming foot massage')).text;
    for (let i = 0; i < 3 && !heard.includes("That's the end"); i += 1) heard += (await c.say('next')).text;
    expect(heard).toContain("That's the end of the calming foot massage");
    expect(heard).not.toMatch(/counter-clockwise/);
    expect(heard).toContain('Gushing Spring');
  });

  it('promises a kept place only when there is one', () => {
    expect(common.error).toMatch(/place in the routine is kept/);
    expect(common.errorIdle).not.toMatch(/kept/);
  });

  it('gives testing instructions that the model understands, phrase by phrase', () => {
    const instructions = manifest.manifest.publishingInformation.testingInstructions;
    const phrases = [...instructions.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
    expect(phrases.length).toBeGreaterThan(10);
    const locale = (p: string) => (/füße/i.test(p) ? 'de-DE' : /pies/.test(p) ? 'es-ES' : /pieds/.test(p) ? 'fr-FR' : 'en-US');
    for (const phrase of phrases) expect(resolveUtterance(phrase, locale(phrase)).intent, phrase).not.toBe('AMAZON.FallbackIntent');
  });
});
