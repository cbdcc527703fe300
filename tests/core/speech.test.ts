import { describe, expect, it } from 'vitest';
import { MAX_BREAK_MS, MAX_SSML_CHARS } from '../../src/core/limits.js';
import { breaks, escapeSsml, estimateTextMs, pause, phoneme, renderSsml, SPEECH_RATES, speechRateFor, SsmlLimitError, text } from '../../src/core/speech.js';
import { breaksOf } from '../../tools/ssml.js';
import { expectValidSsml } from '../support/response-checks.js';

const en = SPEECH_RATES.en!;

describe('escapeSsml', () => {
  it.each([
    ['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&apos;'],
  ])('escapes %s as %s', (raw, escaped) => {
    expect(escapeSsml(`a${raw}b`)).toBe(`a${escaped}b`);
  });

  it('escapes exactly once, so a literal entity is spoken as written', () => {
    expect(escapeSsml('&amp;')).toBe('&amp;amp;');
    expect(escapeSsml("it's <5> & \"done\"")).toBe('it&apos;s &lt;5&gt; &amp; &quot;done&quot;');
  });
});

describe('breaks', () => {
  it.each([
    [0, ''],
    [500, '<break time="500ms"/>'],
    [10_000, '<break time="10s"/>'],
    [12_500, '<break time="10s"/><break time="2500ms"/>'],
    [60_000, '<break time="10s"/>'.repeat(6)],
  ])('splits %i ms into breaks of at most 10 s', (ms, expected) => {
    expect(breaks(ms)).toBe(expected);
  });

  it('never emits a break above the platform maximum and keeps the total', () => {
    for (const ms of [1, 999, 10_001, 123_456, 239_999]) {
      const tags = breaksOf(breaks(ms));
      expect(tags.every((t) => t <= MAX_BREAK_MS)).toBe(true);
      expect(tags.reduce((a, b) => a + b, 0)).toBe(ms);
    }
  });
});

describe('renderSsml', () => {
  it('joins words, pauses, chimes and phonemes into well-formed SSML', async () => {
    const ssml = renderSsml([
      text("Press now & don't stop."), pause(25_000),
      { kind: 'audio', src: 'soundbank://soundlibrary/musical/amzn_sfx_bell_short_chime_01', ms: 1500 },
      text('Its name is'), phoneme('Zhaohai', 'ˈd͡ʒaʊˌhaɪ'), text('.'),
    ]);
    expect(ssml).toContain('Press now &amp; don&apos;t stop.<break time="10s"/><break time="10s"/><break time="5s"/>');
    // The full stop closes the sentence after the phoneme, not inside it (content review).
    expect(ssml).toContain('Its name is <phoneme alphabet="ipa" ph="ˈd͡ʒaʊˌhaɪ">Zhaohai</phoneme>.');
    await expectValidSsml(`<speak>${ssml}</speak>`);
  });

  it('wraps the speech in one prosody tag for a slower pace, and a slower rate is estimated longer', async () => {
    const ssml = renderSsml([text('Press now.'), pause(2000)], { ratePercent: 85 });
    expect(ssml).toBe('<prosody rate="85%">Press now.<break time="2s"/></prosody>');
    await expectValidSsml(`<speak>${ssml}</speak>`);
    expect(estimateTextMs('Press now.', speechRateFor('en-GB', 85))).toBeGreaterThan(estimateTextMs('Press now.', speechRateFor('en-GB')));
    expect(speechRateFor('de-DE')).toBe(SPEECH_RATES.de);
  });

  it('refuses more than five audio tags', () => {
    const chime = { kind: 'audio', src: 'soundbank://x', ms: 1 } as const;
    expect(() => renderSsml(Array(6).fill(chime))).toThrow(SsmlLimitError);
  });

  it('refuses output over the size limit', () => {
    expect(() => renderSsml([text('word '.repeat(MAX_SSML_CHARS / 5))])).toThrow(SsmlLimitError);
  });
});

describe('estimateTextMs', () => {
  it('counts words, sentence ends and commas at the locale rate', () => {
    expect(estimateTextMs('Press now.', en)).toBe(2 * en.msPerWord + en.msPerSentenceEnd);
    expect(estimateTextMs('Release, and switch.', en)).toBe(3 * en.msPerWord + en.msPerSentenceEnd + en.msPerComma);
    expect(estimateTextMs('', en)).toBe(0);
  });
});

describe('estimateTextMs edge cases', () => {
  it.each([
    ['Press now.', 2, 1, 0], ['Press... now', 2, 1, 0], ['Rest, and say next.', 4, 1, 1], ['K.I. 6', 2, 1, 0],
    ["It's — here: now!", 3, 1, 2], ['  spaced   out  ', 2, 0, 0], ['- - -', 0, 0, 0], ['What? Yes.', 2, 2, 0],
  ])('"%s" has %i words, %i sentence ends, %i commas', (text, words, ends, commas) => {
    expect(estimateTextMs(text, en)).toBe(words * en.msPerWord + ends * en.msPerSentenceEnd + commas * en.msPerComma);
  });
});
