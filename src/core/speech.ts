import { MAX_AUDIO_TAGS, MAX_BREAK_MS, MAX_SSML_CHARS } from './limits.js';

/**
 * Speech stays data until the edge: a readonly list of parts.
 * Only {@link renderSsml} writes markup.
 */
export type SpeechPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pause'; readonly ms: number }
  | { readonly kind: 'audio'; readonly src: string; readonly ms: number }
  /** A word with an IPA pronunciation (pinyin names). */
  | { readonly kind: 'phoneme'; readonly text: string; readonly ipa: string };

export type Speech = readonly SpeechPart[];

export const text = (value: string): SpeechPart => ({ kind: 'text', text: value });
export const pause = (ms: number): SpeechPart => ({ kind: 'pause', ms: Math.max(0, Math.round(ms)) });
export const phoneme = (value: string, ipa: string): SpeechPart => ({ kind: 'phoneme', text: value, ipa });

/** How fast a locale's voice speaks, for estimating durations. */
export interface SpeechRate {
  /** Average duration of one spoken word, in ms. */
  readonly msPerWord: number;
  /** Extra pause the voice makes after a sentence (., ?, !), in ms. */
  readonly msPerSentenceEnd: number;
  /** Extra pause the voice makes at a comma, colon or semicolon, in ms. */
  readonly msPerComma: number;
}

/**
 * Per-locale speaking rates. Alexa's default voice speaks around 150–160 words a minute;
 * these are estimates (Amazon publishes none), kept in one place.
 */
export const SPEECH_RATES: Readonly<Record<string, SpeechRate>> = {
  en: { msPerWord: 380, msPerSentenceEnd: 350, msPerComma: 150 },
  // Estimates from the translators' counts of our own texts (syllables and letters per word against English).
  de: { msPerWord: 450, msPerSentenceEnd: 380, msPerComma: 160 },
  es: { msPerWord: 400, msPerSentenceEnd: 380, msPerComma: 160 },
  fr: { msPerWord: 400, msPerSentenceEnd: 400, msPerComma: 180 },
};

/** The rate of a locale (en-GB → en), at a `<prosody rate>` percentage: slower speech takes longer. */
export function speechRateFor(locale: string, ratePercent = 100): SpeechRate {
  const base = SPEECH_RATES[locale] ?? SPEECH_RATES[locale.split('-')[0] ?? ''] ?? (SPEECH_RATES.en as SpeechRate);
  if (ratePercent === 100) return base;
  const f = 100 / ratePercent;
  return { msPerWord: Math.round(base.msPerWord * f), msPerSentenceEnd: Math.round(base.msPerSentenceEnd * f), msPerComma: Math.round(base.msPerComma * f) };
}

/**
 * Estimated spoken duration of a text, in ms.
 * @example estimateTextMs('Press now.', SPEECH_RATES['en-US']) // 2 * 380 + 350 = 1110
 */
export function estimateTextMs(value: string, rate: SpeechRate): number {
  // One pass over the characters (no regular expressions: they cost time to build on a cold start).
  let words = 0;
  let sentenceEnds = 0;
  let commas = 0;
  let inWord = false;
  let wordHasLetters = false;
  for (let i = 0; i <= value.length; i += 1) {
    const c = value[i] ?? ' ';
    if (c === ' ' || c === '\n' || c === '\t') {
      if (inWord && wordHasLetters) words += 1;
      inWord = false;
      wordHasLetters = false;
      continue;
    }
    inWord = true;
    if (c === '.' || c === '?' || c === '!') {
      const after = value[i + 1];
      if (after === undefined || after === ' ' || after === '\n') sentenceEnds += 1;
    } else if (c === ',' || c === ';' || c === ':' || c === '—') commas += 1;
    else if (c !== "'" && c !== '"' && c !== '(' && c !== ')' && c !== '-' && c !== '–') wordHasLetters = true;
  }
  return words * rate.msPerWord + sentenceEnds * rate.msPerSentenceEnd + commas * rate.msPerComma;
}

/** Estimated duration of speech parts, in ms. */
export function estimateMs(parts: Speech, rate: SpeechRate): number {
  let total = 0;
  for (const part of parts) {
    switch (part.kind) {
      case 'text': total += estimateTextMs(part.text, rate); break;
      case 'phoneme': total += estimateTextMs(part.text, rate); break;
      case 'pause': total += part.ms; break;
      case 'audio': total += part.ms; break;
    }
  }
  return total;
}

/** Escapes text for SSML, exactly once, in a single pass: `&`, `<`, `>`, `"`, `'`. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeSsml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Splits a silence into `<break>` tags of at most {@link MAX_BREAK_MS}. */
export function breaks(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  let out = '';
  while (rest > 0) {
    const chunk = Math.min(rest, MAX_BREAK_MS);
    out += chunk % 1000 === 0 ? `<break time="${chunk / 1000}s"/>` : `<break time="${chunk}ms"/>`;
    rest -= chunk;
  }
  return out;
}

export class SsmlLimitError extends Error {}

/**
 * Renders parts to inner SSML (without `<speak>`). Text is escaped exactly once.
 * Adjacent text parts are joined with a space.
 * @throws SsmlLimitError when the result would exceed the platform's size or audio-tag limits.
 * @example renderSsml([text('Press'), pause(12_000)]) // 'Press<break time="10s"/><break time="2s"/>'
 */
export function renderSsml(parts: Speech, opts: { readonly ratePercent?: number } = {}): string {
  let out = '';
  let audioTags = 0;
  let lastWasWords = false;
  for (const part of parts) {
    switch (part.kind) {
      case 'text': {
        const value = part.text.trim();
        if (!value) break;
        const punctuation = value === '.' || value === ',' || value === '?' || value === '!';
        out += (lastWasWords && !punctuation ? ' ' : '') + escapeSsml(value);
        lastWasWords = true;
        break;
      }
      case 'phoneme':
        out += `${lastWasWords ? ' ' : ''}<phoneme alphabet="ipa" ph="${escapeSsml(part.ipa)}">${escapeSsml(part.text)}</phoneme>`;
        lastWasWords = true;
        break;
      case 'pause':
        out += breaks(part.ms);
        lastWasWords = false;
        break;
      case 'audio':
        out += `<audio src="${escapeSsml(part.src)}"/>`;
        audioTags += 1;
        lastWasWords = false;
        break;
    }
  }
  if (audioTags > MAX_AUDIO_TAGS) throw new SsmlLimitError(`${audioTags} audio tags`);
  if (opts.ratePercent !== undefined && opts.ratePercent !== 100 && out) out = `<prosody rate="${Math.round(opts.ratePercent)}%">${out}</prosody>`;
  if (out.length + '<speak></speak>'.length >= MAX_SSML_CHARS) {
    throw new SsmlLimitError(`${out.length} SSML characters`);
  }
  return out;
}
