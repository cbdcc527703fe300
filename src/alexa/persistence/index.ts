import { DynamoDbPersistenceAdapter } from './dynamodb-adapter.js';

/**
 * The store the Lambda uses: DynamoDB on `TABLE_NAME` when it is set, otherwise none.
 * The endpoint is read from `env` (`AWS_ENDPOINT_URL_DYNAMODB`, then `AWS_ENDPOINT_URL`), so a test
 * can pass its own env; region and credentials come from process.env on each call (as Lambda sets them).
 * The local stores (memory, file) live with the simulator (tools/simulator/stores.ts), not in the bundle.
 * The skill uses `records(requestId)`: the store session's RecordStore
 * (../store-session.ts), one per request so that the request's calls share one store budget. The
 * PersistenceAdapter methods remain for the tests and the simulator, which read and seed items through them.
 */
export function persistenceFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoDbPersistenceAdapter | undefined {
  const tableName = env.TABLE_NAME;
  if (!tableName) return undefined;
  const endpoint = env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL;
  return new DynamoDbPersistenceAdapter({ tableName, ...(endpoint ? { endpoint } : {}) });
}
