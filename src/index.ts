import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { log } from './alexa/log.js';
import { persistenceFromEnv } from './alexa/persistence/index.js';
import { buildSkill, invokeSkill } from './skill.js';

let skill: Skill | undefined;

/** Built on the first request, so a cold start loads only what that request needs. */
function getSkill(): Skill {
  if (!skill) {
    const skillId = process.env.SKILL_ID;
    if (!skillId) {
      log('error', 'config.missing_skill_id');
      throw new Error('SKILL_ID is not set'); // never answer without verifying the skill id
    }
    const persistenceAdapter = persistenceFromEnv();
    skill = buildSkill({ skillId, ...(persistenceAdapter ? { persistenceAdapter } : {}) }).create();
  }
  return skill;
}

/** The Lambda entry point. */
export async function handler(event: RequestEnvelope, context: Context): Promise<ResponseEnvelope> {
  return invokeSkill(getSkill(), event, context);
}
