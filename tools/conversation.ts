/**
 * Drives the real skill turn by turn, the way Alexa does: text → model resolution → request envelope
 * → handler, with session attributes carried from each response into the next request and a new
 * session after the skill ends one.
 */
import { randomUUID } from 'node:crypto';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest, rawRequest, sessionEndedRequest, TEST_USER_ID, type EnvelopeOptions } from './envelopes.js';
import { resolveUtterance } from './nlu.js';

/** The skill's ResponseEnvelope as it came back, plus readable views of it. */
export interface Reply extends ResponseEnvelope {
  readonly envelope: ResponseEnvelope;
  readonly request: RequestEnvelope;
  /** SSML of the speech ('' when silent). */
  readonly ssml: string;
  /** The speech with every SSML tag stripped and entities unescaped ('' when silent). */
  readonly speechText: string;
  /** The speech as text, pauses shown like [pause 10s] and chimes as [chime]. */
  readonly text: string;
  /** Reprompt as text ('' when none). */
  readonly reprompt: string;
  /** Sum of all breaks in the speech, in ms. */
  readonly pausesMs: number;
  readonly ended: boolean;
}

/** SSML → readable text: breaks folded into [pause Ns], chimes into [chime]. */
export function ssmlToText(ssml: string): string {
  let out = '';
  let pending = 0;
  const flush = () => { if (pending) out += ` [pause ${Math.round(pending / 100) / 10}s] `; pending = 0; };
  for (const token of ssml.replace(/<\/?speak>/g, '').split(/(<[^>]+>)/)) {
    const br = /^<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*\/>$/.exec(token);
    if (br) { pending += Number(br[1]) * (br[2] === 's' ? 1000 : 1); continue; }
    if (token.startsWith('<audio')) { flush(); out += ' [chime] '; continue; }
    if (token.startsWith('<')) continue;
    if (token.trim()) { flush(); out += token; }
  }
  flush();
  return unescapeXml(out).replace(/\s+/g, ' ').trim();
}

/** SSML → plain text: every tag dropped (breaks and audio included), entities unescaped. */
export function stripSsml(ssml: string): string {
  return unescapeXml(ssml.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Sum of the `<break time>` durations in SSML, in ms. */
export function pausesMsOf(ssml: string): number {
  return [...ssml.matchAll(/<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*\/>/g)].reduce((a, m) => a + Number(m[1]) * (m[2] === 's' ? 1000 : 1), 0);
}

const unescapeXml = (text: string): string =>
  text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The speech as SSML; PlainText speech is escaped so that every view reads it the same way. */
function ssmlOf(speech: unknown): string {
  if (!speech || typeof speech !== 'object') return '';
  if ('ssml' in speech) return String((speech as { ssml: string }).ssml);
  if ('text' in speech) return String((speech as { text: string }).text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return '';
}

export class Conversation {
  private attributes: Record<string, unknown> | undefined;
  private sessionId = randomUUID();
  private open = false;

  constructor(private readonly skill: Skill, private readonly base: EnvelopeOptions = {}) {}

  private options(): EnvelopeOptions {
    return { userId: TEST_USER_ID, ...this.base, newSession: !this.open, sessionId: `amzn1.echo-api.session.${this.sessionId}`, sessionAttributes: this.attributes ?? {} };
  }

  /** Says something to the skill, as a user would to the device. */
  async say(text: string): Promise<Reply> {
    const r = resolveUtterance(text);
    if (r.kind === 'launch' || r.oneShot) this.endSession();
    if (r.kind === 'launch') return this.send(launchRequest(this.options()));
    return this.send(intentRequest(r.intent as string, r.slots, this.options()));
  }

  /** Sends an intent directly, with slot values resolved against the model. */
  intent(name: string, slots: Record<string, string> = {}): Promise<Reply> {
    return this.send(intentRequest(name, slots, this.options()));
  }

  launch(): Promise<Reply> {
    this.endSession();
    return this.send(launchRequest(this.options()));
  }

  /** The session times out or ends on the device: a SessionEndedRequest, then a fresh session. */
  async sessionEnded(reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS' = 'EXCEEDED_MAX_REPROMPTS'): Promise<Reply> {
    const reply = await this.send(sessionEndedRequest(reason, this.options()));
    this.endSession();
    return reply;
  }

  raw(type: string, fields: Record<string, unknown> = {}): Promise<Reply> {
    return this.send(rawRequest(type, fields, this.options()));
  }

  /** Starts the next request in a new session, as after the user walks away. */
  endSession(): void {
    this.open = false;
    this.attributes = undefined;
    this.sessionId = randomUUID();
  }

  async send(request: RequestEnvelope): Promise<Reply> {
    const envelope = await this.skill.invoke(request);
    const ended = envelope.response.shouldEndSession !== false || request.request.type === 'SessionEndedRequest';
    if (ended) this.endSession();
    else {
      this.open = true;
      this.attributes = envelope.sessionAttributes ?? {};
    }
    const ssml = ssmlOf(envelope.response.outputSpeech);
    return {
      ...envelope, envelope, request, ssml, speechText: stripSsml(ssml), text: ssmlToText(ssml),
      reprompt: ssmlToText(ssmlOf(envelope.response.reprompt?.outputSpeech)), pausesMs: pausesMsOf(ssml), ended,
    };
  }
}
