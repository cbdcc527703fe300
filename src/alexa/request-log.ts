import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from './sdk.js';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { maybeContextOf } from './context.js';
import { log } from './log.js';
import { intentNameIn } from './request.js';

/** What a log line may say about a request: its type, intent and locale (never user or device ids). */
export function describeRequest(envelope: RequestEnvelope): Record<string, string> {
  const requestType = getRequestType(envelope);
  return {
    requestType,
    // Read safely: a malformed IntentRequest may carry no intent, and this line is also written for errors.
    ...(requestType === 'IntentRequest' ? { intent: intentNameIn(envelope) || 'none' } : {}),
    locale: envelope.request?.locale ?? 'none',
  };
}

/** One structured line per answered request, from the response interceptor and from the error handler alike. */
export function logRequest(input: HandlerInput, response: Response | undefined): void {
  const ctx = maybeContextOf(input);
  log('info', 'request', {
    ...describeRequest(input.requestEnvelope),
    durationMs: ctx ? Number((process.hrtime.bigint() - ctx.startedAt) / 10_000n) / 100 : undefined,
    outcome: ctx?.outcome ?? 'ok',
    endSession: response?.shouldEndSession ?? null,
  });
}

export const requestLog: ResponseInterceptor = { process: (input, response) => logRequest(input, response) };
