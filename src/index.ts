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
