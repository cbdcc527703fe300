/**
 * A local DynamoDB-compatible server (dynalite, in memory) on 127.0.0.1 and a random port, with the
 * skill's table created by tools/local-dynamo.ts, for the store-reading measurements.
 */
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createLocalTable, LOCAL_CREDENTIALS } from '../local-dynamo.js';

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
  await createLocalTable(endpoint, tableName);
  return {
    endpoint,
    tableName,
    env: {
      TABLE_NAME: tableName,
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
