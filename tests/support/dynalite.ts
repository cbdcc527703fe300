/** A real DynamoDB-compatible server (dynalite) on loopback, started and stopped by the tests themselves. */
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createLocalTable, LOCAL_CREDENTIALS } from '../../tools/local-dynamo.js';

export const TEST_CREDENTIALS = LOCAL_CREDENTIALS;

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

export async function startDynalite(tableName = 'FootAcupressureTest'): Promise<LocalDynamo> {
  let server: Server | undefined = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  await createLocalTable(endpoint, tableName);
  const close = () => new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return {
    endpoint,
    tableName,
    async stop() { await close(); server = undefined; },
    async restart() { await close(); server = await listen(port); await createLocalTable(endpoint, tableName); },
  };
}
