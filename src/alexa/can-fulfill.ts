/**
 * CanFulfillIntentRequest: YES for our own intents when every given slot resolved, MAYBE when some did not.
 * No speech, no state, no store: Amazon forbids any observable effect
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/implement-canfulfillintentrequest-for-name-free-interaction.html).
 */
import type { canfulfill, RequestEnvelope } from 'ask-sdk-model';
import { intentNameIn, readRawSlot } from './request.js';

/** Intents this skill can take on without a conversation (name-free routing), by name. */
const FULFILLABLE = new Set([
  'StartRoutineIntent', 'StartAnkleRoutineIntent', 'StartHeelRoutineIntent', 'ListRoutinesIntent',
  'WherePointIntent', 'PointBenefitIntent', 'TechniqueIntent', 'ResumeRoutineIntent', 'SymptomIntent',
]);

export function canFulfillIntent(envelope: RequestEnvelope): canfulfill.CanFulfillIntent {
  const request = envelope.request as { intent?: { slots?: Record<string, Parameters<typeof readRawSlot>[0]> } };
  const slots: Record<string, canfulfill.CanFulfillSlot> = {};
  let allUnderstood = true;
  for (const [name, slot] of Object.entries(request.intent?.slots ?? {})) {
    const matched = readRawSlot(slot).status === 'match';
    if (!matched) allUnderstood = false;
    slots[name] = { canUnderstand: matched ? 'YES' : 'MAYBE', canFulfill: matched ? 'YES' : 'NO' };
  }
  const canFulfill = FULFILLABLE.has(intentNameIn(envelope)) ? (allUnderstood ? 'YES' : 'MAYBE') : 'NO';
  return { canFulfill, slots };
}
