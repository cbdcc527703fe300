import { afterEach, describe, expect, it, vi } from 'vitest';
import { logOutput } from '../../src/alexa/log.js';
import { buildSkill } from '../../src/skill.js';
import { intentRequest, launchRequest, rawRequest, TEST_SKILL_ID, TEST_USER_ID } from '../../tools/envelopes.js';
import { expectValidResponse } from '../support/response-checks.js';

afterEach(() => { vi.restoreAllMocks(); process.env.LOG_LEVEL = 'silent'; });

describe('request log', () => {
  it('writes one structured line per request, without user or device ids', async () => {
    process.env.LOG_LEVEL = 'info';
    const lines: string[] = [];
    vi.spyOn(logOutput, 'write').mockImplementation((_fd, text) => { lines.push(text); });
    const skill = buildSkill().create();
    await skill.invoke(launchRequest());
    await skill.invoke(intentRequest('WherePointIntent', { point: 'calm sleep' }, { locale: 'en-GB' }));
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ level: 'info', requestType: 'LaunchRequest', locale: 'en-US', outcome: 'ok' });
    expect(requests[1]).toMatchObject({ requestType: 'IntentRequest', intent: 'WherePointIntent', locale: 'en-GB' });
    expect(typeof requests[0]!.durationMs).toBe('number');
    expect(lines.join('')).not.toContain(TEST_USER_ID);
    expect(lines.join('')).not.toContain('amzn1.ask.device');
  });

  it('logs a rejected request from another skill', async () => {
    process.env.LOG_LEVEL = 'info';
    const lines: string[] = [];
    vi.spyOn(logOutput, 'write').mockImplementation((_fd, text) => { lines.push(text); });
    const { invokeSkill } = await import('../../src/skill.js');
    await expect(invokeSkill(buildSkill({ skillId: TEST_SKILL_ID }).create(), launchRequest({ skillId: 'amzn1.ask.skill.other' }))).rejects.toThrow();
    expect(lines.some((l) => l.includes('"event":"request.rejected"'))).toBe(true);
  });
});

describe('requests that are not conversation turns', () => {
  const skill = buildSkill().create();

  it('answers CanFulfillIntentRequest without speaking', async () => {
    const yes = await skill.invoke(rawRequest('CanFulfillIntentRequest', { intent: { name: 'WherePointIntent', slots: { point: { name: 'point', value: 'calm sleep', resolutions: { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' } }] } } } } }));
    await expectValidResponse(yes, { silent: true });
    expect(yes.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: { point: { canUnderstand: 'YES', canFulfill: 'YES' } } });
    const maybe = await skill.invoke(rawRequest('CanFulfillIntentRequest', { intent: { name: 'WherePointIntent', slots: { point: { name: 'point', value: 'flibber' } } } }));
    expect(maybe.response.canFulfillIntent?.canFulfill).toBe('MAYBE');
    const no = await skill.invoke(rawRequest('CanFulfillIntentRequest', { intent: { name: 'OrderPizzaIntent' } }));
    expect(no.response.canFulfillIntent?.canFulfill).toBe('NO');
  });

  it.each(['AudioPlayer.PlaybackStarted', 'PlaybackController.PlayCommandIssued', 'System.ExceptionEncountered'])('acknowledges %s silently', async (type) => {
    await expectValidResponse(await skill.invoke(rawRequest(type, {})), { silent: true });
  });

  it.each(['Alexa.Presentation.APL.UserEvent', 'Connections.Response'])('answers %s with a clear spoken line', async (type) => {
    const r = await skill.invoke(rawRequest(type, {}, { sessionAttributes: {} }));
    await expectValidResponse(r);
  });
});
