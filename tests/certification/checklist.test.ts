/**
 * Amazon's functional certification tests for custom skills, one test per item, in every locale
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/functional-testing-for-a-custom-skill.html).
 */
import { describe, expect, it } from 'vitest';
import manifest from '../../skill-package/skill.json';
import { buildSkill } from '../../src/skill.js';
import { intentRequest, sessionEndedRequest } from '../../tools/envelopes.js';
import { LOCALES, modelOf } from '../../tools/models.js';
import { examplePhraseRequest, expandedSamples } from '../../tools/nlu.js';
import { speechTextOf } from '../../tools/ssml.js';
import { expectValidResponse } from '../support/response-checks.js';
import { CheckedConversation } from '../support/talk.js';

const BUILT_INS = ['Help', 'Stop', 'Cancel', 'NavigateHome', 'Fallback', 'Next', 'Previous', 'Repeat', 'Pause', 'Resume', 'StartOver', 'Yes', 'No'].map((n) => `AMAZON.${n}Intent`);
const skill = buildSkill().create();
const speech = speechTextOf;

/** The states a user can be in when they say something: idle, mid-routine, paused, or asked each question. */
async function states(locale: string): Promise<[string, () => Promise<CheckedConversation>][]> {
  const l = locale.split('-')[0];
  const start = l === 'de' ? 'knöchel routine' : l === 'es' ? 'rutina de tobillos' : l === 'fr' ? 'la routine des chevilles' : 'start the ankle routine';
  const no = l === 'de' ? 'nein' : l === 'es' ? 'no' : l === 'fr' ? 'non' : 'no';
  const make = () => new CheckedConversation({ envelope: { locale } });
  return [
    ['idle', async () => make()],
    ['asked about leaving out points', async () => { const c = make(); await c.say(start); return c; }],
    ['in a routine', async () => { const c = make(); await c.say(start); await c.say(no); return c; }],
    ['paused', async () => { const c = make(); await c.say(start); await c.say(no); await c.intent('AMAZON.PauseIntent', {}, { afterMs: 60_000 }); return c; }],
    ['asked to confirm erasing', async () => { const c = make(); await c.intent('DeleteDataIntent'); return c; }],
    ['told it hurts', async () => { const c = make(); await c.say(start); await c.say(no); await c.intent('PainIntent', {}, { afterMs: 60_000 }); return c; }],
  ];
}

describe.each(LOCALES)('certification checklist, %s', (locale) => {
  const lm = modelOf(locale).interactionModel.languageModel;

  it('answers every intent of the model with speech (a first request in a new session)', async () => {
    for (const intent of lm.intents) {
      const r = await skill.invoke(intentRequest(intent.name, {}, { locale, newSession: true }));
      await expectValidResponse(r, { locale });
      expect(speech(r).length, intent.name).toBeGreaterThan(10);
    }
  });

  it('handles every built-in intent Amazon requires', () => {
    expect(lm.intents.map((i) => i.name)).toEqual(expect.arrayContaining(BUILT_INS));
  });

  it('gives help in every state, and help about the question when one is pending', async () => {
    for (const [name, reach] of await states(locale)) {
      const c = await reach();
      const help = await c.intent('AMAZON.HelpIntent');
      expect(help.ended, name).toBe(false);
      expect(help.text.length, name).toBeGreaterThan(20);
      if (name.startsWith('asked') || name === 'told it hurts') {
        // The pending question, restated: the same words as for an unrelated answer, and a question.
        expect(help.text, name).toContain('?');
        expect((await c.intent('AMAZON.FallbackIntent')).text, name).toBe(help.text);
      }
    }
  });

  it('ends the session on stop and on cancel, in every state', async () => {
    for (const [name, reach] of await states(locale)) {
      for (const intent of ['AMAZON.StopIntent', 'AMAZON.CancelIntent']) {
        const c = await reach();
        const r = await c.intent(intent);
        expect(r.ended, `${name}: ${intent}`).toBe(true);
        expect(r.response.shouldEndSession).toBe(true);
      }
    }
  });

  it('sends no speech for a SessionEndedRequest, whatever the reason', async () => {
    for (const reason of ['USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS'] as const) {
      const r = await skill.invoke(sessionEndedRequest(reason, { locale }));
      await expectValidResponse(r, { silent: true });
    }
  });

  it('never answers with empty speech while the session stays open', async () => {
    for (const [name, reach] of await states(locale)) {
      const c = await reach();
      for (const r of c.replies) if (!r.ended) expect(r.speechText.trim().length, name).toBeGreaterThan(0);
      // Every state, the idle one included, gets one more request that keeps the session open.
      const help = await c.intent('AMAZON.HelpIntent');
      expect(help.ended, name).toBe(false);
      expect(help.speechText.trim().length, name).toBeGreaterThan(0);
    }
  });

  it('has an invocation name of two or more words without launch words, brand words or punctuation', () => {
    const name = lm.invocationName;
    expect(name.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(name).toMatch(/^[\p{Ll} ]+$/u);
    expect(name).not.toMatch(/\b(alexa|echo|amazon|skill|app)\b/u);
  });

  it('has example phrases that are samples of this model, word for word, the first one opening the skill', () => {
    // Certification compares each example phrase with the samples: "must be selected from your sample utterances"
    // (https://developer.amazon.com/blogs/alexa/post/74d0ed59-ad4f-470a-abcf-d37c10a1dfd6/crafting-great-example-phrases-that-meet-certification-requirements).
    // Only the wake word, the invocation and its connecting word are taken off, and the case ignored: a hyphen,
    // a missing "Alexa, " or a word the model lacks fails.
    const phrases = (manifest.manifest.publishingInformation.locales as Record<string, { examplePhrases: string[] }>)[locale]!.examplePhrases;
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.length).toBeLessThanOrEqual(3);
    expect(examplePhraseRequest(phrases[0]!, locale), phrases[0]).toEqual({ launch: true });
    const samples = expandedSamples(locale);
    for (const phrase of phrases.slice(1)) {
      const request = examplePhraseRequest(phrase, locale);
      expect(request, `${phrase}: starts with "Alexa, " and the invocation`).toMatchObject({ launch: false });
      const words = (request as { words: string }).words;
      expect(samples.get(words), `${phrase}: "${words}" is no sample of ${locale}`).toBeDefined();
      expect(samples.get(words)!.size, `${phrase}: "${words}" belongs to two intents`).toBe(1);
    }
  });
});

describe('certification: the manifest', () => {
  it('describes the skill as self-care, not medical advice, in every locale, and is honest about personal data', () => {
    for (const [locale, words] of Object.entries(manifest.manifest.publishingInformation.locales)) {
      expect(words.description.length, locale).toBeGreaterThan(200);
      expect(words.smallIconUri).toBe('file://assets/images/icon-108.png');
      expect(words.largeIconUri).toBe('file://assets/images/icon-512.png');
    }
    expect(manifest.manifest.publishingInformation.locales['en-US'].description).toContain('not a substitute for professional medical advice');
    expect(Object.keys(manifest.manifest.privacyAndCompliance.locales).sort()).toEqual([...LOCALES].sort());
  });

  it('leaves no placeholder except the publisher\'s privacy and terms URLs', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('skill-package/skill.json', 'utf8');
    const placeholders = [...text.matchAll(/"([^"]*REPLACE[^"]*)"/g)].map((m) => m[1]);
    expect(new Set(placeholders)).toEqual(new Set(['https://REPLACE-WITH-PUBLISHER-PRIVACY-POLICY-URL', 'https://REPLACE-WITH-PUBLISHER-TERMS-OF-USE-URL']));
  });

  it('declares CanFulfill and APL, and ships real icons of the sizes Alexa asks for', async () => {
    const { readFileSync } = await import('node:fs');
    const types = manifest.manifest.apis.custom.interfaces.map((i) => i.type);
    expect(types).toEqual(expect.arrayContaining(['CAN_FULFILL_INTENT_REQUEST', 'ALEXA_PRESENTATION_APL']));
    for (const size of [108, 512]) {
      const png = readFileSync(`skill-package/assets/images/icon-${size}.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      expect(png.length).toBeGreaterThan(size === 512 ? 10_000 : 1_000);
    }
  });
});
