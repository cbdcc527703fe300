/**
 * The persistence adapters: DynamoDB (our JSON-protocol client, own SigV4 + node:http) against a real
 * DynamoDB-compatible server (dynalite) on loopback, started and stopped here, and the local stores
 * used by tests and `npm start`. Fault cases against fake servers: tests/alexa/store-faults.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PersistenceAdapter } from 'ask-sdk-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPersistenceAdapter, type DynamoDbAdapterOptions } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { DynamoJsonClient } from '../../src/alexa/persistence/dynamo-http.js';
import { persistenceFromEnv } from '../../src/alexa/persistence/index.js';
import { nodeRuntimes } from '../../tools/bench/node-runtimes.js';
import { buildLambdaBundle } from '../../tools/build.mjs';
import { launchRequest } from '../../tools/envelopes.js';
import { createLocalTable } from '../../tools/local-dynamo.js';
import { createPersistenceAdapter, FilePersistenceAdapter, MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';
import { failureOf, withEnv } from '../support/env.js';

const ALICE = 'amzn1.ask.account.ALICE';
const BOB = 'amzn1.ask.account.BOB';
const alice = launchRequest({ userId: ALICE });
const bob = launchRequest({ userId: BOB });
const fast: Partial<DynamoDbAdapterOptions> = { credentials: TEST_CREDENTIALS, timeoutMs: 300, maxAttempts: 1 };

type RawItem = Record<string, { S?: string; M?: Record<string, { M?: Record<string, { M?: Record<string, unknown> }> }> }>;
/** Reads the raw item, as the table holds it (AttributeValue JSON). */
async function rawItem(db: LocalDynamo, id: string): Promise<RawItem | undefined> {
  const raw = new DynamoJsonClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS, attemptTimeoutMs: 2_000, maxAttempts: 1 });
  return (await raw.call('GetItem', { TableName: db.tableName, Key: { id: { S: id } }, ConsistentRead: true })).Item as RawItem | undefined;
}

describe('DynamoDbPersistenceAdapter against a local DynamoDB-compatible server', () => {
  let db: LocalDynamo;
  let adapter: DynamoDbPersistenceAdapter;

  beforeAll(async () => {
    db = await startDynalite();
    adapter = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, ...fast });
  });
  afterAll(async () => { await db.stop(); });

  it('returns no attributes for a user it has never seen', async () => {
    expect(await adapter.getAttributes(alice)).toEqual({});
  });

  it('round-trips attributes and stores them as { id, attributes }, like the official adapter', async () => {
    const attributes = { state: { v: 1, prefs: { holdLength: 'long', chimes: false }, progress: { routine: 'heel', step: 3 } } };
    await adapter.saveAttributes(alice, attributes);
    expect(await adapter.getAttributes(alice)).toEqual(attributes);
    const item = await rawItem(db, ALICE);
    expect(Object.keys(item ?? {}).sort()).toEqual(['attributes', 'id']);
    expect(item?.id).toEqual({ S: ALICE });
    expect(item?.attributes?.M?.state?.M?.prefs?.M?.holdLength).toEqual({ S: 'long' });
  });

  it('drops undefined values instead of failing the save', async () => {
    await adapter.saveAttributes(alice, { state: { v: 1, pending: undefined } });
    expect(await adapter.getAttributes(alice)).toEqual({ state: { v: 1 } });
  });

  it('keeps users apart and deletes one user only', async () => {
    await adapter.saveAttributes(alice, { who: 'alice' });
    await adapter.saveAttributes(bob, { who: 'bob' });
    expect(await adapter.getAttributes(alice)).toEqual({ who: 'alice' });
    expect(await adapter.getAttributes(bob)).toEqual({ who: 'bob' });
    await adapter.deleteAttributes(alice);
    expect(await rawItem(db, ALICE)).toBeUndefined();
    expect(await adapter.getAttributes(alice)).toEqual({});
    expect(await adapter.getAttributes(bob)).toEqual({ who: 'bob' });
  });

  it('treats deleting a user with no record as done', async () => {
    await expect(adapter.deleteAttributes(launchRequest({ userId: 'amzn1.ask.account.NOBODY' }))).resolves.toBeUndefined();
  });

  it('uses the user id from context.System.user, as the official adapter does', async () => {
    const envelope = launchRequest({ userId: BOB });
    await adapter.saveAttributes({ ...envelope, session: { ...envelope.session!, user: { userId: 'amzn1.ask.account.OTHER' } } }, { who: 'bob2' });
    expect(await adapter.getAttributes(bob)).toEqual({ who: 'bob2' });
  });

  it('rejects when the store goes down, without the user id in the error, and works again once it is back', async () => {
    await adapter.saveAttributes(bob, { x: 1 });
    await db.stop();
    // One call at a time: each one's rejection is awaited before the next starts.
    for (const call of [() => adapter.getAttributes(bob), () => adapter.saveAttributes(bob, { x: 2 }), () => adapter.deleteAttributes(bob)]) {
      const error = await failureOf(call());
      expect(`${error.name} ${error.message} ${error.stack ?? ''}`).not.toContain(BOB);
    }
    await db.restart(); // dynalite keeps data in memory: it comes back with an empty table
    expect(await adapter.getAttributes(bob)).toEqual({});
    await adapter.saveAttributes(bob, { x: 3 });
    expect(await adapter.getAttributes(bob)).toEqual({ x: 3 });
  });

  it('honours AWS_ENDPOINT_URL when no endpoint is given', async () => {
    const viaEnv = new DynamoDbPersistenceAdapter({ tableName: db.tableName, credentials: TEST_CREDENTIALS });
    await withEnv({ AWS_ENDPOINT_URL: db.endpoint }, async () => {
      await viaEnv.saveAttributes(alice, { via: 'env' });
      expect(await viaEnv.getAttributes(alice)).toEqual({ via: 'env' });
    });
    expect(await adapter.getAttributes(alice)).toEqual({ via: 'env' });
  });

  it('persistenceFromEnv stores on TABLE_NAME at the endpoint the env names, the DynamoDB-specific one first', async () => {
    const store = persistenceFromEnv({ TABLE_NAME: db.tableName, AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint });
    expect(store).toBeInstanceOf(DynamoDbPersistenceAdapter);
    await withEnv({ AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' }, async () => {
      await store!.saveAttributes(bob, { via: 'persistenceFromEnv' });
    });
    expect(await adapter.getAttributes(bob)).toEqual({ via: 'persistenceFromEnv' });
  });

  it('createLocalTable (tests, bench, simulator) says when the table exists already, as DynamoDB names it', async () => {
    await expect(createLocalTable(db.endpoint, db.tableName)).rejects.toMatchObject({ name: 'ResourceInUseException' });
    await expect(createLocalTable(db.endpoint, 'Another')).resolves.toBeUndefined();
  });

  it('createPersistenceAdapter builds the DynamoDB store from its options', async () => {
    const store = createPersistenceAdapter({ kind: 'dynamodb', tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS });
    expect(store).toBeInstanceOf(DynamoDbPersistenceAdapter);
    expect(await store.getAttributes(bob)).toEqual({ via: 'persistenceFromEnv' });
  });
});

describe('DynamoDbPersistenceAdapter when the store accepts connections but never answers', () => {
  let server: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    server = createServer((socket) => { sockets.add(socket); socket.on('error', () => undefined); });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('gives up after its request timeout instead of hanging the turn', async () => {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const store = new DynamoDbPersistenceAdapter({ tableName: 't', endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 200, maxAttempts: 2 });
    const startMs = Date.now();
    await failureOf(store.getAttributes(alice));
    await failureOf(store.saveAttributes(alice, { a: 1 }));
    // Two attempts of 200 ms each per call, with a short pause between: far from vitest's own timeout.
    expect(Date.now() - startMs).toBeLessThan(2 * (2 * 200 + 100) + 500);
  });
});

describe('persistenceFromEnv', () => {
  it('uses no store when TABLE_NAME is not set', () => {
    expect(persistenceFromEnv({})).toBeUndefined();
    expect(persistenceFromEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })).toBeUndefined();
  });
});

describe('lazy loading of the store client in the Lambda bundle', () => {
  it.each(nodeRuntimes())('loads the client and node:http (not https, for an http: endpoint) on the first store call only, with no AWS SDK ($label)', async ({ path: node }) => {
    const db = await startDynalite();
    const dir = mkdtempSync(join(tmpdir(), 'persistence-bundle-'));
    try {
      // No node_modules next to the bundle: it must be self-contained, with no SDK to fall back on.
      const { file } = await buildLambdaBundle('src/alexa/persistence/index.ts', dir);
      expect(readFileSync(file, 'utf8').includes('@aws-sdk'), 'no AWS SDK in the bundle').toBe(false);
      // Built-ins Node has loaded: the transport (http, https) and node:crypto, which the signer uses (sigv4.ts).
      // A script file, not -e: Node's -e loads node:crypto itself.
      const script = `
        const loaded = () => ['http', 'https', 'crypto'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m));
        const { persistenceFromEnv } = require(${JSON.stringify(file)});
        const afterImport = loaded();
        const store = persistenceFromEnv({ TABLE_NAME: ${JSON.stringify(db.tableName)}, AWS_ENDPOINT_URL: ${JSON.stringify(db.endpoint)} });
        const afterBuild = loaded();
        store.getAttributes({ context: { System: { user: { userId: 'amzn1.ask.account.LAZY' } } } }).then((attributes) => {
          console.log(JSON.stringify({ afterImport, afterBuild, afterCall: loaded(), attributes }));
        });`;
      const env = { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'us-east-1' };
      writeFileSync(join(dir, 'probe.cjs'), script);
      const { stdout } = await promisify(execFile)(node, [join(dir, 'probe.cjs')], { cwd: dir, env });
      expect(JSON.parse(stdout)).toEqual({ afterImport: [], afterBuild: [], afterCall: ['http', 'crypto'], attributes: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.stop();
    }
  });
});

describe('local adapters', () => {
  const newFile = () => join(mkdtempSync(join(tmpdir(), 'fa-store-')), 'store.json');

  it.each<[string, () => PersistenceAdapter]>([
    ['MemoryPersistenceAdapter', () => new MemoryPersistenceAdapter()],
    ['FilePersistenceAdapter', () => new FilePersistenceAdapter(newFile())],
    ['createPersistenceAdapter memory', () => createPersistenceAdapter({ kind: 'memory' })],
    ['createPersistenceAdapter file', () => createPersistenceAdapter({ kind: 'file', path: newFile() })],
  ])('%s round-trips, keeps users apart and deletes', async (_, make) => {
    const store = make();
    expect(await store.getAttributes(alice)).toEqual({});
    await store.saveAttributes(alice, { a: 1, nested: { list: [1, 2] } });
    await store.saveAttributes(bob, { b: 2 });
    expect(await store.getAttributes(alice)).toEqual({ a: 1, nested: { list: [1, 2] } });
    await store.deleteAttributes!(alice);
    expect(await store.getAttributes(alice)).toEqual({});
    expect(await store.getAttributes(bob)).toEqual({ b: 2 });
  });

  it('MemoryPersistenceAdapter hands out copies, so a later change in the session is not saved by accident', async () => {
    const store = new MemoryPersistenceAdapter();
    const attributes = { prefs: { holdLength: 'short' } };
    await store.saveAttributes(alice, attributes);
    attributes.prefs.holdLength = 'long';
    (await store.getAttributes(alice)).prefs = 'changed';
    expect(await store.getAttributes(alice)).toEqual({ prefs: { holdLength: 'short' } });
  });

  it('FilePersistenceAdapter remembers across runs, in the table item shape', async () => {
    const path = newFile();
    await new FilePersistenceAdapter(path).saveAttributes(alice, { state: { step: 2 } });
    expect(await new FilePersistenceAdapter(path).getAttributes(alice)).toEqual({ state: { step: 2 } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ [ALICE]: { id: ALICE, attributes: { state: { step: 2 } } } });
  });
});

describe('the local stores as record stores (as DynamoDB does it)', () => {
  const newFile = () => join(mkdtempSync(join(tmpdir(), 'fa-records-')), 'store.json');
  it.each<[string, () => MemoryPersistenceAdapter | FilePersistenceAdapter]>([
    ['memory', () => new MemoryPersistenceAdapter()],
    ['file', () => new FilePersistenceAdapter(newFile())],
  ])('%s: writes only over the item as read, keeps other attributes, erases to a tombstone and begins anew after it', async (_, make) => {
    const adapter = make();
    const records = adapter.records();
    await adapter.saveAttributes(alice, { state: { v: 2 }, streak: 3 }); // an item from before revisions
    const legacy = await records.read(ALICE);
    expect(legacy).toEqual({ kind: 'record', state: { v: 2 }, mapped: true });
    expect(await records.write(ALICE, { v: 2, leaveOut: true }, 10, { kind: 'record', rev: 9, mapped: true })).toBe(false);
    expect(await records.write(ALICE, { v: 2, leaveOut: true }, 10, { kind: 'record', mapped: true })).toBe(true);
    expect(await records.write(ALICE, { v: 2 }, 11, { kind: 'record', mapped: true })).toBe(false);
    expect(await records.read(ALICE)).toEqual({ kind: 'record', rev: 10, state: { v: 2, leaveOut: true }, mapped: true });
    expect(await adapter.getAttributes(alice)).toEqual({ state: { v: 2, leaveOut: true }, streak: 3 });
    await records.erase(ALICE, { deletedAtS: 100, expiresAtS: 200 });
    expect(await records.read(ALICE)).toEqual({ kind: 'tombstone', deletedAtS: 100, expiresAtS: 200 });
    expect(await adapter.getAttributes(alice)).toEqual({});
    expect(await records.write(ALICE, { v: 2 }, 12, { kind: 'record', rev: 10, mapped: true })).toBe(false);
    expect(await records.write(ALICE, { v: 2 }, 12, { kind: 'tombstone', deletedAtS: 100 })).toBe(true);
    expect(await records.read(ALICE)).toEqual({ kind: 'record', rev: 12, erasedAtS: 100, state: { v: 2 }, mapped: true });
    expect(await records.write(BOB, { v: 2 }, 1, { kind: 'none' })).toBe(true);
    expect(await records.write(BOB, { v: 2 }, 1, { kind: 'none' })).toBe(false);
  });

  it('DynamoDB: the same calls against dynalite', async () => {
    const db = await startDynalite('RecordShapes');
    try {
      const adapter = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, ...fast });
      const records = adapter.records();
      await adapter.saveAttributes(alice, { state: { v: 2 }, streak: 3 });
      expect(await records.read(ALICE)).toEqual({ kind: 'record', state: { v: 2 }, mapped: true });
      expect(await records.write(ALICE, { v: 2, leaveOut: true }, 10, { kind: 'record', rev: 9, mapped: true })).toBe(false);
      expect(await records.write(ALICE, { v: 2, leaveOut: true }, 10, { kind: 'record', mapped: true })).toBe(true);
      expect(await records.write(ALICE, { v: 2 }, 11, { kind: 'record', mapped: true })).toBe(false);
      expect(await adapter.getAttributes(alice)).toEqual({ state: { v: 2, leaveOut: true }, streak: 3 });
      await records.erase(ALICE, { deletedAtS: 100, expiresAtS: 200 });
      expect(await records.read(ALICE)).toEqual({ kind: 'tombstone', deletedAtS: 100, expiresAtS: 200 });
      expect(await rawItem(db, ALICE)).toEqual({ id: { S: ALICE }, deletedAt: { N: '100' }, expiresAt: { N: '200' } });
      expect(await records.write(ALICE, { v: 2 }, 12, { kind: 'record', rev: 10, mapped: true })).toBe(false);
      expect(await records.write(ALICE, { v: 2 }, 12, { kind: 'tombstone', deletedAtS: 100 })).toBe(true);
      expect(await records.read(ALICE)).toEqual({ kind: 'record', rev: 12, erasedAtS: 100, state: { v: 2 }, mapped: true });
      expect(await records.write(BOB, { v: 2 }, 1, { kind: 'none' })).toBe(true);
      expect(await records.write(BOB, { v: 2 }, 1, { kind: 'none' })).toBe(false);
    } finally {
      await db.stop();
    }
  });
});
