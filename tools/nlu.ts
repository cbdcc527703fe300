/**
 * A small stand-in for Alexa's speech understanding, driven by the real interaction model of a locale:
 * sample utterances (with slots), slot-type values and synonyms, and common phrasings of built-ins.
 */
import { resolveValue } from './envelopes.js';
import { modelOf } from './models.js';

/** Phrasings Alexa's built-in intents understand without samples of ours, per language. */
const BUILT_IN_PHRASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    'AMAZON.HelpIntent': ['help', 'help me', 'what do i do', 'i need help'],
    'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'be quiet', 'exit', 'quit', 'goodbye'],
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
    'AMAZON.NavigateHomeIntent': ['go home', 'home'],
    'AMAZON.NextIntent': ['next', 'skip', 'move on'],
    'AMAZON.PreviousIntent': ['previous', 'back', 'go back one'],
    'AMAZON.RepeatIntent': ['repeat', 'again', 'what did you say'],
    'AMAZON.PauseIntent': ['pause', 'stop for a moment'],
    'AMAZON.ResumeIntent': ['resume'],
    'AMAZON.StartOverIntent': ['start over', 'restart', 'begin again'],
    'AMAZON.YesIntent': ['yes', 'yep', 'yes i am', 'ok', 'okay', 'sure thing', 'yes please leave them out'],
    'AMAZON.NoIntent': ['no', 'no i am not', "no i'm not", 'nah', 'no keep them in'],
  },
  de: {
    'AMAZON.HelpIntent': ['hilfe', 'hilf mir'], 'AMAZON.StopIntent': ['stopp', 'stop', 'beenden', 'tschüss', 'aufhören'],
    'AMAZON.CancelIntent': ['abbrechen', 'vergiss es'], 'AMAZON.NavigateHomeIntent': ['startseite'],
    'AMAZON.NextIntent': ['weiter', 'nächster', 'als nächstes'], 'AMAZON.PreviousIntent': ['zurück'],
    'AMAZON.RepeatIntent': ['wiederholen', 'noch einmal', 'nochmal'], 'AMAZON.PauseIntent': ['pause', 'pausieren'],
    'AMAZON.ResumeIntent': ['fortsetzen', 'weitermachen'], 'AMAZON.StartOverIntent': ['von vorne', 'neu starten'],
    'AMAZON.YesIntent': ['ja', 'ja bitte', 'genau'], 'AMAZON.NoIntent': ['nein', 'nein danke'],
  },
  es: {
    'AMAZON.HelpIntent': ['ayuda', 'ayúdame'], 'AMAZON.StopIntent': ['para', 'parar', 'detente', 'adiós', 'salir'],
    'AMAZON.CancelIntent': ['cancela', 'cancelar', 'olvídalo'], 'AMAZON.NavigateHomeIntent': ['inicio'],
    'AMAZON.NextIntent': ['siguiente', 'adelante'], 'AMAZON.PreviousIntent': ['anterior', 'atrás'],
    'AMAZON.RepeatIntent': ['repite', 'repetir', 'otra vez'], 'AMAZON.PauseIntent': ['pausa', 'pausar'],
    'AMAZON.ResumeIntent': ['reanuda', 'continúa'], 'AMAZON.StartOverIntent': ['empieza de nuevo', 'desde el principio'],
    'AMAZON.YesIntent': ['sí', 'si', 'vale', 'claro'], 'AMAZON.NoIntent': ['no', 'no gracias'],
  },
  fr: {
    'AMAZON.HelpIntent': ['aide', 'aide moi'], 'AMAZON.StopIntent': ['stop', 'arrête', 'au revoir', 'quitter'],
    'AMAZON.CancelIntent': ['annule', 'annuler'], 'AMAZON.NavigateHomeIntent': ['accueil'],
    'AMAZON.NextIntent': ['suivant', 'continuer'], 'AMAZON.PreviousIntent': ['précédent', 'retour'],
    'AMAZON.RepeatIntent': ['répète', 'répéter', 'encore'], 'AMAZON.PauseIntent': ['pause'],
    'AMAZON.ResumeIntent': ['reprends', 'reprendre'], 'AMAZON.StartOverIntent': ['recommence', 'depuis le début'],
    'AMAZON.YesIntent': ['oui', "d'accord", 'oui merci'], 'AMAZON.NoIntent': ['non', 'non merci'],
  },
};

/** How each language opens a skill and asks it something in one go ("ask X to …"). */
const INVOCATION_FORMS: Readonly<Record<string, { readonly open: string; readonly oneShot: string }>> = {
  en: { open: '(?:open|launch|start|begin|talk to|play)', oneShot: '(?:ask|tell|use) NAME(?: (?:to |for |about |if |whether )?(.*))?' },
  de: { open: '(?:öffne|starte|öffnen|starten)', oneShot: '(?:frag|frage|sag|sage|bitte) NAME(?:,? (?:nach |ob |dass )?(.*))?' },
  es: { open: '(?:abre|abrir|inicia|empieza)', oneShot: '(?:pide a|pregunta a|dile a|pídele a) NAME(?: (?:que |por |si )?(.*))?' },
  fr: { open: '(?:ouvre|lance|démarre)', oneShot: '(?:demande à|demande a|dis à) NAME(?: (?:de |d\'|si )?(.*))?' },
};

export const LAUNCH = 'LaunchRequest';

export interface Resolution {
  readonly kind: 'launch' | 'intent';
  /** The intent name; {@link LAUNCH} when the utterance opens the skill. */
  readonly intent: string;
  readonly slots: Record<string, string>;
  /** "ask foot acupressure to …": a one-shot request that opens a new session. */
  readonly oneShot: boolean;
}

export const invocationName = (locale = 'en-US'): string => modelOf(locale).interactionModel.languageModel.invocationName;

export function normaliseUtterance(text: string): string {
  return text.toLocaleLowerCase().replace(/-/g, ' ').replace(/[^\p{L}\p{N}'.\s]/gu, ' ').replace(/(^|\s)[.]+|[.]+(\s|$)/g, ' ').replace(/\s+/g, ' ').trim()
    .replace(/^alexa[, ]+/, '');
}

/** The words for "please" that end a sample (scripts/polite-samples.mjs). */
const POLITE = /\b(please|bitte|por favor)$|s'il (te|vous) plaît$/u;

interface Matcher { intent: string; regex: RegExp; slotNames: string[]; slotTypes: string[]; literalLength: number }

const matcherCache = new Map<string, Matcher[]>();
function matchers(locale: string): Matcher[] {
  let list = matcherCache.get(locale);
  if (list) return list;
  const builtIns = BUILT_IN_PHRASES[locale.split('-')[0] as string] ?? {};
  list = modelOf(locale).interactionModel.languageModel.intents.flatMap((intent) => {
    const samples = [...intent.samples, ...(builtIns[intent.name] ?? [])];
    return samples.map((sample) => {
      const slotNames = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      let index = 0;
      const pattern = normaliseUtterance(sample.replace(/\{\w+\}/g, () => ` zzslot${index++}zz `))
        .split(/(zzslot\d+zz)/)
        .map((part) => (/^zzslot\d+zz$/.test(part) ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      const slotTypes = slotNames.map((n) => intent.slots?.find((s) => s.name === n)?.type ?? '');
      // "Please" is politeness, not evidence: "{routine} please" is as little more than a slot as "{routine}".
      const literal = sample.replace(/\{\w+\}/g, '').replace(POLITE, '').trim();
      return { intent: intent.name, regex: new RegExp(`^${pattern}$`, 'u'), slotNames, slotTypes, literalLength: literal.length };
    });
  });
  matcherCache.set(locale, list);
  return list;
}

/** Resolves an utterance to an intent and slot values, as Alexa would for this locale's model. Unmatched speech is FallbackIntent. */
export function resolveUtterance(text: string, locale = 'en-US'): Resolution {
  let utterance = normaliseUtterance(text);
  const model = modelOf(locale).interactionModel;
  const name = normaliseUtterance(model.languageModel.invocationName);
  const forms = INVOCATION_FORMS[locale.split('-')[0] as string] ?? (INVOCATION_FORMS.en as { open: string; oneShot: string });
  const nameFreeLaunch = (model._nameFreeInteraction?.ingressPoints ?? []).some((p) => p.type === 'LAUNCH' && p.sampleUtterances.some((u) => normaliseUtterance(u.value) === utterance));
  if (nameFreeLaunch || new RegExp(`^${forms.open} ${name}$`, 'u').test(utterance)) return { kind: 'launch', intent: LAUNCH, slots: {}, oneShot: false };
  let oneShot = false;
  const m = new RegExp(`^${forms.oneShot.replace('NAME', name)}$`, 'u').exec(utterance);
  if (m) {
    oneShot = true;
    utterance = (m[1] ?? '').trim();
    if (!utterance) return { kind: 'launch', intent: LAUNCH, slots: {}, oneShot: false };
  }
  let best: { score: number; intent: string; slots: Record<string, string> } | undefined;
  for (const matcher of matchers(locale)) {
    const hit = matcher.regex.exec(utterance);
    if (!hit) continue;
    const slots: Record<string, string> = {};
    let resolved = 0;
    matcher.slotNames.forEach((slotName, i) => {
      const value = (hit[i + 1] ?? '').trim();
      slots[slotName] = value;
      if (resolveValue(matcher.slotTypes[i] as string, value, locale)) resolved += 1;
    });
    // A sample that is little more than a slot only counts when the slot is a known value.
    if (matcher.slotNames.length && resolved === 0 && matcher.literalLength < 4) continue;
    const score = (matcher.slotNames.length === 0 ? 1000 : 0) + resolved * 100 + matcher.literalLength;
    if (!best || score > best.score) best = { score, intent: matcher.intent, slots };
  }
  if (!best) return { kind: 'intent', intent: 'AMAZON.FallbackIntent', slots: {}, oneShot };
  return { kind: 'intent', intent: best.intent, slots: best.slots, oneShot };
}

/**
 * Every sample of a locale's model with its slots filled in by every value and synonym of the slot's type
 * (lower-cased, spaces collapsed, nothing else changed), and the intents each one belongs to. This is what a
 * certification reviewer compares example phrases with, and what tells whether one utterance can reach two intents.
 */
export function expandedSamples(locale = 'en-US'): ReadonlyMap<string, ReadonlySet<string>> {
  const lm = modelOf(locale).interactionModel.languageModel;
  const words = new Map(lm.types.map((t) => [t.name, t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])])]));
  const owners = new Map<string, Set<string>>();
  for (const intent of lm.intents) {
    for (const sample of intent.samples) {
      let forms = [sample];
      for (const [slot, slotName] of sample.matchAll(/\{(\w+)\}/g)) {
        const type = intent.slots?.find((s) => s.name === slotName)?.type ?? '';
        // A built-in slot type (AMAZON.NUMBER…) has no values here: it stays a placeholder.
        const values = words.get(type) ?? [slot];
        forms = forms.flatMap((form) => values.map((value) => form.replace(slot, value)));
      }
      for (const form of forms) {
        const key = form.toLocaleLowerCase(locale).replace(/\s+/g, ' ').trim();
        owners.set(key, (owners.get(key) ?? new Set()).add(intent.name));
      }
    }
  }
  return owners;
}

/**
 * How an example phrase may open, per language: the wake word, a launch phrase or a question word, the
 * invocation name and a connecting word (Amazon's list:
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/understanding-how-users-invoke-custom-skills.html).
 */
const EXAMPLE_FORMS: Readonly<Record<string, { readonly open: string; readonly oneShot: string }>> = {
  en: { open: '(?:open|launch|start)', oneShot: '(?:ask|tell) NAME (?:to |for |about |if |whether )?' },
  de: { open: '(?:öffne|starte)', oneShot: '(?:frag|sag) NAME,? (?:nach |ob |dass )?' },
  es: { open: '(?:abre|inicia)', oneShot: '(?:pide a|pregunta a|dile a) NAME (?:que |por |si )?' },
  fr: { open: '(?:ouvre|lance)', oneShot: '(?:demande à|dis à) NAME (?:de |d\'|si )?' },
};

/**
 * An example phrase split the way certification reads it: `launch` when it only opens the skill, otherwise
 * the words after the wake word, the invocation and its connecting word, exactly as written (only lower-cased).
 * Undefined when the phrase does not start with "Alexa, " and the invocation name.
 */
export function examplePhraseRequest(phrase: string, locale = 'en-US'): { launch: true } | { launch: false; words: string } | undefined {
  const forms = EXAMPLE_FORMS[locale.split('-')[0] as string]!;
  const name = invocationName(locale).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lower = phrase.toLocaleLowerCase(locale);
  if (new RegExp(`^alexa, ${forms.open} ${name}$`, 'u').test(lower)) return { launch: true };
  const m = new RegExp(`^alexa, ${forms.oneShot.replace('NAME', name)}(.+)$`, 'u').exec(lower);
  return m ? { launch: false, words: m[1] as string } : undefined;
}
