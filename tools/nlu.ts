/**
 * A small stand-in for Alexa's speech understanding, driven by the real en-US interaction model:
 * sample utterances (with slots), slot-type values and synonyms, and common phrasings of built-ins.
 */
import model from '../skill-package/interactionModels/custom/en-US.json';
import { resolveValue } from './envelopes.js';

interface ModelIntent { name: string; slots?: { name: string; type: string }[]; samples: string[] }
const languageModel = model.interactionModel.languageModel as unknown as { invocationName: string; intents: ModelIntent[] };
const ingressPoints = (model.interactionModel as { _nameFreeInteraction?: { ingressPoints?: { type: string; name?: string; value: string }[] } })
  ._nameFreeInteraction?.ingressPoints ?? [];

export const INVOCATION_NAME = languageModel.invocationName;

/** Phrasings Alexa's built-in intents understand without samples of ours. */
const BUILT_IN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.HelpIntent': ['help', 'help me', 'what do i do', 'i need help'],
  'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'be quiet', 'exit', 'quit', 'goodbye'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
  'AMAZON.NextIntent': ['next', 'skip', 'skip this', 'move on'],
  'AMAZON.PreviousIntent': ['previous', 'back', 'go back', 'go back one'],
  'AMAZON.RepeatIntent': ['repeat', 'again', 'say that again', 'what did you say', 'say it again'],
  'AMAZON.PauseIntent': ['pause', 'stop for a moment'],
  'AMAZON.ResumeIntent': ['resume'],
  'AMAZON.StartOverIntent': ['start over', 'restart', 'begin again'],
  'AMAZON.YesIntent': ['yes', 'yep', 'yes i am', 'ok', 'okay', 'sure thing'],
  'AMAZON.NoIntent': ['no', 'no i am not', "no i'm not", 'nah'],
};

/** The intent name a launch resolves to (there is none: Alexa sends a LaunchRequest). */
export const LAUNCH = 'LaunchRequest';

export interface Resolution {
  readonly kind: 'launch' | 'intent';
  /** The intent name; {@link LAUNCH} when the utterance opens the skill. */
  readonly intent: string;
  readonly slots: Record<string, string>;
  /** "ask foot acupressure to …": a one-shot request that opens a new session. */
  readonly oneShot: boolean;
}

export function normaliseUtterance(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9'.\s-]/g, ' ').replace(/(^|\s)[.]+|[.]+(\s|$)/g, ' ').replace(/\s+/g, ' ').trim()
    .replace(/^alexa[, ]+/, '');
}

interface Matcher { intent: string; regex: RegExp; slotNames: string[]; slotTypes: string[]; literalLength: number }

const matchers: Matcher[] = languageModel.intents.flatMap((intent) => {
  const samples = [...intent.samples, ...(BUILT_IN_PHRASES[intent.name] ?? [])];
  return samples.map((sample) => {
    const slotNames = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    let index = 0;
    const pattern = normaliseUtterance(sample.replace(/\{\w+\}/g, () => ` zzslot${index++}zz `))
      .split(/(zzslot\d+zz)/)
      .map((part) => (/^zzslot\d+zz$/.test(part) ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    const slotTypes = slotNames.map((n) => intent.slots?.find((s) => s.name === n)?.type ?? '');
    return { intent: intent.name, regex: new RegExp(`^${pattern}$`), slotNames, slotTypes, literalLength: sample.replace(/\{\w+\}/g, '').trim().length };
  });
});

/** Resolves an utterance to an intent and slot values, as Alexa would for this model. Unmatched speech is FallbackIntent. */
export function resolveUtterance(text: string): Resolution {
  let utterance = normaliseUtterance(text);
  const name = INVOCATION_NAME;
  const nameFreeLaunch = ingressPoints.some((p) => p.type === 'LAUNCH' && normaliseUtterance(p.value) === utterance);
  if (nameFreeLaunch || new RegExp(`^(open|launch|start|begin|talk to|play) ${name}$`).test(utterance)) return { kind: 'launch', intent: LAUNCH, slots: {}, oneShot: false };
  let oneShot = false;
  const m = new RegExp(`^(ask|tell|use) ${name}(?: (to |for |about |if |whether |how |where )?(.*))?$`).exec(utterance);
  if (m) {
    oneShot = true;
    utterance = `${m[2] && ['how ', 'where '].includes(m[2]) ? m[2] : ''}${m[3] ?? ''}`.trim();
    if (!utterance) return { kind: 'launch', intent: LAUNCH, slots: {}, oneShot: false };
  }
  let best: { score: number; intent: string; slots: Record<string, string> } | undefined;
  for (const matcher of matchers) {
    const hit = matcher.regex.exec(utterance);
    if (!hit) continue;
    const slots: Record<string, string> = {};
    let resolved = 0;
    matcher.slotNames.forEach((slotName, i) => {
      const value = (hit[i + 1] ?? '').trim();
      slots[slotName] = value;
      if (resolveValue(matcher.slotTypes[i] as string, value)) resolved += 1;
    });
    // A sample that is little more than a slot only counts when the slot is a known value.
    if (matcher.slotNames.length && resolved === 0 && matcher.literalLength < 4) continue;
    const score = (matcher.slotNames.length === 0 ? 1000 : 0) + resolved * 100 + matcher.literalLength;
    if (!best || score > best.score) best = { score, intent: matcher.intent, slots };
  }
  if (!best) return { kind: 'intent', intent: 'AMAZON.FallbackIntent', slots: {}, oneShot };
  return { kind: 'intent', intent: best.intent, slots: best.slots, oneShot };
}
