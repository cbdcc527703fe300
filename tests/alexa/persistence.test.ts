import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { FilePersistenceAdapter, MemoryPersistenceAdapter } from '../../src/alexa/persistence/local.js';
import { persistenceFromEnv } from '../../src/alexa/persistence/index.js';
import { launchRequest } from '../../tools/envelopes.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';

const alice = launchRequest({ userId: 'amzn1.ask.account.ALICE' });
const bob = launchRequest({ userId: 'amzn1.ask.account.BOB' });

describe('DynamoDbPersistenceAdapter against a local DynamoDB-compatible server', () => {
  let db: LocalDynamo;
  let adapter: DynamoDbPersistenceAdapter;

  beforeAll(async () => {
    db = await startDynalite();
    adapter = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 500, maxAttempts: 1 });
  });
  afterAll(async () => { await db.stop(); });

  it('returns no attributes for a user it has never seen', async () => {
    expect(await adapter.getAttributes(alice)).toEqual({});
  });

  it('round-trips attributes and stores them as { id, attributes }', async () => {
    await adapter.saveAttributes(alice, { state: { v: 1, prefs: { holdLength: 'long' } } });
    expect(await adapter.getAttributes(alice)).toEqual({ state: { v: 1, prefs: { holdLength: 'long' } } });
    const raw = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS });
    const item = await raw.send(new GetItemCommand({ TableName: db.tableName, Key: { id: { S: 'amzn1.ask.account.ALICE' } } }));
    raw.destroy();
    expect(Object.keys(item.Item ?? {}).sort()).toEqual(['attributes', 'id']);
    expect(item.Item?.attributes?.M?.state?.M?.prefs?.M?.holdLength).toEqual({ S: 'long' });
  });

  it('keeps users apart and deletes one user only', async () => {
    await adapter.saveAttributes(bob, { state: { v: 1 } });
    await adapter.deleteAttributes(alice);
    expect(await adapter.getAttributes(alice)).toEqual({});
    expect(await adapter.getAttributes(bob)).toEqual({ state: { v: 1 } });
  });

  it('rejects when the store is down, and works again once it is back', async () => {
    await db.stop();
    await expect(adapter.getAttributes(bob)).rejects.toThrow();
    await expect(adapter.saveAttributes(bob, { x: 1 })).rejects.toThrow();
    await db.restart();
    await adapter.saveAttributes(bob, { x: 2 });
    expect(await adapter.getAttributes(bob)).toEqual({ x: 2 });
  });
});

describe('local adapters', () => {
  it.each([
    ['memory', () => new MemoryPersistenceAdapter()],
    ['file', () => new FilePersistenceAdapter(join(mkdtempSync(join(tmpdir(), 'fa-')), 'store.json'))],
  ])('%s adapter round-trips and deletes', async (_, make) => {
    const adapter = make();
    expect(await adapter.getAttributes(alice)).toEqual({});
    await adapter.saveAttributes(alice, { a: 1 });
    await adapter.saveAttributes(bob, { b: 2 });
    expect(await adapter.getAttributes(alice)).toEqual({ a: 1 });
    await adapter.deleteAttributes(alice);
    expect(await adapter.getAttributes(alice)).toEqual({});
    expect(await adapter.getAttributes(bob)).toEqual({ b: 2 });
  });
});

describe('persistenceFromEnv', () => {
  it('uses DynamoDB only when TABLE_NAME is set', () => {
    expect(persistenceFromEnv({})).toBeUndefined();
    expect(persistenceFromEnv({ TABLE_NAME: 't', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })).toBeInstanceOf(DynamoDbPersistenceAdapter);
  });
});
