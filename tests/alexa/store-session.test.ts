/**
 * The user's record across sessions and devices (src/alexa/store-session.ts) against a real
 * DynamoDB-compatible server (dynalite) through the skill's own DynamoDB client: concurrent sessions of one
 * user, erasure, other versions, attributes we do not know, and what a save reports.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { DynamoJsonClient } from '../../src/alexa/persistence/dynamo-http.js';
import { marshallRecord, unmarshallRecord } from '../../src/alexa/persistence/attribute-value.js';
import {
  eraseForUser, loadForSession, noteChanges, readStoreMeta, saveForSession, STORE_RETRY_AFTER_MS, TOMBSTONE_TTL_S, type RecordStore, type StoreMeta,
} from '../../src/alexa/store-session.js';
import { HOLD_LENGTHS, ROUTINE_IDS, type RoutineId } from '../../src/core/content/types.js';
import { getRoutine } from '../../src/core/content/routines.js';
import { touchedBy } from '../../src/core/state-merge.js';
import { parseStoredState } from '../../src/core/state-parse.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import { PACES, type Preferences } from '../../src/core/timeline.js';
import { countSession, dayOf } from '../../src/core/stats.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';
import v1 from '../support/fixtures/record-v1.json';

let db: LocalDynamo;
let store: RecordStore;
/** Writes refused because the other session wrote first (each one re-read and merged). */
let conflicts = 0;
let raw: DynamoJsonClient;
let users = 0;
const newUser = () => `amzn1.ask.account.SESSION${(users += 1)}`;
const T0 = Date.UTC(2026, 11, 7, 12);

beforeAll(async () => {
  db = await startDynalite();
  const dynamo = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 1_000, maxAttempts: 1 }).records();
  store = { ...dynamo, write: async (...args) => { const ok = await dynamo.write(...args); if (!ok) conflicts += 1; return ok; } };
  raw = new DynamoJsonClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS, attemptTimeoutMs: 2_000, maxAttempts: 1 });
});
afterAll(async () => { await db.stop(); });

/** The item as the table holds it, as plain values. */
async function itemOf(id: string): Promise<Record<string, unknown> | undefined> {
  const out = await raw.call('GetItem', { TableName: db.tableName, Key: { id: { S: id } }, ConsistentRead: true });
  return out.Item ? unmarshallRecord(out.Item) : undefined;
}
async function putItem(id: string, item: Record<string, unknown>): Promise<void> {
  await raw.call('PutItem', { TableName: db.tableName, Item: { id: { S: id }, ...marshallRecord(item) } });
}
async function storedState(id: string): Promise<SkillState> {
  const read = parseStoredState(((await itemOf(id))?.attributes as Record<string, unknown> | undefined)?.state);
  if (read.kind !== 'current') throw new Error(`no current state: ${read.kind}`);
  return read.state;
}

/** One device's session, driven as the turn function drives it. */
class Session {
  state: SkillState = INITIAL_STATE;
  meta: StoreMeta | undefined;
  constructor(readonly user: string, readonly backend: RecordStore = store) {}

  async open(nowMs: number): Promise<{ down: boolean }> {
    const r = await loadForSession(this.backend, this.user, this.state, this.meta, nowMs);
    this.state = r.state;
    this.meta = r.meta;
    return { down: r.down };
  }

  /** One request: the change, noted, and the save of its end. */
  async turn(change: (s: SkillState) => SkillState, nowMs: number, opts: { ending?: boolean; touched?: Parameters<typeof noteChanges>[3] } = {}) {
    await this.open(nowMs);
    const after = change(this.state);
    this.meta = noteChanges(this.meta!, this.state, after, opts.touched);
    const r = await saveForSession(this.backend, this.user, after, this.meta, nowMs, { ending: opts.ending ?? false });
    this.state = r.state;
    this.meta = r.meta;
    return r;
  }

  end(nowMs: number) { return this.turn((s) => s, nowMs, { ending: true }); }
}

const setPref = <K extends keyof Preferences>(key: K, value: Preferences[K]) => (s: SkillState): SkillState => ({ ...s, prefs: { ...s.prefs, [key]: value } });
/** The user's leave-out choice; a choice to leave the points out is the consented one (kept beyond the session). */
const setLeaveOut = (value: boolean | undefined) => (s: SkillState): SkillState => {
  const { leaveOut: _l, ...rest } = s;
  return value === undefined ? rest : { ...rest, leaveOut: value, ...(value ? { keepChoice: true } : {}) };
};

describe('two sessions of one user, interleaved at random (fast-check)', () => {
  const PREF_OPTIONS: { [K in keyof Preferences]: readonly Preferences[K][] } = {
    holdLength: HOLD_LENGTHS, chimes: [true, false], countdown: [true, false], pace: PACES, waitBetweenSteps: [true, false], audio: [true, false],
  };
  type Field = keyof Preferences | 'leaveOut' | 'progress' | 'heard' | 'count';
  const FIELDS: Field[] = [...(Object.keys(PREF_OPTIONS) as (keyof Preferences)[]), 'leaveOut', 'progress', 'heard', 'count'];
  const step = fc.record({
    who: fc.constantFrom(0, 1),
    op: fc.constantFrom('change', 'change', 'change', 'quiet', 'end'),
    // The leave-out choice more often than the others: both devices choosing it is the case that matters most.
    // A routine session counted (once per routine per session) as often: two devices' counts must add up.
    field: fc.constantFrom<Field>(...FIELDS, 'leaveOut', 'leaveOut', 'leaveOut', 'leaveOut', 'count', 'count', 'count'),
    pick: fc.nat(1_000),
  });

  it('loses no change: each field ends as the last change made to it (a leave-out choice both made: true; counts add up)', async () => {
    let runs = 0;
    let changes = 0;
    let lost = 0;
    /** Routine sessions counted, across all runs. */
    let counted = 0;
    /** Leave-out choices made while the other device's choice was unseen. */
    let bothChose = 0;
    conflicts = 0;
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 24 }), async (steps) => {
      runs += 1;
      const user = newUser();
      const sessions: (Session | undefined)[] = [undefined, undefined];
      // The expected record, and what each session last saw of the leave-out choice.
      const expected: { prefs: Preferences; leaveOut?: boolean; progress?: SkillState['progress']; heard: Set<RoutineId>; counts: Map<RoutineId, { count: number; last: string }> } = {
        prefs: { ...INITIAL_STATE.prefs }, heard: new Set(), counts: new Map(),
      };
      const seen: (boolean | undefined)[] = [undefined, undefined];
      let now = T0;
      let made = 0;
      const sessionOf = async (who: number): Promise<Session> => {
        if (!sessions[who]) {
          const s = new Session(user);
          await s.open((now += 1_000));
          sessions[who] = s;
          seen[who] = expected.leaveOut;
        }
        return sessions[who];
      };
      for (const { who, op, field, pick } of steps) {
        now += 1_000;
        if (op === 'end') {
          const s = sessions[who];
          if (s) expect((await s.end(now)).result).toBe('unchanged'); // every change was saved in its turn
          sessions[who] = undefined;
          continue;
        }
        const s = await sessionOf(who);
        if (op === 'quiet') {
          expect((await s.turn((x) => x, now)).result).toBe('unchanged');
          continue;
        }
        let change: (x: SkillState) => SkillState;
        if (field === 'leaveOut') {
          const value = ([true, false, undefined] as const).filter((v) => v !== s.state.leaveOut)[pick % 2];
          change = setLeaveOut(value);
          const concurrent = seen[who] !== expected.leaveOut;
          if (concurrent) bothChose += 1;
          if (concurrent && (value === true || expected.leaveOut === true)) expected.leaveOut = true;
          else expected.leaveOut = value;
        } else if (field === 'progress') {
          const routineId = ROUTINE_IDS[pick % ROUTINE_IDS.length]!;
          const progress = { routineId, at: { stepIndex: pick % getRoutine(routineId).steps.length, atMs: (now - T0) % 600_000 }, paused: true };
          change = (x) => ({ ...x, progress });
          expected.progress = progress;
        } else if (field === 'heard') {
          const left = ROUTINE_IDS.filter((r) => !s.state.heard?.includes(r));
          if (left.length === 0) continue;
          const routineId = left[pick % left.length]!;
          change = (x) => ({ ...x, heard: [...(x.heard ?? []), routineId] });
          expected.heard.add(routineId);
        } else if (field === 'count') {
          // As the reducer counts: once per routine per session, on a day that may be a later one (a session across midnight).
          const routineId = ROUTINE_IDS[pick % ROUTINE_IDS.length]!;
          if (s.state.counted?.includes(routineId)) continue;
          const day = dayOf(now + (pick % 3) * 86_400_000)!;
          change = (x) => ({ ...x, stats: countSession(x.stats, routineId, day), counted: [...(x.counted ?? []), routineId] });
          const was = expected.counts.get(routineId);
          expected.counts.set(routineId, { count: (was?.count ?? 0) + 1, last: was && was.last > day ? was.last : day });
          counted += 1;
        } else {
          const options = (PREF_OPTIONS[field] as readonly unknown[]).filter((v) => v !== s.state.prefs[field]);
          const value = options[pick % options.length] as never;
          change = setPref(field, value);
          (expected.prefs as unknown as Record<string, unknown>)[field] = value;
        }
        made += 1;
        expect((await s.turn(change, now)).result).toBe('saved');
        // A save leaves the session in step with the record.
        seen[who] = expected.leaveOut;
      }
      for (const s of sessions) if (s) await s.end((now += 1_000));
      changes += made;
      if (made === 0) return;
      const record = await storedState(user);
      const lostHere = [
        ...(Object.keys(expected.prefs) as (keyof Preferences)[]).map((k) => record.prefs[k] !== expected.prefs[k]),
        record.leaveOut !== expected.leaveOut,
        JSON.stringify(record.progress) !== JSON.stringify(expected.progress),
        [...expected.heard].some((r) => !record.heard?.includes(r)),
        ...ROUTINE_IDS.map((r) => JSON.stringify(record.stats?.routines[r]) !== JSON.stringify(expected.counts.get(r))),
      ].filter(Boolean).length;
      lost += lostHere;
      expect({ record: { ...record, heard: [...(record.heard ?? [])].sort() } }).toEqual({
        record: expect.objectContaining({ prefs: expected.prefs, heard: [...expected.heard].sort() }),
      });
      expect(lostHere).toBe(0);
    }), { numRuns: 300, seed: 19 });
    console.log(`interleavings: ${runs}, changes: ${changes}, lost: ${lost}, routine sessions counted: ${counted}`);
    console.log(`(writes refused on a stale revision, then merged: ${conflicts}; leave-out choices made by both devices: ${bothChose})`);
    expect(conflicts).toBeGreaterThan(100);
    expect(bothChose).toBeGreaterThan(20);
    expect(runs).toBeGreaterThanOrEqual(300);
    expect(changes).toBeGreaterThan(1_000);
    expect(counted).toBeGreaterThan(250);
    expect(lost).toBe(0);
  }, 300_000);

  it('the scripted run of the review: the pregnancy choice said last is not reverted by the other device', async () => {
    const user = newUser();
    const a = new Session(user);
    const b = new Session(user);
    await a.open(T0);
    await b.open(T0 + 1_000);
    await a.turn(setPref('holdLength', 'short'), T0 + 2_000);
    await b.turn(setPref('chimes', false), T0 + 3_000);
    await a.turn(setLeaveOut(false), T0 + 4_000);
    await b.turn(setLeaveOut(true), T0 + 5_000);
    await a.turn((s) => ({ ...s, progress: { routineId: 'heel', at: { stepIndex: 1, atMs: 0 }, paused: true } }), T0 + 6_000);
    const record = await storedState(user);
    expect(record).toMatchObject({ prefs: { holdLength: 'short', chimes: false }, leaveOut: true, progress: { routineId: 'heel' } });
  });
});

describe('erasure is final', () => {
  it('another open session never writes over the tombstone; a session that read the tombstone may begin anew', async () => {
    const user = newUser();
    const a = new Session(user);
    const b = new Session(user);
    await a.turn(setPref('holdLength', 'long'), T0);
    await b.turn(setLeaveOut(true), T0 + 1_000);
    const stale = new Session(user); // read before the erasure, writes only later
    await stale.open(T0 + 1_500);

    const erased = await eraseForUser(store, user, T0 + 2_000, a.meta);
    expect(erased.ok).toBe(true);
    expect(await itemOf(user)).toEqual({ id: user, deletedAt: (T0 + 2_000) / 1000, expiresAt: (T0 + 2_000) / 1000 + TOMBSTONE_TTL_S });

    // Device B's next turn and its end: nothing written, and it says so.
    expect(await b.turn(setPref('chimes', false), T0 + 3_000)).toMatchObject({ result: 'failed', reason: 'erased' });
    expect(await b.end(T0 + 4_000)).toMatchObject({ result: 'failed', reason: 'erased' }); // so no "your place is kept"
    expect(await itemOf(user)).toEqual({ id: user, deletedAt: (T0 + 2_000) / 1000, expiresAt: (T0 + 2_000) / 1000 + TOMBSTONE_TTL_S });

    // A new session reads the tombstone, starts from nothing and may save what the user says now.
    const fresh = new Session(user);
    await fresh.open(T0 + 5_000);
    expect(fresh.state).toEqual(INITIAL_STATE);
    expect((await fresh.turn(setPref('pace', 'slow'), T0 + 6_000)).result).toBe('saved');
    expect(await storedState(user)).toEqual({ ...INITIAL_STATE, prefs: { ...INITIAL_STATE.prefs, pace: 'slow' } });

    // The session read before the erasure finds a new record, not its own: it still writes nothing.
    expect(await stale.turn(setPref('countdown', false), T0 + 7_000)).toMatchObject({ result: 'failed', reason: 'erased' });
    expect(await b.turn(setPref('chimes', true), T0 + 8_000)).toMatchObject({ result: 'failed', reason: 'erased' });
    const record = await storedState(user);
    expect(record).toEqual({ ...INITIAL_STATE, prefs: { ...INITIAL_STATE.prefs, pace: 'slow' } });
    expect(record).not.toHaveProperty('leaveOut');
  });

  it('a session that never read the store (down at launch) and began before the erasure does not write its changes after it', async () => {
    const user = newUser();
    const a = new Session(user);
    await a.turn(setPref('holdLength', 'long'), T0);
    const down = new Session(user, { ...store, read: () => Promise.reject(Object.assign(new Error('down'), { unavailable: true })) });
    await down.open(T0 + 500);
    down.meta = noteChanges(down.meta!, down.state, setLeaveOut(true)(down.state));
    await eraseForUser(store, user, T0 + 1_000);
    const later = new Session(user);
    later.meta = down.meta;
    later.state = setLeaveOut(true)(down.state);
    expect(await saveForSession(store, user, later.state, later.meta, T0 + 2_000, { ending: true })).toMatchObject({ result: 'failed', reason: 'erased' });
    expect(await itemOf(user)).not.toHaveProperty('attributes');
  });

  it('after the tombstone expired, a fresh session creates a new record', async () => {
    const user = newUser();
    await new Session(user).turn(setPref('holdLength', 'long'), T0);
    await eraseForUser(store, user, T0 + 1_000);
    const dayLater = T0 + 1_000 + TOMBSTONE_TTL_S * 1000 + 1;
    const fresh = new Session(user);
    await fresh.open(dayLater);
    expect((await fresh.turn(setPref('chimes', false), dayLater)).result).toBe('saved');
    expect(await itemOf(user)).toMatchObject({ erasedAt: (T0 + 1_000) / 1000, attributes: { state: { prefs: { chimes: false, holdLength: 'standard' } } } });
    expect(await itemOf(user)).not.toHaveProperty('deletedAt');
  });
});

describe('versions and attributes the code does not know', () => {
  it('migrates a version 1 record and keeps what it does not know on the next save', async () => {
    const user = newUser();
    await putItem(user, structuredClone(v1) as unknown as Record<string, unknown>);
    const s = new Session(user);
    await s.open(T0);
    expect(s.state).toMatchObject({ prefs: { holdLength: 'long', chimes: false, countdown: false, pace: 'normal' }, disclaimed: true, progress: { routineId: 'heel', at: { stepIndex: 2, atMs: 0 } } });
    // v1 stored a pregnancy answer without asking to: it is not carried over, so the question is asked again.
    expect(s.state).not.toHaveProperty('leaveOut');
    expect(s.state).not.toHaveProperty('pending');
    expect((await s.turn(setPref('pace', 'slow'), T0 + 1_000)).result).toBe('saved');
    const item = await itemOf(user);
    expect(item).toMatchObject({ _comment: v1._comment, attributes: { streak: 4, state: { v: 2, prefs: { holdLength: 'long', pace: 'slow' } } } });
    // Stored before the user could consent to keeping it: used for this session, never written again.
    expect((item as { attributes: { state: object } }).attributes.state).not.toHaveProperty('leaveOut');
  });

  it('never writes over a newer version: the session works from its own state, and the save says it failed', async () => {
    const user = newUser();
    const future = { attributes: { state: { v: 3, prefs: { holdLength: 'long', tempo: 'andante' }, goals: ['sleep'], leaveOut: true } }, rev: 17 };
    await putItem(user, future);
    const s = new Session(user);
    await s.open(T0);
    expect(s.state).toEqual(INITIAL_STATE);
    expect(s.meta?.blocked).toBe('newer');
    expect(await s.turn(setPref('chimes', false), T0 + 1_000)).toMatchObject({ result: 'failed', reason: 'newer' });
    expect(await s.end(T0 + 2_000)).toMatchObject({ result: 'failed', reason: 'newer' }); // so no "your place is kept"
    expect(await itemOf(user)).toEqual({ id: user, ...future });
  });

  it('keeps attributes beside the state and on the item', async () => {
    const user = newUser();
    await putItem(user, { marketing: 'opt-out', attributes: { streak: 12, locale: 'de-DE', state: { v: 2, prefs: { holdLength: 'long' }, leaveOut: true, keepChoice: true } } });
    const s = new Session(user);
    await s.open(T0);
    expect(s.state).toMatchObject({ prefs: { holdLength: 'long', chimes: true }, leaveOut: true });
    expect((await s.turn(setPref('countdown', false), T0 + 1_000)).result).toBe('saved');
    expect((await s.turn(setPref('chimes', false), T0 + 2_000)).result).toBe('saved');
    const item = await itemOf(user);
    expect(item).toMatchObject({ marketing: 'opt-out', attributes: { streak: 12, locale: 'de-DE', state: { prefs: { holdLength: 'long', chimes: false, countdown: false }, leaveOut: true, keepChoice: true } } });
  });
});

describe('honest saves', () => {
  it('the end of a session tries its save even while the store is left alone, and reports whether it worked', async () => {
    const local = await startDynalite('HonestSaves');
    const records = new DynamoDbPersistenceAdapter({ tableName: local.tableName, endpoint: local.endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 300, maxAttempts: 1 }).records();
    try {
      const user = newUser();
      const s = new Session(user, records);
      await s.turn(setPref('holdLength', 'long'), T0);
      await local.stop();
      expect(await s.turn(setPref('chimes', false), T0 + 1_000)).toMatchObject({ result: 'failed', reason: 'down' });
      expect(s.meta?.retryAtMs).toBe(T0 + 1_000 + STORE_RETRY_AFTER_MS);
      // Within the pause, an ordinary turn leaves the store alone; "stop" still tries, and says it failed.
      expect(await s.turn(setPref('pace', 'slow'), T0 + 2_000)).toMatchObject({ result: 'failed', reason: 'resting' });
      expect(await s.turn((x) => x, T0 + 3_000, { ending: true })).toMatchObject({ result: 'failed', reason: 'down' });
      await local.restart(); // back (empty): the end of the session is saved at once, inside the pause
      const ended = await s.turn((x) => x, T0 + 4_000, { ending: true });
      expect(ended).toMatchObject({ result: 'saved' });
      expect(ended.meta.retryAtMs).toBeUndefined();
      const item = (await records.read(user)) as { state: SkillState };
      expect(item.state.prefs).toMatchObject({ chimes: false, pace: 'slow' });
    } finally {
      await local.stop();
    }
  });

  it('keeps a choice equal to the default made while the store was down at launch (said out loud, so touched)', async () => {
    const user = newUser();
    await new Session(user).turn((s) => setPref('chimes', false)(setPref('pace', 'slow')(s)), T0);
    const failing: RecordStore = { ...store, read: () => Promise.reject(new Error('down')) };
    const s = new Session(user, failing);
    expect(await s.open(T0 + 1_000)).toEqual({ down: true });
    // "turn on the chimes", "normal speed": the session's values already are the defaults.
    await s.turn(setPref('chimes', true), T0 + 2_000, { touched: touchedBy({ type: 'setPrefs', prefs: { chimes: true } }) });
    await s.turn(setPref('pace', 'normal'), T0 + 3_000, { touched: touchedBy({ type: 'setPrefs', prefs: { pace: 'normal' } }) });
    const back = await saveForSession(store, user, s.state, s.meta, T0 + 4_000, { ending: true });
    expect(back.result).toBe('saved');
    expect((await storedState(user)).prefs).toMatchObject({ chimes: true, pace: 'normal' });
  });

  it('reads the bookkeeping from session attributes field by field, whatever was sent', () => {
    for (const raw of [undefined, null, 'x', 3, []]) expect(readStoreMeta(raw)).toBeUndefined();
    expect(readStoreMeta({ loaded: true, base: { kind: 'record', rev: 'seven' }, changed: 'prefs.chimes', retryAtMs: Infinity, blocked: 'maybe' }))
      .toEqual({ loaded: false, changed: [] });
    const meta = JSON.parse('{"loaded":true,"base":{"kind":"tombstone","deletedAtS":5,"__proto__":{"kind":"none"}},"changed":["heard","heard","toString"],"startedAtMs":1,"retryAtMs":2}');
    expect(readStoreMeta(meta)).toEqual({ loaded: true, base: { kind: 'tombstone', deletedAtS: 5 }, changed: ['heard'], startedAtMs: 1, retryAtMs: 2 });
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('tampered bookkeeping can neither skip the read nor overwrite the record', async () => {
    const user = newUser();
    await new Session(user).turn(setPref('holdLength', 'long'), T0);
    expect(readStoreMeta({ loaded: true, saved: 'x' })).toMatchObject({ loaded: false });
    const forged = readStoreMeta({ loaded: true, base: { kind: 'record', rev: 1 }, changed: ['prefs.chimes', 'constructor', '__proto__'] })!;
    expect(forged.changed).toEqual(['prefs.chimes']);
    const r = await saveForSession(store, user, setPref('chimes', false)(INITIAL_STATE), forged, T0 + 1_000, { ending: false });
    expect(r.result).toBe('saved');
    expect((await storedState(user)).prefs).toMatchObject({ holdLength: 'long', chimes: false });
  });
});
