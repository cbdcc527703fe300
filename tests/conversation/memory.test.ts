import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import { saysAny } from '../support/wordings.js';
import routines from '../../locales/en/routines.json';
import { STORE_RETRY_AFTER_MS } from '../../src/alexa/store-session.js';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { logged } from '../support/outcomes.js';
import { CheckedConversation } from '../support/talk.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';
import { fill, upper } from '../support/words.js';


let db: LocalDynamo;
let store: DynamoDbPersistenceAdapter;
let user = 0;
/** Each test is a different user, so tests share the server but not data. */
const newUser = () => ({ store, envelope: { userId: `amzn1.ask.account.MEMORY${(user += 1)}` } });

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 400, maxAttempts: 1 });
});
afterAll(async () => { await db.stop(); });

describe('conversation: memory across sessions (real DynamoDB-compatible server)', () => {
  it('offers to resume tomorrow where the user stopped tonight', async () => {
    const who = newUser();
    const tonight = new CheckedConversation(who);
    await tonight.say('open foot acupressure');
    await tonight.say('start the heel routine');
    await tonight.say('no');
    await tonight.say('next');
    expect((await tonight.say('stop', { afterMs: 5_000 })).ended).toBe(true);

    const tomorrow = new CheckedConversation(who);
    const offer = await tomorrow.say('open foot acupressure');
    const [before, after] = common.offerResume.split('{{title}}') as [string, string];
    expect(offer.text.startsWith(fill(before, { name: routines.heel.name }))).toBe(true);
    expect(offer.text.endsWith(after)).toBe(true);
    const resumed = await tomorrow.say('yes');
    expect(resumed.text).toMatch(new RegExp(`^${common.notes.resume}`));
    expect(resumed.text).not.toContain(fill(common.askPregnancy, { name: routines.heel.name }));
  });

  it('resumes as a one-shot, and starts fresh when the offer is declined', async () => {
    const who = newUser();
    const first = new CheckedConversation(who);
    expect((await first.say('start the ankle routine')).text).toBe(fill(common.askPregnancy, { name: routines.ankle.name }));
    // A first routine started without the launch greeting still carries the disclaimer, once.
    expect((await first.say('no')).text).toMatch(new RegExp(`^${common.disclaimer.slice(0, 30)}`));
    await first.sessionEnded('EXCEEDED_MAX_REPROMPTS');
    const oneShot = await new CheckedConversation(who).say('ask foot acupressure to continue my routine');
    expect(oneShot.text).toMatch(new RegExp(`^${common.notes.resume}`));
    await new CheckedConversation(who).say('stop');

    const later = new CheckedConversation(who);
    expect((await later.say('open foot acupressure')).text).toContain(common.offerResume.split('{{title}}')[1] as string);
    expect((await later.say('no')).text).toBe(`${common.freshStart} ${common.offer}`);
    await later.say('stop');
    expect((await new CheckedConversation(who).say('open foot acupressure')).text).toContain(common.welcomeBack);
  });

  it('carries on with next after the session expired at a boundary', async () => {
    const who = newUser();
    const first = new CheckedConversation(who);
    await first.say('start the ankle routine');
    await first.say('no');
    await first.sessionEnded('EXCEEDED_MAX_REPROMPTS');
    const r = await new CheckedConversation(who).intent('AMAZON.NextIntent');
    expect(r.request.session?.new).toBe(true);
    expect(r.text).toMatch(new RegExp(`^${common.notes.resume}`));
  });

  it('remembers hold length, chimes, pace and the disclaimer, and applies them to the pacing', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    expect((await c.say('open foot acupressure')).text).toContain(common.disclaimer);
    expect((await c.say('make the holds shorter')).text).toBe(`${common.prefs.holdLength_short} ${common.prefs.reprompt}`);
    expect((await c.say('turn off the chimes')).text).toBe(`${common.prefs.chimes_off} ${common.prefs.reprompt}`);
    expect((await c.say('slower')).text).toBe(`${common.prefs.pace_slow} ${common.prefs.reprompt}`);
    await c.say('stop');

    const next = new CheckedConversation(who);
    const welcome = await next.say('open foot acupressure');
    expect(welcome.text).not.toContain(common.disclaimer);
    const hold = await next.say('start the ball release');
    expect(hold.ssml).not.toContain('<audio');
    expect(hold.ssml).toContain('<prosody rate="85%">');
    expect(saysAny(hold.text, cues.oneMinuteLeft)).toBe(true);
  });

  it('keeps a choice to leave the points out only for the session unless the user agrees to keep it', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    await c.say('start the ankle routine');
    expect((await c.say('yes')).text).toBe(common.askRemember);
    await c.say('no');
    await c.say('stop', { afterMs: 20_000 });
    const saved = await store.getAttributes(c.replies.at(-1)!.request);
    expect(saved.state).not.toHaveProperty('leaveOut');
    expect(saved.state).not.toHaveProperty('keepChoice');
    expect((await new CheckedConversation(who).say('ask foot acupressure to start the heel routine')).text).toBe(fill(common.askPregnancy, { name: routines.heel.name }));
  });

  it('remembers the leave-out choice (not a health status) when the user agrees, and asks again only when told', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    await c.say('start the ankle routine');
    await c.say('yes');
    expect((await c.say('yes')).text).toContain(common.remembered);
    await c.say('stop', { afterMs: 20_000 });
    const saved = await store.getAttributes(c.replies.at(-1)!.request);
    expect(saved.state).toMatchObject({ leaveOut: true });
    expect(JSON.stringify(saved)).not.toMatch(/pregnan/i);
    const later = new CheckedConversation(who);
    expect((await later.say('ask foot acupressure to start the heel routine')).text).toContain('leave out 3 steps');
    expect((await later.say('forget that')).text).toMatch(new RegExp(`^${common.choice.forgotten}`));
    expect((await later.say('start the heel routine')).text).toBe(fill(common.askPregnancy, { name: routines.heel.name }));
  });

  it('erases everything after a confirmation', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    await c.say('make the holds longer');
    await c.say('start the heel routine');
    await c.say('yes');
    expect((await c.say('delete my data', { afterMs: 5_000 })).text).toBe(common.confirmDelete);
    expect((await c.say('no')).text).toBe(common.deleteDeclined);
    await c.say('delete my data');
    const erased = await c.say('yes');
    expect(erased.text).toBe(`${common.deleted} ${common.goodbye}`);
    expect(await store.getAttributes((await new CheckedConversation(who).say('help')).request)).toEqual({});
    expect((await new CheckedConversation(who).say('open foot acupressure')).text).toContain(common.disclaimer);
  });
});

describe('conversation: a saved pace', () => {
  it('holds from the first answer of the next session, a one-shot start included', async () => {
    const who = newUser();
    const before = new CheckedConversation(who);
    await before.say('slower');
    await before.say('stop');
    const launch = await new CheckedConversation(who).say('open foot acupressure');
    expect(launch.ssml).toContain('<prosody rate="85%">');
    const oneShot = await new CheckedConversation(who).say('ask foot acupressure to start the heel routine');
    expect(oneShot.ssml).toContain('<prosody rate="85%">');
  });
});

describe('conversation: the store goes down', () => {
  beforeEach(async () => { await db.restart(); });

  it('keeps working from the session, logs a warning without user ids, leaves the store alone, and saves once it is back', async () => {
    const who = newUser();
    await logged(async (lines) => {
      const c = new CheckedConversation(who);
      await c.say('open foot acupressure');
      await c.say('start the ankle routine');
      await db.stop();
      const during = await c.say('no');
      expect(during.text).toContain(upper(routines.ankle.steps.ki6.title));
      expect(lines.some((l) => l.includes('"level":"warn","event":"store.save_failed"'))).toBe(true);
      expect(lines.every((l) => !l.includes('amzn1.ask.account'))).toBe(true);
      // The next turn comes sooner than the retry pause: the store is left alone, no more delays.
      const failures = lines.filter((l) => l.includes('store.')).length;
      await c.say('where is it', { afterMs: 20_000 });
      expect(lines.filter((l) => l.includes('store.')).length).toBe(failures);

      await db.restart();
      c.wait(STORE_RETRY_AFTER_MS);
      const back = await c.say('resume');
      const saved = await store.getAttributes(back.request);
      expect(saved.state).toMatchObject({ progress: { routineId: 'ankle' }, leaveOut: false });
    });
  });

  it('says so at launch when saved settings cannot be read, and carries on', async () => {
    const who = newUser();
    await db.stop();
    const c = new CheckedConversation(who);
    const r = await c.say('open foot acupressure');
    expect(r.text).toMatch(new RegExp(`^${common.storeUnavailable}`));
    expect((await c.say('start the ball release')).text).toContain('golf ball');
  });

  it('store down at launch → the session ends while the store is left alone, after it is back → the saved routine and settings survive', async () => {
    const who = newUser();
    const before = new CheckedConversation(who);
    await before.say('make the holds longer');
    await before.say('start the ankle routine');
    await before.say('no');
    const stopped = await before.say('stop', { afterMs: 60_000 });
    const record = await store.getAttributes(stopped.request);
    expect(record.state).toMatchObject({ prefs: { holdLength: 'long' }, progress: { routineId: 'ankle' } });
    await db.stop();
    const c = new CheckedConversation(who);
    expect((await c.say('open foot acupressure')).text).toMatch(new RegExp(`^${common.storeUnavailable}`));
    await db.restart();
    await store.saveAttributes(stopped.request, record); // the server comes back with the old record
    const ended = await c.sessionEnded();
    // The session changed nothing the user chose: the record is read before it is written, and keeps all of it.
    expect((await store.getAttributes(ended.request)).state).toMatchObject({ prefs: { holdLength: 'long' }, progress: { routineId: 'ankle' }, disclaimed: true });
  });

  it('store down at launch → the user changes a setting → the store is back → the session\'s value wins', async () => {
    const who = newUser();
    // Saved earlier: long holds.
    const before = new CheckedConversation(who);
    await before.say('make the holds longer');
    const stopped = await before.say('stop');
    const record = await store.getAttributes(stopped.request);
    expect(record.state).toMatchObject({ prefs: { holdLength: 'long' } });
    await db.stop();
    const c = new CheckedConversation(who);
    expect((await c.say('open foot acupressure')).text).toMatch(new RegExp(`^${common.storeUnavailable}`));
    await c.say('make the holds shorter');
    await db.restart();
    await store.saveAttributes(stopped.request, record); // the server comes back with the old record
    c.wait(STORE_RETRY_AFTER_MS);
    const r = await c.say('start the ball release');
    // Short ball holds: 3 minutes a foot, so "one minute to go" comes within the first answer.
    expect(saysAny(r.text, cues.oneMinuteLeft)).toBe(true);
    const saved = await store.getAttributes(r.request);
    expect(saved.state).toMatchObject({ prefs: { holdLength: 'short' } });
    // What the session did not change comes from the record: the disclaimer was heard in both.
    expect(saved.state).toMatchObject({ disclaimed: true });
  });
});
