/** SSML read back as text, for tests, the simulator and the benchmark: the one place that parses our SSML. */
import { estimateTextMs, speechRateFor } from '../src/core/speech.js';
import { CUE_CHIME } from '../src/core/sounds.js';

const TAG = /(<[^>]+>)/;
const BREAK = /^<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*\/>$/;

/** Durations of every `<break>` in SSML, in ms, in order. */
export function breaksOf(ssml: string): number[] {
  return ssml.split(TAG).flatMap((token) => {
    const m = BREAK.exec(token);
    return m ? [Number(m[1]) * (m[2] === 's' ? 1000 : 1)] : [];
  });
}

/** Sum of the `<break time>` durations in SSML, in ms. */
export const pausesMsOf = (ssml: string): number => breaksOf(ssml).reduce((a, b) => a + b, 0);

export const audioTagsOf = (ssml: string): number => (ssml.match(/<audio /g) ?? []).length;

const unescapeXml = (text: string): string =>
  text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** SSML → readable text: breaks folded into [pause Ns], chimes into [chime]. */
export function ssmlToText(ssml: string): string {
  let out = '';
  let pending = 0;
  const flush = () => { if (pending) out += ` [pause ${Math.round(pending / 100) / 10}s] `; pending = 0; };
  for (const token of ssml.replace(/<\/?speak>/g, '').split(TAG)) {
    const br = BREAK.exec(token);
    if (br) { pending += Number(br[1]) * (br[2] === 's' ? 1000 : 1); continue; }
    if (token.startsWith('<audio')) { flush(); out += ' [chime] '; continue; }
    if (token.startsWith('<')) continue;
    if (token.trim()) { flush(); out += token; }
  }
  flush();
  return unescapeXml(out).replace(/\s+([.,?!])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** SSML → plain text: every tag dropped (breaks and audio included), entities unescaped. */
export function stripSsml(ssml: string): string {
  return unescapeXml(ssml.replace(/<[^>]*>/g, ' ')).replace(/\s+([.,?!])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Estimated duration of an SSML string: words at the locale's rate (and prosody), plus breaks and chimes, in ms. */
export function estimateSsmlMs(ssml: string, locale = 'en-US'): number {
  const prosody = /<prosody rate="(\d+)%">/.exec(ssml);
  const rate = speechRateFor(locale, prosody ? Number(prosody[1]) : 100);
  const words = unescapeXml(ssml.replace(/<[^>]+>/g, ' ')).replace(/\s+([.,?!])/g, '$1');
  return pausesMsOf(ssml) + audioTagsOf(ssml) * CUE_CHIME.ms + estimateTextMs(words, rate);
}

/** The SSML of an outputSpeech (`response.outputSpeech`, a reprompt's), or undefined when it is not SSML. */
export function ssmlOf(speech: unknown): string | undefined {
  return speech && typeof speech === 'object' && 'ssml' in speech ? String((speech as { ssml: unknown }).ssml) : undefined;
}

/** What a response says, as text ('' when it says nothing). */
export const speechTextOf = (envelope: { response: { outputSpeech?: unknown } }): string => stripSsml(ssmlOf(envelope.response.outputSpeech) ?? '');
