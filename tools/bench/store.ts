/**
 * A local DynamoDB-compatible server (dynalite, in memory) on 127.0.0.1 and a random port, serving HTTPS with a
 * test CA (./tls.ts) as the regional endpoint does, with the skill's table created by tools/local-dynamo.ts, for
 * the store-reading measurements. `tls: false` gives the plain-HTTP stand-in of earlier runs, which production
 * never uses: over HTTP a store client is spared loading tls and crypto and the handshake.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createLocalTable, LOCAL_CREDENTIALS } from '../local-dynamo.js';
import { makeTestTls } from './tls.js';

export interface BenchStore {
  readonly endpoint: string;
  readonly tableName: string;
  /** Environment for a bench child so the skill uses this table, as the stack's TABLE_NAME does (and trusts the test CA). */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

export interface StoreOptions {
  readonly tableName?: string;
  /** Serve HTTPS with a test CA made in `tlsDir`. @default true */
  readonly tls?: boolean;
  /** Where the test CA and certificate are written. @default dist/bench/tls */
  readonly tlsDir?: string;
}

type Server = ReturnType<typeof dynalite>;

const listen = (server: Pick<Server, 'once' | 'listen'>) => new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => resolve());
});
const close = (server: Pick<Server, 'close' | 'closeAllConnections'>) => new Promise<void>((resolve) => {
  server.close(() => resolve());
  server.closeAllConnections();
});
const urlOf = (protocol: 'http' | 'https', server: Pick<Server, 'address'>) => `${protocol}://127.0.0.1:${(server.address() as AddressInfo).port}`;

export async function startStore(options: StoreOptions = {}): Promise<BenchStore> {
  const tableName = options.tableName ?? 'BenchSkillTable';
  const tls = options.tls === false ? undefined : makeTestTls(options.tlsDir ?? 'dist/bench/tls');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(tls ? { ssl: true, key: tls.key, cert: tls.cert, ca: tls.cert } : {}) });
  await listen(server);
  const endpoint = urlOf(tls ? 'https' : 'http', server);
  // This process started before the CA existed, so it cannot trust it: the table is created through the same
  // dynalite handler (the same in-memory store) on a plain-HTTP listener that lives only for this.
  const setup = tls ? createServer(server.listeners('request')[0] as RequestListener) : undefined;
  if (setup) await listen(setup);
  try {
    await createLocalTable(setup ? urlOf('http', setup) : endpoint, tableName);
  } finally {
    if (setup) await close(setup);
  }
  return {
    endpoint,
    tableName,
    env: {
      TABLE_NAME: tableName,
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      ...(tls ? { NODE_EXTRA_CA_CERTS: tls.caFile } : {}),
    },
    stop: () => close(server),
  };
}
