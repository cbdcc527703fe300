import type { ErrorHandler } from 'ask-sdk-core';
import { isSessionless, maybeContextOf, voiceOf } from '../alexa/context.js';
import { errorFields, log } from '../alexa/log.js';
import { finish } from '../alexa/persistence-sync.js';
import { renderTurn } from '../alexa/render.js';
import { logRequest } from '../alexa/request-log.js';
import { errorTurn } from '../core/turn.js';

/**
 * Apologises and keeps the routine: the state is written as it was parsed (never as it came in),
 * through the same one write as every response. Sessionless requests get an empty response.
 */
export const errorHandler: ErrorHandler = {
  canHandle: () => true,
  async handle(input, error) {
    log('error', 'request.failed', errorFields(error));
    const ctx = maybeContextOf(input);
    if (ctx) ctx.outcome = 'error';
    if (isSessionless(input)) {
      const silent = input.responseBuilder.getResponse();
      logRequest(input, silent);
      return silent;
    }
    await finish(input).catch((e: unknown) => log('warn', 'request.finish_failed', errorFields(e)));
    const voice = await voiceOf(input);
    const response = renderTurn(input, errorTurn(voice, Boolean(ctx?.state.progress)), voice);
    logRequest(input, response); // response interceptors do not run after an error handler
    return response;
  },
};
