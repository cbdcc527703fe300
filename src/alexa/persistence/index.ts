import type { PersistenceAdapter } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter, type DynamoDbAdapterOptions } from './dynamodb-adapter.js';
import { FilePersistenceAdapter, MemoryPersistenceAdapter } from './local.js';

export type PersistenceOptions =
  | { readonly kind: 'memory' }
  | { readonly kind: 'file'; readonly path: string }
  | ({ readonly kind: 'dynamodb' } & DynamoDbAdapterOptions);

/** One of the three stores: in memory (tests), a JSON file (`npm start` across runs), or DynamoDB. */
export function createPersistenceAdapter(opts: PersistenceOptions): PersistenceAdapter {
  switch (opts.kind) {
    case 'memory': return new MemoryPersistenceAdapter();
    case 'file': return new FilePersistenceAdapter(opts.path);
    case 'dynamodb': {
      const { kind: _kind, ...options } = opts;
      return new DynamoDbPersistenceAdapter(options);
    }
  }
}

/**
 * The store the Lambda uses: DynamoDB on `TABLE_NAME` when it is set, otherwise none.
 * A configured endpoint is read from `env` with the SDK's precedence (`AWS_ENDPOINT_URL_DYNAMODB`,
 * then `AWS_ENDPOINT_URL`), so a test can pass its own env; the SDK reads the same variables itself.
 * Builds the adapter directly (not through createPersistenceAdapter) so the Lambda bundle leaves the local stores out.
 */
export function persistenceFromEnv(env: NodeJS.ProcessEnv = process.env): PersistenceAdapter | undefined {
  const tableName = env.TABLE_NAME;
  if (!tableName) return undefined;
  const endpoint = env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL;
  return new DynamoDbPersistenceAdapter({ tableName, ...(endpoint ? { endpoint } : {}) });
}
