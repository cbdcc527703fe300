/**
 * A throwaway certificate authority and a server certificate for 127.0.0.1, made with openssl when the bench
 * starts, so the store stand-in speaks HTTPS as DynamoDB does: every real store call pays for loading tls and
 * crypto and for a TLS handshake. Children trust the CA through NODE_EXTRA_CA_CERTS (read by Node at startup).
 * RSA 2048, as the certificates of DynamoDB's regional endpoints.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestTls {
  /** PEM file of the CA, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  readonly key: string;
  readonly cert: string;
}

export function makeTestTls(dir: string): TestTls {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=foot-acupressure bench test CA',
    '-keyout', file('ca.key'), '-out', file('ca.crt'));
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr'));
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-sha256', '-days', '2', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-extfile', file('server.ext'), '-out', file('server.crt'));
  return { caFile: file('ca.crt'), key: readFileSync(file('server.key'), 'utf8'), cert: readFileSync(file('server.crt'), 'utf8') };
}
