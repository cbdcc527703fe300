/**
 * Creates the skill's table on a local DynamoDB-compatible server (dynalite, DynamoDB Local), as the
 * CDK stack would in AWS (the skill never creates tables). One helper for the tests, the bench and
 * the simulator, on the skill's own DynamoDB client: no AWS SDK.
 */
import { DynamoJsonClient } from '../src/alexa/persistence/dynamo-http.js';
import { StoreRejectedError } from '../src/alexa/persistence/errors.js';

/** Dummy credentials a local server accepts. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** The table is there already. Named as DynamoDB's error type (and the AWS SDK's error name). */
export class TableExistsError extends Error {
  override readonly name = 'ResourceInUseException';
}

/** CreateTable with an `id` string hash key, on demand. Throws TableExistsError, or a StoreError when the server fails. */
export async function createLocalTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoJsonClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, attemptTimeoutMs: 5_000, maxAttempts: 2 });
  try {
    await client.call('CreateTable', {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
  } catch (error) {
    if (error instanceof StoreRejectedError && error.code === 'ResourceInUseException') throw new TableExistsError(`table ${tableName} exists already`);
    throw error;
  }
  // A new table is CREATING for a moment, and item calls on it fail as "not found": wait until it is ACTIVE.
  for (let tries = 0; tries < 100; tries += 1) {
    const out = (await client.call('DescribeTable', { TableName: tableName })) as { Table?: { TableStatus?: string } };
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
