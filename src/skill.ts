import { getIntentName, getRequestType, SkillBuilders, type CustomSkillBuilder, type PersistenceAdapter, type RequestInterceptor, type ResponseInterceptor, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { errorFields, log } from './alexa/log.js';
import { loadPersistedState, savePersistedState } from './alexa/persistence-sync.js';
import { normaliseState } from './alexa/session.js';
import { errorHandler, requestHandlers } from './handlers/index.js';

export interface BuildSkillOptions {
  /** Verified against every request; omit only in the simulator and tests. */
  readonly skillId?: string;
  /** Where preferences and progress outlive the session; without one the skill keeps state per session only. */
  readonly persistenceAdapter?: PersistenceAdapter;
}

const STARTED_AT = 'startedAt';

function describe(envelope: RequestEnvelope): Record<string, string> {
  const requestType = getRequestType(envelope);
  return {
    requestType,
    ...(requestType === 'IntentRequest' ? { intent: getIntentName(envelope) } : {}),
    locale: envelope.request?.locale ?? 'none',
  };
}

/** Notes the start time and whether a store is configured. */
const requestContext = (storeEnabled: boolean): RequestInterceptor => ({
  process(input) {
    input.attributesManager.setRequestAttributes({ [STARTED_AT]: process.hrtime.bigint(), storeEnabled });
  },
});

/** One structured log line per answered request. */
const requestLog: ResponseInterceptor = {
  process(input, response) {
    const started = input.attributesManager.getRequestAttributes()[STARTED_AT] as bigint | undefined;
    log('info', 'request', {
      ...describe(input.requestEnvelope),
      durationMs: started === undefined ? undefined : Number((process.hrtime.bigint() - started) / 10_000n) / 100,
      outcome: 'ok',
      endSession: response?.shouldEndSession ?? null,
    });
  },
};

/** Wires handlers and interceptors. Used by src/index.ts, the simulator and tests. */
export function buildSkill(options: BuildSkillOptions = {}): CustomSkillBuilder {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...requestHandlers)
    .addErrorHandlers(errorHandler)
    .addRequestInterceptors(requestContext(Boolean(options.persistenceAdapter)))
    .addResponseInterceptors(normaliseState);
  if (options.persistenceAdapter) {
    builder.withPersistenceAdapter(options.persistenceAdapter)
      .addRequestInterceptors(loadPersistedState)
      .addResponseInterceptors(savePersistedState);
  }
  builder.addResponseInterceptors(requestLog);
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder;
}

/**
 * Invokes a skill, logging requests it refuses (another skill's id) before passing the refusal on.
 * Those never reach a handler, so they get no speech: Alexa only sends us our own skill's requests.
 */
export async function invokeSkill(skill: Skill, envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  try {
    return await skill.invoke(envelope, context);
  } catch (error) {
    log('warn', 'request.rejected', { ...describe(envelope), ...errorFields(error) });
    throw error;
  }
}
