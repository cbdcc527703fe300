/**
 * Cue wordings and the one-time cautions, in every locale: each cue has exactly the number of wordings the core
 * rotates through (src/core/variants.ts), all different, and the first-time note carries the cautions
 * points-reference §3 asks for (diabetes or numb feet, blood thinners, a swollen calf, oil before standing).
 */
import { describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { SUPPORTED_LOCALES } from '../../src/alexa/locales.js';
import type { MessageKey } from '../../src/core/messages.js';
import { CUE_IDS } from '../../src/core/timeline.js';
import { CUE_VARIANTS, STEP_DONE_VARIANTS } from '../../src/core/variants.js';
import en from '../../locales/en/cues.json';

/** What each language's first-time note must name, in its own words. */
const CAUTIONS: Record<string, readonly RegExp[]> = {
  en: [/diabetes/, /numb feet/, /skip the ball and the long soak/, /check your feet/, /blood thinners/, /bruise easily/, /calf that's swollen, warm or tender needs a doctor soon/, /wipe off any oil before you stand up/i],
  de: [/Diabetes/, /taube Füße/, /Ball/, /Fußbad/, /Füße danach/, /Blutverdünner/, /blaue Flecken/, /Wade/, /Arzt/, /Öl/],
  es: [/diabetes/, /pies dormidos/, /pelota/, /baño/, /revisa/, /anticoagulantes/, /moratones/, /pantorrilla/, /médico/, /aceite/],
  fr: [/diabète/, /pieds engourdis/, /balle/, /bain/, /vérifiez/, /anticoagulants/, /bleus/, /mollet/, /médecin/, /huile/],
};

describe('cue wordings', () => {
  it('the shared English file has exactly the wordings the core rotates through', () => {
    const words = en as unknown as Record<string, Record<string, string> | string>;
    for (const cue of CUE_IDS) expect(Object.keys(words[cue] as object), cue).toEqual(Array.from({ length: CUE_VARIANTS[cue] }, (_, i) => String(i)));
    expect(Object.keys(words.stepDone as object)).toEqual([...Array.from({ length: STEP_DONE_VARIANTS }, (_, i) => String(i)), 'last']);
  });

  it.each(SUPPORTED_LOCALES)('%s: every cue\'s wordings are all there and all different', async (locale) => {
    const voice = await loadVoice(locale);
    for (const cue of CUE_IDS) {
      const said = Array.from({ length: CUE_VARIANTS[cue] }, (_, i) => voice.t(`cues:${cue}.${i}` as MessageKey));
      expect(said.every((w) => w.trim().length > 0), `${locale} ${cue}`).toBe(true);
      expect(new Set(said).size, `${locale} ${cue}: ${said.join(' | ')}`).toBe(said.length);
    }
  });

  it.each(SUPPORTED_LOCALES)('%s: the first-time note carries the cautions once, briefly', async (locale) => {
    const voice = await loadVoice(locale);
    const note = voice.t('common:disclaimer');
    for (const caution of CAUTIONS[locale.slice(0, 2)] ?? []) expect(note, `${locale}: ${String(caution)}`).toMatch(caution);
    expect(note.split(/\s+/).length, locale).toBeLessThanOrEqual(140);
  });
});
