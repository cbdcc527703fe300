import type { ResponseEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { expectValidResponse, expectValidSsml } from './response-checks.js';

const response = (ssml: string, extra: Record<string, unknown> = {}): ResponseEnvelope =>
  ({ version: '1.0', response: { outputSpeech: { type: 'SSML', ssml }, shouldEndSession: true, ...extra } }) as ResponseEnvelope;

describe('the response checks every test relies on', () => {
  it.each([
    ['an unescaped ampersand', '<speak>salt & pepper</speak>'],
    ['a break over 10 s', '<speak>hold<break time="11s"/></speak>'],
    ['six audio tags', `<speak>${'<audio src="soundbank://soundlibrary/a"/>'.repeat(6)}</speak>`],
    ['more than 240 s of audio', `<speak>${'<break time="10s"/>'.repeat(25)}</speak>`],
    ['an unknown tag', '<speak><blink>hi</blink></speak>'],
    ['no speak element', 'hello'],
  ])('reject %s', async (_, ssml) => {
    await expect(expectValidSsml(ssml)).rejects.toThrow();
  });

  it('rejects an open session without a reprompt', async () => {
    await expect(expectValidResponse(response('<speak>Hi</speak>', { shouldEndSession: false }))).rejects.toThrow();
  });

  it('rejects speech where silence is required, and silence where speech is', async () => {
    await expect(expectValidResponse(response('<speak>Hi</speak>'), { silent: true })).rejects.toThrow();
    await expect(expectValidResponse({ version: '1.0', response: {} } as ResponseEnvelope)).rejects.toThrow();
  });

  it('accepts a well-formed open response that asks something', async () => {
    await expectValidResponse(response('<speak>Hi. Which routine would you like?</speak>', { shouldEndSession: false, reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Well?</speak>' } } }));
  });

  it('rejects an open microphone whose speech asks nothing (a question only in the reprompt is not enough)', async () => {
    await expect(expectValidResponse(response('<speak>Hi.</speak>', { shouldEndSession: false, reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Well?</speak>' } } }))).rejects.toThrow();
  });

  it('accepts a screen\'s open session without the microphone only with a document on the screen', async () => {
    const doc = { directives: [{ type: 'Alexa.Presentation.APL.RenderDocument' }] };
    await expectValidResponse(response('<speak>Press now.</speak>', { shouldEndSession: undefined, ...doc }));
    await expect(expectValidResponse(response('<speak>Press now.</speak>', { shouldEndSession: undefined }))).rejects.toThrow();
  });
});
