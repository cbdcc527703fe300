import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';

/**
 * A request handler whose canHandle answers at once, never with a promise. The skill's handlers are tried
 * in order by one router (src/skill.ts), synchronously: the SDK's own chain awaits every canHandle, and
 * those promises were a fifth of what a warm request allocates (docs/performance.md).
 */
export interface SkillHandler {
  canHandle(input: HandlerInput): boolean;
  handle(input: HandlerInput): Response | Promise<Response>;
}
