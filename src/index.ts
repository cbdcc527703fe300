import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { log } from './alexa/log.js';
import { persistenceFromEnv } from './alexa/persistence/index.js';
import { createSkill, type Skill } from './skill.js';

let skill: Skill | undefined;

/** Built on the first request, so a cold start loads only what that request needs. */
function getSkill(): Skill {
  if (!skill) {
    const skillId = process.env.SKILL_ID;
    if (!skillId) {
      log('error', 'config.missing_skill_id');
      throw new Error('SKILL_ID is not set'); // never answer without verifying the skill id
    }
    const store = persistenceFromEnv();
    skill = createSkill({ skillId, ...(store ? { store } : {}) });
  }
  return skill;
}

/** The Lambda entry point. */
export async function handler(event: RequestEnvelope): Promise<ResponseEnvelope> {
  return getSkill().invoke(event);
}

/**
 * The step-stream handler (a Lambda Function URL, payload 2.0) that AudioPlayer fetches: src/audio/handler.ts.
 * The stack deploys it as its own function from its own bundle (`AUDIO_BUNDLE` in infra/bundling.ts), so the
 * skill's bundle leaves the renderer out (`streamHandlerApart` in tools/bundle-plugins.ts) and the skill's cold
 * start pays nothing for it; loaded from the source, this is the same handler.
 */
export async function audio(event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> {
  const stream = await import('./audio/handler.js');
  return stream.audio(event);
}
