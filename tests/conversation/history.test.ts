/**
 * "How many times have I done this?" through the real skill and a DynamoDB-compatible server: sessions on two days
 * counted (once per session), answered idle, for a routine named, and mid-hold as a detour that keeps the place;
 * a first-timer's plain answer; "delete my data" erases the counts too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import deCommon from '../../locales/de/common.json';
import routines from '../../locales/en/routines.json';
import deRoutines from '../../locales/de/routines.json';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { CheckedConversation } from '../support/talk.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';
import { fill, upper } from '../support/words.js';

let db: LocalDynamo;
let store: DynamoDbPersistenceAdapter;
let user = 0;
const DAY = 86_400_000;
const DAY1 = Date.parse('2026-12-06T19:00:00Z');
/** A new session of one user on a day (its own conversation, so its own session). */
const sessionOf = (userId: string, startMs: number, locale = 'en-US') => new CheckedConversation({ store, envelope: { userId, startMs, locale } });
const newUser = () => `amzn1.ask.account.HISTORY${(user += 1)}`;

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 400, maxAttempts: 1 });
});
afterAll(async () => { await db.stop(); });

/** One session of the ankle routine: begun, a move, stopped. */
async function ankleSession(userId: string, startMs: number): Promise<void> {
  const c = sessionOf(userId, startMs);
  await c.say('start the ankle routine');
  await c.say('no');
  await c.say('skip this one', { afterMs: 10_000 });
  await c.say('start the ankle routine');
  expect((await c.say('stop', { afterMs: 5_000 })).ended).toBe(true);
}

describe('conversation: how many times have I done this', () => {
  it('counts two sessions on two days: twice, the last time today, two days in a row', async () => {
    const who = newUser();
    await ankleSession(who, DAY1);
    await ankleSession(who, DAY1 + DAY);
    const later = sessionOf(who, DAY1 + DAY + 3_600_000);
    const answer = await later.say('how many times have i done the ankle routine');
    expect(answer.text).toBe([
      fill(common.history.one, { name: routines.ankle.name, times: common.history.twice, when: common.history.today }),
      // The place kept from the last session is still there to go back to.
      fill(common.history.streak, { count: 2 }), common.point.backToRoutine,
    ].join(' '));
    // The next day, all routines: yesterday, and the run still counts until that day ends.
    const idle = await sessionOf(who, DAY1 + 2 * DAY).say('how many days in a row');
    expect(idle.text).toContain(fill(common.history.one, { name: routines.ankle.name, times: common.history.twice, when: common.history.yesterday }));
    expect(idle.text).toContain(fill(common.history.streak, { count: 2 }));
  });

  it('answers mid-hold in the routine\'s own terms, and the place is kept', async () => {
    const who = newUser();
    await ankleSession(who, DAY1);
    const c = sessionOf(who, DAY1 + DAY);
    await c.say('start the ankle routine');
    await c.say('skip this one', { afterMs: 10_000 });
    const asked = await c.say('how many times have i done this', { afterMs: 40_000 });
    expect(asked.text).toBe([
      fill(common.history.current, { name: routines.ankle.name, times: common.history.twice }), fill(common.history.streak, { count: 2 }), common.point.backToRoutine,
    ].join(' '));
    const resumed = await c.say('resume');
    expect(resumed.text).toMatch(new RegExp(`^${common.notes.resume}`));
    // The hold carries on where it was: the step asked about (Hill Ruins, after the skip) is the one pressed again.
    expect(resumed.text).toContain(routines.ankle.steps.gb40.title.split(' ')[1] as string);
  });

  it('gives a first-timer a plain answer, and forgets the counts with the rest of the data', async () => {
    const who = newUser();
    const first = sessionOf(who, DAY1);
    expect((await first.say('how many times have i done this')).text).toBe(`${common.history.none} ${common.helpReprompt}`);
    await ankleSession(who, DAY1);
    const c = sessionOf(who, DAY1 + DAY);
    expect((await c.say('when did i last do the heel routine')).text).toBe(`${fill(common.history.noneFor, { name: routines.heel.name })} ${common.point.backToRoutine}`);
    await c.say('delete my data');
    await c.say('yes');
    expect((await sessionOf(who, DAY1 + DAY + 60_000).say('how many times have i done this')).text).toBe(`${common.history.none} ${common.helpReprompt}`);
  });

  it('says it in German, with the date in words', async () => {
    const who = newUser();
    const c = sessionOf(who, DAY1, 'de-DE');
    await c.say('starte die knöchel routine');
    await c.say('nein');
    await c.say('stopp');
    const r = await sessionOf(who, DAY1 + 9 * DAY, 'de-DE').say('wie oft habe ich das schon gemacht');
    expect(r.text).toBe(`${upper(fill(deCommon.history.one, { name: deRoutines.ankle.name, times: deCommon.history.once, when: fill(deCommon.history.onDate, { date: '6. Dezember' }) }))} ${deCommon.point.backToRoutine}`);
  });
});
