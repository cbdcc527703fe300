/**
 * Requests that are not conversation turns, shaped as in Amazon's documented examples, with the store
 * configured against a real DynamoDB-compatible server: sessionless requests never touch it.
 */
import type { RecordStore } from '../../src/alexa/persistence/record-store.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { createSkill } from '../../src/skill.js';
import { canFulfillRequest, intentRequest, launchRequest, rawRequest, TEST_SKILL_ID, TEST_USER_ID } from '../../tools/envelopes.js';
import { logged } from '../support/outcomes.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';
import { expectValidResponse } from '../support/response-checks.js';

afterEach(() => { vi.restoreAllMocks(); process.env.LOG_LEVEL = 'silent'; });

let db: LocalDynamo;
let calls: string[];
let store: { records(): RecordStore };
beforeAll(async () => {
  db = await startDynalite();
  const real = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS }).records();
  calls = [];
  const counted: RecordStore = {
    read: (id) => { calls.push('get'); return real.read(id); },
    write: (id, state, rev, expect) => { calls.push('save'); return real.write(id, state, rev, expect); },
    erase: (id, tombstone) => { calls.push('delete'); return real.erase(id, tombstone); },
  };
  store = { records: () => counted };
});
afterAll(async () => { await db.stop(); });

describe('request log', () => {
  it('writes one structured line per request, without user or device ids', async () => {
    const skill = createSkill();
    const lines = await logged(async () => {
      await skill.invoke(launchRequest());
      await skill.invoke(intentRequest('WherePointIntent', { point: 'calm sleep' }, { locale: 'en-GB' }));
    });
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ level: 'info', requestType: 'LaunchRequest', locale: 'en-US', outcome: 'welcome' });
    expect(requests[1]).toMatchObject({ requestType: 'IntentRequest', intent: 'WherePointIntent', locale: 'en-GB', outcome: 'point' });
    expect(typeof requests[0]!.durationMs).toBe('number');
    expect(lines.join('')).not.toContain(TEST_USER_ID);
    expect(lines.join('')).not.toContain('amzn1.ask.device');
  });

  it('logs a rejected request from another skill, and refuses it', async () => {
    const lines = await logged(() => expect(createSkill({ skillId: TEST_SKILL_ID }).invoke(launchRequest({ skillId: 'amzn1.ask.skill.other' }))).rejects.toThrow());
    expect(lines.some((l) => l.includes('"event":"request.rejected"'))).toBe(true);
  });
});

describe('sessionless requests, with the store configured (dynalite)', () => {
  const skill = () => createSkill({ store: store, skillId: TEST_SKILL_ID });

  it('CanFulfillIntentRequest, without a session, answers canFulfillIntent with no speech, no state and no store call', async () => {
    calls.length = 0;
    const envelope = canFulfillRequest('WherePointIntent', { point: 'calm sleep' });
    expect(envelope.session).toBeUndefined();
    const yes = await skill().invoke(envelope);
    await expectValidResponse(yes, { silent: true });
    expect(yes.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: { point: { canUnderstand: 'YES', canFulfill: 'YES' } } });
    expect(yes.sessionAttributes).toBeUndefined();
    expect(calls).toEqual([]);
    const maybe = await skill().invoke(canFulfillRequest('WherePointIntent', { point: 'flibber' }));
    expect(maybe.response.canFulfillIntent?.canFulfill).toBe('MAYBE');
    const no = await skill().invoke(canFulfillRequest('AMAZON.HelpIntent'));
    expect(no.response.canFulfillIntent?.canFulfill).toBe('NO');
    const start = await skill().invoke(canFulfillRequest('StartAnkleRoutineIntent'));
    expect(start.response.canFulfillIntent?.canFulfill).toBe('YES');
    expect(calls).toEqual([]);
  });

  it.each([
    ['AudioPlayer.PlaybackStarted', { token: 't', offsetInMilliseconds: 0 }],
    ['AudioPlayer.PlaybackFailed', { token: 't', error: { type: 'MEDIA_ERROR_UNKNOWN', message: 'x' } }],
    ['PlaybackController.PlayCommandIssued', {}],
    ['System.ExceptionEncountered', { error: { type: 'INVALID_RESPONSE', message: 'x' }, cause: { requestId: 'r' } }],
  ])('%s, without a session and about no stream of ours, gets an empty response and never reaches the store', async (type, fields) => {
    calls.length = 0;
    const envelope = rawRequest(type, fields);
    expect(envelope.session).toBeUndefined();
    const r = await skill().invoke(envelope);
    await expectValidResponse(r, { silent: true });
    expect(r.response).toEqual({});
    expect(calls).toEqual([]);
  });

  it.each(['Alexa.Presentation.APL.UserEvent', 'Connections.Response'])('%s in a session gets a clear spoken line', async (type) => {
    const r = await createSkill().invoke(rawRequest(type, {}, { sessionAttributes: {} }));
    await expectValidResponse(r);
  });
});
