/**
 * AWS Signature Version 4 for DynamoDB's JSON protocol: a POST with a JSON body, no query string.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 * Hashes and HMACs come from the platform (node:crypto). Every real call goes over node:https, which loads
 * tls and crypto anyway, so a hand-written SHA-256 saved nothing in production (docs/performance.md, "The
 * store path"). The signer itself stays ours instead of aws4 (kept as a devDependency: the oracle and a
 * bench candidate) because it is small and formats the date without `toISOString`.
 * tests/alexa/sigv4.test.ts holds every header equal to aws4's for the same request, time and credentials.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Credentials } from './dynamo-http.js';

const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

export interface SignedRequest {
  /** host[:port], as sent in the Host header. */
  readonly host: string;
  /** The request path; DynamoDB's is `/`. Only unreserved characters (nothing to encode). */
  readonly path: string;
  readonly region: string;
  /** `DynamoDB_20120810.<Operation>` */
  readonly target: string;
  readonly body: string;
  readonly credentials: Credentials;
  /** The signing time, ms since the epoch. */
  readonly nowMs: number;
}

const SERVICE = 'dynamodb';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** `YYYYMMDD'T'HHMMSS'Z'` of a time, by civil-from-days arithmetic (H. Hinnant's algorithm). */
export function amzDate(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}${two(month)}${two(day)}T${two(Math.floor(secondOfDay / 3600))}${two(Math.floor(secondOfDay / 60) % 60)}${two(secondOfDay % 60)}Z`;
}

/** The derived signing key of one day, region, service and secret: four HMACs, kept for the next request. */
let signingKey: { readonly id: string; readonly key: Buffer } | undefined;
function keyOf(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${date}/${region}/${service}/${secret}`;
  if (signingKey?.id !== id) {
    const kDate = hmac(`AWS4${secret}`, date);
    const kService = hmac(hmac(kDate, region), service);
    signingKey = { id, key: hmac(kService, 'aws4_request') };
  }
  return signingKey.key;
}

/** What every SigV4 request is signed from: its method, path (already encoded), headers, payload hash and scope. */
export interface SigV4Input {
  readonly method: string;
  readonly path: string;
  /** Every header to sign, X-Amz-Date included (names as they go on the wire). */
  readonly headers: Record<string, string>;
  readonly payloadHash: string;
  readonly region: string;
  readonly service: string;
  readonly credentials: Credentials;
  /** `amzDate` of the signing time. */
  readonly datetime: string;
}

/**
 * Adds Authorization to a request's headers: the canonical request, the string to sign and the signature of
 * AWS Signature Version 4, for any service (DynamoDB here; S3 and Polly in src/audio/sigv4.ts).
 */
export function signV4(input: SigV4Input): Record<string, string> {
  const { headers, credentials, datetime } = input;
  const date = datetime.slice(0, 8);
  const canonical = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = canonical.map(([name]) => name).join(';');
  const canonicalRequest = [input.method, input.path, '', ...canonical.map(([name, value]) => `${name}:${value}`), '', signedHeaders, input.payloadHash].join('\n');
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = hmac(keyOf(credentials.secretAccessKey, date, input.region, input.service), stringToSign).toString('hex');
  return { ...headers, Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}

/** SHA-256 of a body, hex, as the payload hash of a signed request. */
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The headers of a signed DynamoDB request, Authorization included (names as aws4 writes them). */
export function signDynamoRequest(request: SignedRequest): Record<string, string> {
  const { credentials } = request;
  const datetime = amzDate(request.nowMs);
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPE,
    'X-Amz-Target': request.target,
    Host: request.host,
    'Content-Length': String(Buffer.byteLength(request.body)),
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    'X-Amz-Date': datetime,
  };
  return signV4({ method: 'POST', path: request.path, headers, payloadHash: sha256Hex(request.body), region: request.region, service: SERVICE, credentials, datetime });
}
