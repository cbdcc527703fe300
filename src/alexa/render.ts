/**
 * The renderers at the edge: a core response becomes Alexa's response, reading the same Segment for the
 * speech (SSML), the screen (APL) and, on speakers, a card for where-is answers.
 */
import type { Directive, Response } from 'ask-sdk-model';
import type { Response as CoreResponse } from '../core/respond.js';
import { pointScreen, routineScreen } from '../core/screen.js';
import { renderSsml, type Speech } from '../core/speech.js';
import type { Device, Turn } from '../core/turn.js';
import type { Voice } from '../core/voice.js';
import { executeCommands, renderDocument } from './apl.js';

/**
 * The SSML of a Speech at a rate, kept for as long as the Speech itself: paced segments are memoised
 * (composeSegment), so "next", "repeat" and the screens' continuation send the same words again, and
 * rendering them was the largest allocation of a warm request (docs/performance.md).
 */
const rendered = new WeakMap<Speech, Map<number, string>>();
function ssmlOf(speech: Speech, ratePercent: number): string {
  let byRate = rendered.get(speech);
  if (!byRate) rendered.set(speech, (byRate = new Map()));
  let ssml = byRate.get(ratePercent);
  if (ssml === undefined) byRate.set(ratePercent, (ssml = renderSsml(speech, { ratePercent })));
  return ssml;
}

/**
 * A Turn as Alexa's response: SSML speech and reprompt at the voice's pace, and the session flag.
 * Every speech replaces whatever is still playing or queued (`playBehavior: REPLACE_ALL`): a touch on the
 * screen does not stop Alexa's speech by itself, and the default for a custom skill is not to interrupt
 * (https://developer.amazon.com/docs/alexa-gadgets-toolkit/control-interruption-alexa-speech.html).
 * `open`: no microphone and no session flag (a screen carries the routine on by itself).
 */
export function renderTurn(turn: Turn, voice: Voice, directives: readonly Directive[] = [], open = false): Response {
  const response: Response = {};
  if (turn.speech.length) response.outputSpeech = { type: 'SSML', ssml: `<speak>${ssmlOf(turn.speech, voice.ratePercent)}</speak>`, playBehavior: 'REPLACE_ALL' };
  if (!open && !turn.end && turn.reprompt) response.reprompt = { outputSpeech: { type: 'SSML', ssml: `<speak>${ssmlOf(turn.reprompt, voice.ratePercent)}</speak>` } };
  if (directives.length) response.directives = [...directives];
  if (!open) response.shouldEndSession = turn.end;
  return response;
}

/**
 * A core response with what the device can show: on screens a routine segment gets its document and timed
 * commands and keeps the session open without the microphone, so the document's SendEvent carries the
 * routine on hands-free; speakers get a card for where-is answers. An ignored event gets an empty response.
 */
export function renderResponse(response: CoreResponse, voice: Voice, device: Device): Response {
  const { outcome, segment } = response;
  if (outcome.kind === 'ignored') return {};
  if (device.screen && segment && outcome.kind === 'segment') {
    const { data, events } = routineScreen(voice, outcome.routineId, response.state, segment);
    const directives = [renderDocument('routine', data), executeCommands(events, response.seq ?? 0)];
    // shouldEndSession left undefined with visual content: the session stays open without the microphone
    // (https://developer.amazon.com/en-US/docs/alexa/custom-skills/manage-skill-session-and-session-attributes.html).
    return renderTurn(response.turn, voice, directives, !response.turn.end && segment.next !== undefined);
  }
  if (outcome.kind === 'point') {
    const screen = pointScreen(voice, outcome.pointId);
    if (device.screen) return renderTurn(response.turn, voice, [renderDocument('point', screen)]);
    const withCard = renderTurn(response.turn, voice);
    withCard.card = { type: 'Simple', title: screen.title, content: screen.body };
    return withCard;
  }
  return renderTurn(response.turn, voice);
}
