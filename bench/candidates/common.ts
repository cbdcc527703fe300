/**
 * What every bench candidate shares with the shipped adapter: its options and the key.
 * The candidates are swapped in for src/alexa/persistence/dynamodb-adapter.ts at bundle time
 * (tools/bench/bundles.ts), so each bundle is the real skill with only the store client changed.
 */
export { STORE_MAX_ATTEMPTS, STORE_TIMEOUT_MS, userIdOf, type DynamoDbAdapterOptions } from '../../src/alexa/persistence/dynamodb-adapter.js';
