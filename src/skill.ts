import type { CustomSkillBuilder, PersistenceAdapter, RequestHandler, Skill } from 'ask-sdk-core';
import { SkillBuilders } from './alexa/sdk.js';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { requestContext } from './alexa/context.js';
import { errorFields, log } from './alexa/log.js';
import { finishResponse, loadPersistedState } from './alexa/persistence-sync.js';
import { describeRequest, requestLog } from './alexa/request-log.js';
import type { SkillHandler } from './handlers/handler.js';
import { errorHandler, requestHandlers } from './handlers/index.js';

export interface BuildSkillOptions {
  /** Verified against every request; omit only in the simulator and tests. */
  readonly skillId?: string;
  /** Where preferences and progress outlive the session; without one the skill keeps state per session only. */
  readonly persistenceAdapter?: PersistenceAdapter;
}

/**
 * Wires handlers and interceptors: one request path, used by src/index.ts, the simulator and tests.
 * requestContext (parse state, voice) → loadPersistedState → handler → finishResponse (save, write state) → log.
 */
export function buildSkill(options: BuildSkillOptions = {}): CustomSkillBuilder {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(router(requestHandlers))
    .addErrorHandlers(errorHandler)
    .addRequestInterceptors(requestContext(Boolean(options.persistenceAdapter)));
  if (options.persistenceAdapter) builder.withPersistenceAdapter(options.persistenceAdapter).addRequestInterceptors(loadPersistedState);
  builder.addResponseInterceptors(finishResponse, requestLog);
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder;
}

/**
 * Our handlers as one SDK request handler: the first whose canHandle says yes handles the request, in the
 * order of the list (the last one takes anything). The same as giving the SDK the list, without its
 * awaiting each canHandle in turn, which allocated a promise per handler per request (docs/performance.md).
 */
function router(handlers: readonly SkillHandler[]): RequestHandler {
  return {
    canHandle: () => true,
    handle(input) {
      for (const handler of handlers) if (handler.canHandle(input)) return handler.handle(input);
      throw new Error('no request handler takes this request');
    },
  };
}

/**
 * Invokes a skill, logging requests it refuses (another skill's id) before passing the refusal on.
 * Those never reach a handler, so they get no speech: Alexa only sends us our own skill's requests.
 */
export async function invokeSkill(skill: Skill, envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  try {
    return await skill.invoke(envelope, context);
  } catch (error) {
    log('warn', 'request.rejected', { ...describeRequest(envelope), ...errorFields(error) });
    throw error;
  }
}
