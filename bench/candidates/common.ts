/**
 * What every bench candidate shares with the shipped adapter: its options and the key.
 * The candidates are swapped in for src/alexa/persistence/dynamodb-adapter.ts at bundle time
 * (tools/bench/bundles.ts), so each bundle is the real skill with only the store client changed.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { RecordStore } from '../../src/alexa/persistence/record-store.js';

export { STORE_MAX_ATTEMPTS, STORE_TIMEOUT_MS, userIdOf, type DynamoDbAdapterOptions } from '../../src/alexa/persistence/dynamodb-adapter.js';


/**
 * The skill reads and writes the user's record through a RecordStore (revisions, tombstones). The candidates
 * measure how fast a client loads and reads, so they offer the same calls over their plain get and put: a read
 * is a GetItem, a write an unconditional put (never a conflict), an erasure a delete. Bench only.
 */
export function benchRecords(adapter: PersistenceAdapter): RecordStore {
  const envelope = (userId: string) => ({ context: { System: { user: { userId } } } }) as unknown as RequestEnvelope;
  return {
    async read(userId) {
      const attributes = await adapter.getAttributes(envelope(userId));
      return 'state' in attributes ? { kind: 'record', state: attributes.state, mapped: true } : { kind: 'none' };
    },
    async write(userId, state) {
      await adapter.saveAttributes(envelope(userId), { state });
      return true;
    },
    async erase(userId) {
      await adapter.deleteAttributes?.(envelope(userId));
    },
  };
}
