import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { log } from './log.js';
import { intentNameIn, localeOf, requestTypeOf } from './request.js';

/** What a log line may say about a request: its type, intent and locale (never user or device ids). */
export function describeRequest(envelope: RequestEnvelope): Record<string, string> {
  const requestType = requestTypeOf(envelope);
  const locale = localeOf(envelope);
  return {
    requestType: requestType || 'none',
    // Read safely: a malformed IntentRequest may carry no intent, and this line is also written for errors.
    ...(requestType === 'IntentRequest' ? { intent: intentNameIn(envelope) || 'none' } : {}),
    locale: typeof locale === 'string' ? locale.slice(0, 16) : 'none',
  };
}

/** One structured line per answered request, errors included. */
export function logRequest(envelope: RequestEnvelope, response: Response | undefined, startedAt: bigint, outcome: string): void {
  log('info', 'request', {
    ...describeRequest(envelope),
    durationMs: Number((process.hrtime.bigint() - startedAt) / 10_000n) / 100,
    outcome,
    endSession: response?.shouldEndSession ?? null,
  });
}
