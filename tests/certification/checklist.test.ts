/**
 * Amazon's functional certification tests for custom skills, one test per item, in every locale
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/functional-testing-for-a-custom-skill.html).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../skill-package/skill.json';
import { createSkill } from '../../src/skill.js';
import { canFulfillIntent } from '../../src/alexa/can-fulfill.js';
import { persistedView } from '../../src/core/state-merge.js';
import { parseState } from '../../src/core/state-parse.js';
import { sendEventArgs } from '../../tools/conversation.js';
import { INITIAL_STATE } from '../../src/core/state.js';
import { canFulfillRequest, intentRequest, sessionEndedRequest } from '../../tools/envelopes.js';
import { LOCALES, modelOf } from '../../tools/models.js';
import { examplePhraseRequest, expandedSamples } from '../../tools/nlu.js';
import { policyPath, renderPolicySite } from '../../tools/policy-pages.js';
import { speechTextOf } from '../../tools/ssml.js';
import { expectValidResponse } from '../support/response-checks.js';
import { CheckedConversation } from '../support/talk.js';

const BUILT_INS = ['Help', 'Stop', 'Cancel', 'NavigateHome', 'Fallback', 'Next', 'Previous', 'Repeat', 'Pause', 'Resume', 'StartOver', 'Yes', 'No'].map((n) => `AMAZON.${n}Intent`);
const skill = createSkill();
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

describe.each(LOCALES)('certification: screens and touch, %s', (locale) => {
  const l = locale.split('-')[0];
  const start = l === 'de' ? 'knöchel routine' : l === 'es' ? 'rutina de tobillos' : l === 'fr' ? 'la routine des chevilles' : 'start the ankle routine';
  const no = l === 'de' ? 'nein' : l === 'es' ? 'no' : l === 'fr' ? 'non' : 'no';
  const hasApl = (r: { directives: readonly { type: string }[] }) => r.directives.some((d) => d.type.startsWith('Alexa.Presentation.APL'));

  it('sends APL only to devices that support it (a speaker gets none, a screen gets its document)', async () => {
    const speaker = new CheckedConversation({ envelope: { locale } });
    await speaker.say(start);
    expect(hasApl(await speaker.say(no))).toBe(false);
    const screen = new CheckedConversation({ envelope: { locale, screen: true } });
    await screen.say(start);
    expect(hasApl(await screen.say(no))).toBe(true);
  });

  it.each([['paused', 'AMAZON.PauseIntent'], ['told it hurts', 'PainIntent'], ['asked to confirm erasing', 'DeleteDataIntent']])(
    'a UserEvent from the screen while %s paces nothing and says nothing', async (_state, intent) => {
      const c = new CheckedConversation({ envelope: { locale, screen: true } });
      await c.say(start);
      const first = await c.say(no);
      const detour = await c.intent(intent, {}, { afterMs: 30_000 });
      // The detour paced nothing: the screen's event still names the last paced response, so only the mode refuses it.
      expect(parseState(detour.sessionAttributes?.state).progress?.seq).toBe(sendEventArgs(first.directives)?.[2]);
      const stale = await (c.screenDone(first, { afterMs: first.lengthMs }) as Promise<Awaited<ReturnType<typeof c.say>>>);
      expect(stale.response).toEqual({});
      expect(stale.sessionAttributes).toEqual(detour.sessionAttributes);
    });

  it('answers a touch with playBehavior REPLACE_ALL, so it is heard at once and not after the queued cues', async () => {
    const c = new CheckedConversation({ envelope: { locale, screen: true } });
    await c.say(start);
    await c.say(no);
    for (const touch of ['pause', 'repeat', 'next']) {
      const r = await c.userEvent([touch], { afterMs: 20_000 });
      expect(r.response.outputSpeech, touch).toMatchObject({ type: 'SSML', playBehavior: 'REPLACE_ALL' });
    }
  });

  it('gives an Alexa.Presentation.APL.RuntimeError no speech and leaves the session as it was', async () => {
    const c = new CheckedConversation({ envelope: { locale, screen: true } });
    await c.say(start);
    const before = await c.say(no);
    const r = await c.raw('Alexa.Presentation.APL.RuntimeError', { token: 'footAcupressure', errors: [{ type: 'LINK_ERROR', message: 'x' }] });
    expect(r.response).toEqual({});
    expect(r.sessionAttributes).toEqual(before.sessionAttributes);
  });
});

describe('certification: the manifest', () => {
  it('describes the skill as self-care, not medical advice, in every locale', () => {
    for (const [locale, words] of Object.entries(manifest.manifest.publishingInformation.locales)) {
      expect(words.description.length, locale).toBeGreaterThan(200);
      expect(words.smallIconUri).toBe('file://assets/images/icon-108.png');
      expect(words.largeIconUri).toBe('file://assets/images/icon-512.png');
    }
    expect(manifest.manifest.publishingInformation.locales['en-US'].description).toContain('not a substitute for professional medical advice');
  });

  it('is honest about personal data: it declares the per-user record the code keeps, and no ads, purchases or permissions', () => {
    const compliance = manifest.manifest.privacyAndCompliance as Record<string, unknown>;
    // The code keeps a record per user (src/alexa/store-session.ts): Amazon's flag for that is usesPersonalInfo.
    const stored = Object.keys(persistedView(parseState({ ...INITIAL_STATE, disclaimed: true })));
    expect(stored.length).toBeGreaterThan(0);
    expect(compliance.usesPersonalInfo).toBe(true);
    expect(compliance.containsAds).toBe(false);
    expect(compliance.allowsPurchases).toBe(false);
    expect(compliance.isChildDirected).toBe(false);
    expect(compliance.isExportCompliant).toBe(true);
    expect(manifest.manifest).not.toHaveProperty('permissions');
    expect(JSON.stringify(manifest.manifest.apis)).not.toMatch(/monetization|purchase|ALEXA_EXTENSION/i);
  });

  it('has no placeholder, and the deploy step gives every locale https policy pages in its own language', () => {
    const text = readFileSync('skill-package/skill.json', 'utf8');
    expect(text).not.toMatch(/REPLACE|PLACEHOLDER|TODO/i);
    // What scripts/deploy-skill-package.sh uploads, with the URLs the stack outputs (infra/policy-site.ts).
    const dir = mkdtempSync(join(tmpdir(), 'cert-pkg-'));
    cpSync('skill-package', dir, { recursive: true });
    const site = 'https://d111111abcdef8.cloudfront.net';
    const r = spawnSync(process.execPath, ['scripts/prepare-skill-package.mjs', dir, '--endpoint', 'arn:aws:lambda:us-east-1:1:function:f',
      '--privacy', `${site}/${policyPath('privacy', '{lang}')}`, '--terms', `${site}/${policyPath('terms', '{lang}')}`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const uploaded = JSON.parse(readFileSync(join(dir, 'skill.json'), 'utf8')) as { manifest: { privacyAndCompliance: { locales: Record<string, Record<string, string>> } } };
    const locales = uploaded.manifest.privacyAndCompliance.locales;
    expect(Object.keys(locales).sort()).toEqual([...LOCALES].sort());
    const pages = renderPolicySite();
    for (const [locale, urls] of Object.entries(locales)) {
      const lang = locale.split('-')[0]!;
      for (const [field, kind] of [['privacyPolicyUrl', 'privacy'], ['termsOfUseUrl', 'terms']] as const) {
        const url = new URL(urls[field]!);
        expect(url.protocol, `${locale} ${field}`).toBe('https:');
        // The page behind the URL exists and is in the locale's language.
        expect(pages[url.pathname.slice(1)], `${locale} ${field}`).toContain(`<html lang="${lang}">`);
        expect(url.pathname).toBe(`/${policyPath(kind, lang)}`);
      }
    }
    // Without URLs the placeholder of old cannot come back: the script refuses it.
    const bad = spawnSync(process.execPath, ['scripts/prepare-skill-package.mjs', dir, '--privacy', 'https://REPLACE-WITH-PUBLISHER-PRIVACY-POLICY-URL', '--terms', `${site}/t`], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });

  it('declares CanFulfill and APL, and ships real icons of the sizes Alexa asks for', () => {
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

/**
 * CanFulfillIntentRequest: YES only for what the skill does (its routines by name, its points, its techniques);
 * NO for generic requests, symptoms and conditions, and in-session answers (src/alexa/can-fulfill.ts cites Amazon).
 * Sent as Alexa sends them, without a session, the slots resolved against each locale's model.
 */
const CAN_FULFILL_WORDS: Record<string, { routine: string; condition: string[]; point: string; technique: string }> = {
  en: { routine: 'calming foot massage', condition: ['anxiety', 'anxiety massage', 'foot massage for anxiety', 'stress'], point: 'calm sleep', technique: 'pressing' },
  de: { routine: 'beruhigende fußmassage', condition: ['angst', 'stress', 'massage gegen angst', 'unruhe'], point: 'ruhiger schlaf', technique: 'pressing' },
  es: { routine: 'masaje relajante de pies', condition: ['ansiedad', 'estrés', 'masaje para la ansiedad', 'masaje antiestrés'], point: 'sueño tranquilo', technique: 'pressing' },
  fr: { routine: 'massage apaisant', condition: ['anxiété', 'stress', "massage pour l'anxiété", 'massage anti stress'], point: 'sommeil paisible', technique: 'pressing' },
};
/** The one slot value, per intent, that makes the request one the skill fulfils. */
const YES_INTENTS = ['StartRoutineIntent', 'StartAnkleRoutineIntent', 'StartHeelRoutineIntent', 'WherePointIntent', 'PointBenefitIntent', 'TechniqueIntent'];

describe.each(LOCALES)('certification: CanFulfillIntentRequest, %s', (locale) => {
  const words = CAN_FULFILL_WORDS[locale.split('-')[0]!]!;
  const lm = modelOf(locale).interactionModel.languageModel;
  const technique = lm.types.find((t) => t.name === 'TechniqueName')!.values[0]!.name.value;
  const ask = async (intent: string, slots: Record<string, string> = {}) => {
    const r = await skill.invoke(canFulfillRequest(intent, slots, { locale }));
    await expectValidResponse(r, { silent: true });
    return r.response.canFulfillIntent!;
  };
  const full: Record<string, Record<string, string>> = {
    StartRoutineIntent: { routine: words.routine }, WherePointIntent: { point: words.point },
    PointBenefitIntent: { point: words.point }, TechniqueIntent: { technique },
  };

  it('answers YES for its own routines, points and techniques, by name', async () => {
    for (const intent of YES_INTENTS) {
      const answer = await ask(intent, full[intent] ?? {});
      expect(answer.canFulfill, intent).toBe('YES');
      // Every slot sent is answered (an answer without slots would make the loop below check nothing).
      expect(Object.keys(answer.slots ?? {}).sort(), intent).toEqual(Object.keys(full[intent] ?? {}).sort());
      for (const [slot, value] of Object.entries(answer.slots ?? {})) expect(value, `${intent}.${slot}`).toEqual({ canUnderstand: 'YES', canFulfill: 'YES' });
    }
  });

  it('answers NO for every other intent of the model: generic, symptom, built-in and in-session ones', async () => {
    for (const intent of lm.intents.filter((i) => !YES_INTENTS.includes(i.name))) {
      const slots = Object.fromEntries((intent.slots ?? []).map((s) => [s.name, lm.types.find((t) => t.name === s.type)?.values[0]?.name.value ?? '3']));
      expect((await ask(intent.name, slots)).canFulfill, intent.name).toBe('NO');
    }
    for (const intent of ['ListRoutinesIntent', 'ResumeRoutineIntent', 'SymptomIntent', 'AMAZON.HelpIntent', 'AMAZON.ResumeIntent']) {
      expect((await ask(intent)).canFulfill, intent).toBe('NO');
    }
  });

  it('answers NO when the routine asked for is a condition, and for a routine or request it does not have', async () => {
    for (const condition of words.condition) {
      const answer = await ask('StartRoutineIntent', { routine: condition });
      expect(answer.canFulfill, condition).toBe('NO');
      expect(answer.slots?.routine?.canFulfill, condition).toBe('NO');
    }
    expect((await ask('StartRoutineIntent', { routine: 'gout' })).canFulfill).toBe('NO');
    expect((await ask('StartRoutineIntent')).canFulfill).toBe('NO');
    expect((await ask('WherePointIntent')).canFulfill).toBe('NO');
    expect((await ask('WherePointIntent', { point: 'flibber' })).canFulfill).toBe('MAYBE');
  });

  it('gives NO to exactly the routine words of the model that name a condition, YES to the others', () => {
    const type = lm.types.find((t) => t.name === 'RoutineName')!;
    const resolved = (id: string, value: string) => ({ value, resolutions: { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id } }] }] } });
    const no: string[] = [];
    for (const v of type.values) {
      for (const word of [v.name.value, ...(v.name.synonyms ?? [])]) {
        if (canFulfillIntent('StartRoutineIntent', { routine: resolved(v.id, word) }).canFulfill === 'NO') no.push(word);
      }
    }
    expect(no.sort()).toEqual([...words.condition].sort());
  });
});
