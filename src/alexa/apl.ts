/**
 * APL directives from the core's screen renderer. Documents live in the skill package
 * (skill-package/response/display/<name>/document.json) and are linked, so the Lambda bundle stays small.
 * Sent only to devices whose supportedInterfaces include Alexa.Presentation.APL
 * (https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-support-for-your-skill.html).
 */
import type { interfaces } from 'ask-sdk-model';
import type { ScreenData, ScreenEvent } from '../core/screen.js';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

const APL_TOKEN = 'footAcupressure';
const link = (name: string) => ({ type: 'Link', src: `doc://alexa/apl/documents/${name}` });

export function renderDocument(name: 'routine' | 'point', screen: ScreenData): RenderDocument {
  return { type: 'Alexa.Presentation.APL.RenderDocument', token: APL_TOKEN, document: link(name), datasources: { payload: { screen } } };
}

/**
 * The timed commands of a routine screen: `SetValue` on the root's bound `remaining` and `caption` at the
 * segment's own times, then `SendEvent` for the next segment when the speech has ended, carrying the
 * response's id (`seq`) so that an event for an earlier response paces nothing.
 * - Delays sit on the children of one `Sequential` (delay is ignored inside event handlers and in fast mode).
 * - `screenLock: true` keeps the screen's interaction timer off for the whole sequence, delays included
 *   (both: https://developer.amazon.com/docs/alexa-presentation-language/apl-base-command-properties.html).
 */
export function executeCommands(events: readonly ScreenEvent[], seq: number): ExecuteCommands {
  let at = 0;
  const commands = events.map((e) => {
    const delay = Math.max(0, e.atMs - at);
    at = Math.max(at, e.atMs);
    if ('send' in e) return { type: 'SendEvent', arguments: [e.send, APL_TOKEN, seq], delay };
    return { type: 'SetValue', componentId: 'root', property: e.set, value: e.value, delay };
  });
  return { type: 'Alexa.Presentation.APL.ExecuteCommands', token: APL_TOKEN, commands: [{ type: 'Sequential', screenLock: true, commands }] as ExecuteCommands['commands'] };
}
