import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import common from '../../locales/en-US/common.json';
import cues from '../../locales/en-US/cues.json';
import { logOutput } from '../../src/alexa/log.js';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { CheckedConversation } from '../support/talk.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';

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
    await tonight.say('next');
    expect((await tonight.say('stop')).ended).toBe(true);

    const tomorrow = new CheckedConversation(who);
    const offer = await tomorrow.say('open foot acupressure');
    expect(offer.text).toBe('Last time you stopped during the heel routine, at The pair K.I. 1 and L.V. 3. Would you like to pick up where you left off?');
    const resumed = await tomorrow.say('yes');
    expect(resumed.text).toMatch(/^Picking up where you left off\. The pair K\.I\. 1 and L\.V\. 3\./);
    expect(resumed.text).not.toContain(common.askPregnancy);
  });

  it('resumes as a one-shot, and starts fresh when the offer is declined', async () => {
    const who = newUser();
    const first = new CheckedConversation(who);
    expect((await first.say('start the ankle routine')).text).toBe(common.askPregnancy);
    // A first routine started without the launch greeting still carries the disclaimer, once.
    expect((await first.say('no')).text).toMatch(new RegExp(`^${common.disclaimer}`));
    await first.say('next');
    await first.sessionEnded('EXCEEDED_MAX_REPROMPTS');
    const oneShot = await new CheckedConversation(who).say('ask foot acupressure to continue my routine');
    expect(oneShot.text).toMatch(/^Picking up where you left off\. The Hill Ruins point/);
    await new CheckedConversation(who).say('stop');

    const later = new CheckedConversation(who);
    expect((await later.say('open foot acupressure')).text).toContain('Would you like to pick up where you left off?');
    expect((await later.say('no')).text).toBe(`${common.freshStart} ${common.offer}`);
    await later.say('stop');
    expect((await new CheckedConversation(who).say('open foot acupressure')).text).toContain(common.welcomeBack);
  });

  it('carries on with next after the session expired mid-routine', async () => {
    const who = newUser();
    const first = new CheckedConversation(who);
    await first.say('start the ankle routine');
    await first.say('no');
    await first.sessionEnded('EXCEEDED_MAX_REPROMPTS');
    const later = new CheckedConversation(who);
    const r = await later.intent('AMAZON.NextIntent');
    expect(r.request.session?.new).toBe(true);
    expect(r.text).toContain('The Hill Ruins point, G.B. 40');
  });

  it('remembers hold length, chimes and the disclaimer, and applies them to the pacing', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    expect((await c.say('open foot acupressure')).text).toContain(common.disclaimer);
    expect((await c.say('make the holds shorter')).text).toBe(common.prefs.holdLength_short);
    expect((await c.say('turn off the chimes')).text).toBe(common.prefs.chimes_off);
    await c.say('stop');

    const next = new CheckedConversation(who);
    const welcome = await next.say('open foot acupressure');
    expect(welcome.text).not.toContain(common.disclaimer);
    const hold = await next.say('start the ball release');
    expect(hold.ssml).not.toContain('<audio');
    // Short ball holds are 3 minutes a foot: the first response carries the whole first foot.
    expect(hold.text).toContain(cues.oneMinuteLeft);
    expect(hold.text).toMatch(/Release\. Now the other foot\./);
  });

  it('remembers the pregnancy answer and asks again only when told', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    await c.say('start the ankle routine');
    await c.say('yes');
    await c.say('stop');
    const later = new CheckedConversation(who);
    expect((await later.say('ask foot acupressure to start the heel routine')).text).toContain('leave out 3 steps');
    expect((await later.say("I'm not pregnant anymore")).text).toBe(common.settingsReset);
    expect((await later.say('start the heel routine')).text).toBe(common.askPregnancy);
  });

  it('erases everything after a confirmation', async () => {
    const who = newUser();
    const c = new CheckedConversation(who);
    await c.say('make the holds longer');
    await c.say('start the heel routine');
    await c.say('yes');
    expect((await c.say('delete my data')).text).toBe(common.confirmDelete);
    expect((await c.say('no')).text).toBe(common.deleteDeclined);
    await c.say('delete my data');
    const erased = await c.say('yes');
    expect(erased.text).toBe(`${common.deleted} ${common.goodbye}`);
    expect(await store.getAttributes((await new CheckedConversation(who).say('help')).request)).toEqual({});
    expect((await new CheckedConversation(who).say('open foot acupressure')).text).toContain(common.disclaimer);
  });
});

describe('conversation: the store goes down mid-conversation', () => {
  beforeEach(async () => { await db.restart(); });

  it('keeps working from the session, logs a warning, and saves once the store is back', async () => {
    const who = newUser();
    const warn = vi.spyOn(logOutput, 'write').mockImplementation(() => undefined);
    process.env.LOG_LEVEL = 'warn';
    try {
      const c = new CheckedConversation(who);
      await c.say('open foot acupressure');
      await c.say('start the ankle routine');
      await db.stop();
      const during = await c.say('no');
      expect(during.text).toContain('The Shining Sea point');
      const next = await c.say('next');
      expect(next.text).toContain('The Hill Ruins point');
      expect(warn.mock.calls.some(([fd, line]) => fd === 2 && String(line).includes('"level":"warn","event":"store.save_failed"'))).toBe(true);
      expect(warn.mock.calls.every(([, line]) => !String(line).includes('amzn1.ask.account'))).toBe(true);

      await db.restart();
      await c.say('next');
      const saved = await store.getAttributes(next.request);
      expect(saved.state).toMatchObject({ progress: { routineId: 'ankle', stepIndex: 1, segmentIndex: 1 }, pregnant: false });
    } finally {
      warn.mockRestore();
      process.env.LOG_LEVEL = 'silent';
    }
  });

  it('says so at launch when saved settings cannot be read, and carries on', async () => {
    const who = newUser();
    await db.stop();
    const c = new CheckedConversation(who);
    const r = await c.say('open foot acupressure');
    expect(r.text).toMatch(new RegExp(`^${common.storeUnavailable}`));
    expect((await c.say('start the ball release')).text).toContain('golf ball');
  });
});
