import type { PersistenceAdapter } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter, type DynamoDbAdapterOptions } from './dynamodb-adapter.js';

export { DynamoDbPersistenceAdapter, type DynamoDbAdapterOptions } from './dynamodb-adapter.js';

/** The store the Lambda uses: DynamoDB when TABLE_NAME is set (AWS_ENDPOINT_URL honoured), otherwise none. */
export function persistenceFromEnv(env: NodeJS.ProcessEnv = process.env): PersistenceAdapter | undefined {
  const tableName = env.TABLE_NAME;
  if (!tableName) return undefined;
  const options: DynamoDbAdapterOptions = { tableName, ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}) };
  return new DynamoDbPersistenceAdapter(options);
}
