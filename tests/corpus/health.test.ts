/**
 * Issue 21: health disclosures and everyday pain words reach their intents in every language, through each
 * locale's real model (tools/nlu.ts): at least ten natural phrasings per condition and language, each resolving
 * to HealthIntent with that condition's id; the pain phrases to PainIntent, "I'm N weeks pregnant" to PregnantIntent.
 */
import { describe, expect, it } from 'vitest';
import { HEALTH_CONDITIONS } from '../../src/core/events.js';
import { resolveValue } from '../../tools/envelopes.js';
import { resolveUtterance } from '../../tools/nlu.js';
import { HEALTH_PHRASES, PAIN_PHRASES, PREGNANT_PHRASES, YES_PHRASES, type Lang } from './health-phrases.js';

const LOCALE: Record<Lang, string> = { en: 'en-US', de: 'de-DE', es: 'es-ES', fr: 'fr-FR' };

describe.each(Object.keys(LOCALE) as Lang[])('health and pain words in %s', (lang) => {
  const locale = LOCALE[lang];

  it.each(HEALTH_CONDITIONS.map((c) => [c]))('%s: ten or more phrasings, each heard as that condition', (condition) => {
    const phrases = HEALTH_PHRASES[lang][condition];
    expect(new Set(phrases.map((p) => p.toLowerCase())).size).toBeGreaterThanOrEqual(10);
    for (const phrase of phrases) {
      const heard = resolveUtterance(phrase, locale);
      expect(heard.intent, phrase).toBe('HealthIntent');
      expect(resolveValue('HealthCondition', heard.slots.condition ?? '', locale)?.id, phrase).toBe(condition);
    }
  });

  it('hears everyday pain words as pain', () => {
    expect(PAIN_PHRASES[lang].length).toBeGreaterThanOrEqual(10);
    for (const phrase of PAIN_PHRASES[lang]) expect(resolveUtterance(phrase, locale).intent, phrase).toBe('PainIntent');
  });

  it('hears "I\'m N weeks pregnant, is this ok?" as pregnant, and "yes I am" as a yes', () => {
    for (const phrase of PREGNANT_PHRASES[lang]) expect(resolveUtterance(phrase, locale).intent, phrase).toBe('PregnantIntent');
    for (const phrase of YES_PHRASES[lang]) expect(resolveUtterance(phrase, locale).intent, phrase).toBe('AMAZON.YesIntent');
  });
});
