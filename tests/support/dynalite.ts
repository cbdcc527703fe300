/** A real DynamoDB-compatible server (dynalite) on loopback, started and stopped by the tests themselves. */
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

export const TEST_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface LocalDynamo {
  readonly endpoint: string;
  readonly tableName: string;
  /** Stops the server (the store goes down). */
  stop(): Promise<void>;
  /** Starts it again on the same port (data is in memory, so it comes back empty but with the table). */
  restart(): Promise<void>;
}

type Server = ReturnType<typeof dynalite>;

async function listen(port: number): Promise<Server> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

async function createTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS });
  await client.send(new CreateTableCommand({
    TableName: tableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  client.destroy();
}

export async function startDynalite(tableName = 'FootAcupressureTest'): Promise<LocalDynamo> {
  let server: Server | undefined = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  await createTable(endpoint, tableName);
  const close = () => new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return {
    endpoint,
    tableName,
    async stop() { await close(); server = undefined; },
    async restart() { await close(); server = await listen(port); await createTable(endpoint, tableName); },
  };
}
