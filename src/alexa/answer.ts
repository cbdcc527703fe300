import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { respond } from '../core/respond.js';
import type { RoutineEvent } from '../core/routine-state.js';
import type { Turn } from '../core/turn.js';
import { contextOf } from './context.js';
import { renderResponse, renderTurn } from './render.js';

/** The usual handler body: one event through the core, the new state kept for the one write, and what it produced rendered. */
export function answer(input: HandlerInput, event: RoutineEvent): Response {
  const ctx = contextOf(input);
  const response = respond(ctx.voice, ctx.state, event, ctx.nowMs, ctx.device);
  ctx.state = response.state;
  ctx.outcome = response.outcome.kind;
  return renderResponse(input, response);
}

/** A turn that changes no state (lists, unknown names). */
export function speak(input: HandlerInput, turn: Turn, outcome: string): Response {
  contextOf(input).outcome = outcome;
  return renderTurn(input, turn);
}
