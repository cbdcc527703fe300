/**
 * Bench candidate: the shipped DynamoDB client with aws4 signing its requests (the client shipped until
 * 2026-12-01), swapped in for src/alexa/persistence/sigv4.ts at bundle time (tools/bench/bundles.ts).
 * Same headers as ours (tests/alexa/sigv4.test.ts); aws4 loads node:crypto to make them.
 */
import aws4 from 'aws4';
import type { SignedRequest } from '../../src/alexa/persistence/sigv4.js';

export function signDynamoRequest(request: SignedRequest): Record<string, string> {
  const [hostname, port] = request.host.startsWith('[') ? [request.host.slice(0, request.host.indexOf(']') + 1), request.host.split(']:')[1]] : request.host.split(':');
  const signed = aws4.sign({
    hostname, ...(port ? { port: Number(port) } : {}), path: request.path, method: 'POST', service: 'dynamodb', region: request.region, body: request.body,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': request.target },
  }, request.credentials);
  return Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]));
}
