/**
 * A local DynamoDB-compatible server (dynalite, in memory) on 127.0.0.1 and a random port, with the
 * skill's table (`id` string hash key) created, for the store-reading measurements.
 */
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface BenchStore {
  readonly endpoint: string;
  readonly tableName: string;
  /** Environment for a bench child so the skill uses this table, as the stack's TABLE_NAME does. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startStore(tableName = 'BenchSkillTable'): Promise<BenchStore> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };
  // Loaded here, not at the top: only the store section needs the SDK.
  const { CreateTableCommand, DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
  await client.send(new CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  client.destroy();
  return {
    endpoint,
    tableName,
    env: {
      TABLE_NAME: tableName,
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
