/** When the store is read and written: once per session, and only when what outlives the session changed. */
import type { RecordStore } from '../../src/alexa/persistence/record-store.js';
import common from '../../locales/en/common.json';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/alexa/persistence/errors.js';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { CheckedConversation } from '../support/talk.js';

function counting(): { store: { records(): RecordStore }; calls: string[] } {
  const inner = new MemoryPersistenceAdapter().records();
  const calls: string[] = [];
  const records: RecordStore = {
    read: (id) => { calls.push('get'); return inner.read(id); },
    write: (id, state, rev, expect) => { calls.push('save'); return inner.write(id, state, rev, expect); },
    erase: (id, tombstone) => { calls.push('delete'); return inner.erase(id, tombstone); },
  };
  return { calls, store: { records: () => records } };
}

describe('persistence sync', () => {
  it('reads once per session, and saves only when the persisted view changed', async () => {
    const { store, calls } = counting();
    const c = new CheckedConversation({ store });
    await c.say('help');
    expect(calls).toEqual(['get']);
    await c.say('what routines are there');
    expect(calls).toEqual(['get']);
    await c.say('use long holds');
    expect(calls).toEqual(['get', 'save']);
    // Said again, it is the user's choice again (it must win over another device's change meanwhile): saved.
    await c.say('use long holds');
    expect(calls).toEqual(['get', 'save', 'save']);
    await c.say('delete my data'); // a pending question is session-only: nothing to save
    expect(calls).toEqual(['get', 'save', 'save']);
  });

  it('saves the place when the session ends, and reads it in the next session', async () => {
    const { store, calls } = counting();
    const c = new CheckedConversation({ store });
    await c.say('start the ball release');
    const saves = calls.filter((x) => x === 'save').length;
    expect(saves).toBe(1);
    // Ended while a hold was well under way: the place moved on since the start was saved, so it is saved again.
    c.wait(120_000);
    await c.sessionEnded();
    expect(calls.filter((x) => x === 'save')).toHaveLength(2);
    const again = await c.say('open foot acupressure');
    expect(calls.filter((x) => x === 'get')).toHaveLength(2);
    expect(again.text).toContain('Would you like to pick up where you left off?');
  });
});

describe('persistence sync: the same user on two devices, through the whole skill', () => {
  const user = (n: string) => ({ userId: `amzn1.ask.account.DEVICES${n}` });
  const stateOf = (store: MemoryPersistenceAdapter, id: string) => (store.items[id]?.attributes as { state?: Record<string, unknown> } | undefined)?.state;

  /** Two devices of one user on one store. */
  const twoDevices = (n: string) => {
    const store = new MemoryPersistenceAdapter();
    const envelope = user(n);
    return { store, envelope, a: new CheckedConversation({ store, envelope }), b: new CheckedConversation({ store, envelope }) };
  };

  it('keeps both devices\' changes, and the pregnancy choice said last (the review\'s scripted run)', async () => {
    const { store, envelope, a, b } = twoDevices('A');
    await a.say('open foot acupressure');
    await b.say('open foot acupressure');
    await a.say('make the holds shorter');
    await b.say('turn off the chimes');
    await a.say('start the heel routine');
    await a.say('no');
    await b.say('I\'m pregnant');
    await b.say('yes'); // "Shall I remember that for next time?"
    await b.say('stop');
    await a.say('pause');
    expect(stateOf(store, envelope.userId)).toMatchObject({ prefs: { holdLength: 'short', chimes: false }, leaveOut: true, progress: { routineId: 'heel' } });
  });

  it('"delete my data" on one device is not undone by the other device\'s next turn', async () => {
    const { store, envelope, a, b } = twoDevices('B');
    await b.say('make the holds longer');
    await b.say('start the heel routine');
    await b.say('yes');
    await b.say('no'); // "Shall I remember that for next time?": the routine begins, so B has a place to resume
    expect((await b.say('pause', { afterMs: 30_000 })).text).toBe(common.paused);
    await a.say('delete my data');
    await a.say('yes');
    await b.say('turn off the chimes'); // a real change after the erasure, which must not bring the record back
    await b.say('stop');
    expect(store.items[envelope.userId]).toEqual({ id: envelope.userId, deletedAt: expect.any(Number), expiresAt: expect.any(Number) });
    expect((await new CheckedConversation({ store, envelope }).say('open foot acupressure')).text).not.toMatch(/pick up where you left off/);
  });
});

describe('persistence sync: one brief store error', () => {
  it('does not stop the "stop" in the next minute from saving the place', async () => {
    const inner = new MemoryPersistenceAdapter();
    let failNext = false;
    const records = inner.records();
    const failing: RecordStore = {
      read: (id) => records.read(id),
      write: (id, state, rev, expect) => {
        if (failNext) { failNext = false; return Promise.reject(new StoreUnavailableError('PutItem: 400 ThrottlingException')); }
        return records.write(id, state, rev, expect);
      },
      erase: (id, tombstone) => records.erase(id, tombstone),
    };
    const store = { records: () => failing };
    const envelope = { userId: 'amzn1.ask.account.THROTTLED' };
    const c = new CheckedConversation({ store, envelope });
    await c.say('start the ball release');
    failNext = true;
    await c.say('make the holds shorter', { afterMs: 20_000 }); // throttled: the store is left alone for a minute
    await c.say('stop', { afterMs: 20_000 });
    expect((inner.items[envelope.userId]?.attributes as { state?: unknown }).state).toMatchObject({ prefs: { holdLength: 'short' }, progress: { routineId: 'ballRelease' } });
  });
});
