import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { forIntents, intentNameOf } from '../alexa/request.js';
import type { RoutineEvent } from '../core/routine-state.js';

/** Intents that move through a routine or answer its questions, and the core event each one means. */
const EVENTS: Readonly<Record<string, RoutineEvent>> = {
  'AMAZON.NextIntent': { type: 'next' },
  'AMAZON.PreviousIntent': { type: 'previous' },
  'AMAZON.RepeatIntent': { type: 'repeat' },
  'AMAZON.PauseIntent': { type: 'pause' },
  'AMAZON.ResumeIntent': { type: 'resume' },
  ResumeRoutineIntent: { type: 'resume' },
  'AMAZON.StartOverIntent': { type: 'startOver' },
  'AMAZON.YesIntent': { type: 'answer', answer: 'yes' },
  'AMAZON.NoIntent': { type: 'answer', answer: 'no' },
  UnsureIntent: { type: 'answer', answer: 'unsure' },
  SkipIntent: { type: 'skip' },
  OtherFootIntent: { type: 'otherFoot' },
  RedoIntent: { type: 'redo' },
  LighterIntent: { type: 'lighter' },
  HowLongIntent: { type: 'howLong' },
  WhatsNextIntent: { type: 'whatsNext' },
  CurrentPointIntent: { type: 'currentPoint', cantFind: false },
  CantFindIntent: { type: 'currentPoint', cantFind: true },
};

/** Next, back, repeat, pause, resume, skip, answers, and the questions asked mid-routine: at any moment. */
export const navigationHandler: SkillHandler = {
  canHandle: forIntents(...Object.keys(EVENTS)),
  handle: (input) => answer(input, EVENTS[intentNameOf(input)] ?? { type: 'repeat' }),
};
