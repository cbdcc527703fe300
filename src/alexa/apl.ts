/**
 * APL directives from the core's screen renderer. Documents live in the skill package
 * (skill-package/response/display/<name>/document.json) and are linked, so the Lambda bundle stays small.
 * Sent only to devices whose supportedInterfaces include Alexa.Presentation.APL
 * (https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-support-for-your-skill.html).
 */
import type { Directive } from 'ask-sdk-model';
import type { ScreenData, ScreenEvent } from '../core/screen.js';

const APL_TOKEN = 'footAcupressure';
const link = (name: string) => ({ type: 'Link', src: `doc://alexa/apl/documents/${name}` });

export function renderDocument(name: 'routine' | 'point', screen: ScreenData): Directive {
  return { type: 'Alexa.Presentation.APL.RenderDocument', token: APL_TOKEN, document: link(name), datasources: { payload: { screen } } } as unknown as Directive;
}

/**
 * The timed commands of a routine screen: `SetValue` on the root's bound `remaining` and `caption`
 * at the segment's own times, then `SendEvent` for the next segment when the speech has ended.
 * Delays sit on the children of one `Sequential` (delay is ignored inside event handlers and in fast mode:
 * https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-base-command-properties.html).
 */
export function executeCommands(events: readonly ScreenEvent[]): Directive {
  let at = 0;
  const commands = events.map((e) => {
    const delay = Math.max(0, e.atMs - at);
    at = Math.max(at, e.atMs);
    if ('send' in e) return { type: 'SendEvent', arguments: [e.send, APL_TOKEN], delay };
    return { type: 'SetValue', componentId: 'root', property: e.set, value: e.value, delay };
  });
  return { type: 'Alexa.Presentation.APL.ExecuteCommands', token: APL_TOKEN, commands: [{ type: 'Sequential', commands }] } as unknown as Directive;
}
