/**
 * Drives the real skill turn by turn, the way Alexa does: text → model resolution → request envelope
 * → handler, with session attributes carried from each response into the next request and a new
 * session after the skill ends one. Time is simulated: each request's timestamp is the previous one plus
 * the estimated length of the answer and the user's reply, unless a turn interrupts it or waits.
 */
import { randomUUID } from 'node:crypto';
import type { Skill } from '../src/skill.js';
import type { Directive, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { TURN_GAP_MS } from '../src/core/limits.js';
import { audioPlayerRequest, canFulfillRequest, intentRequest, launchRequest, rawRequest, sessionEndedRequest, TEST_USER_ID, type EnvelopeOptions, type PlayerContext, type SlotInput } from './envelopes.js';
import { resolveUtterance } from './nlu.js';
import { escapeSsml } from '../src/core/speech.js';
import { estimateSsmlMs, pausesMsOf, ssmlOf, ssmlToText, stripSsml } from './ssml.js';

export { pausesMsOf, ssmlToText, stripSsml } from './ssml.js';

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
  /** Estimated length of the speech, in ms. */
  readonly lengthMs: number;
  /** The session is over (shouldEndSession true, or a SessionEndedRequest). Undefined shouldEndSession with a screen keeps it open. */
  readonly ended: boolean;
  readonly directives: readonly Directive[];
}

/** The speech as SSML; PlainText speech is escaped so that every view reads it the same way. */
/** The SSML of an outputSpeech; a PlainText one escaped as SSML would be. */
function speechSsml(speech: unknown): string {
  const ssml = ssmlOf(speech);
  if (ssml !== undefined) return ssml;
  return speech && typeof speech === 'object' && 'text' in speech ? escapeSsml(String((speech as { text: unknown }).text)) : '';
}

export interface ConversationOptions extends EnvelopeOptions {
  /** `virtual` (default): timestamps follow the estimated speech; `real`: the machine's clock (the simulator's --realtime). */
  readonly clock?: 'virtual' | 'real';
  /** Virtual time the user takes to answer after a response ends, in ms. @default TURN_GAP_MS */
  readonly replyGapMs?: number;
  /** Virtual start time, in epoch ms. */
  readonly startMs?: number;
}

export interface TurnOptions {
  /** Interrupt the last response this long after it was sent ("Alexa, pause" 100 s in), in ms. */
  readonly afterMs?: number;
}

export class Conversation {
  private attributes: Record<string, unknown> | undefined;
  private sessionId = randomUUID();
  private open = false;
  /** Virtual clock: when the last request was sent, and when the next one would come without interruption. */
  private lastSentMs: number;
  private nextAtMs: number;
  /** What the device's AudioPlayer would report in `context.AudioPlayer` (a speaker that played our stream). */
  private player: PlayerContext | undefined;

  constructor(private readonly skill: Skill, private readonly base: ConversationOptions = {}) {
    this.lastSentMs = base.startMs ?? Date.parse('2026-12-01T09:00:00Z');
    this.nextAtMs = this.lastSentMs;
  }

  get locale(): string { return this.base.locale ?? 'en-US'; }

  /** Lets virtual time pass before the next request (the user walks away, or waits). */
  wait(ms: number): void { this.nextAtMs += ms; }

  private timestamp(turn: TurnOptions = {}): number {
    if (this.base.clock === 'real') return Date.now();
    return turn.afterMs !== undefined ? this.lastSentMs + turn.afterMs : this.nextAtMs;
  }

  private options(turn?: TurnOptions): EnvelopeOptions {
    return {
      userId: TEST_USER_ID, ...this.base, newSession: !this.open, sessionId: `amzn1.echo-api.session.${this.sessionId}`,
      sessionAttributes: this.attributes ?? {}, timestampMs: this.timestamp(turn), ...(this.player ? { player: this.player } : {}),
    };
  }

  /** Sets what the device's player reports with every request from now on (undefined: it has played nothing). */
  setPlayer(player: PlayerContext | undefined): void { this.player = player; }

  /** The device's AudioPlayer reports on a stream: no session, the token and offset; virtual time moves to `atMs`. */
  report(type: `AudioPlayer.${string}`, token: string, offsetMs: number, atMs?: number): Promise<Reply> {
    if (atMs !== undefined && this.base.clock !== 'real') this.nextAtMs = Math.max(this.nextAtMs, atMs);
    return this.send(audioPlayerRequest(type, token, offsetMs, { ...this.options(), timestampMs: this.timestamp() }));
  }

  /** Says something to the skill, as a user would to the device. */
  async say(text: string, turn: TurnOptions = {}): Promise<Reply> {
    const r = resolveUtterance(text, this.locale);
    if (r.kind === 'launch' || r.oneShot) this.endSession();
    if (r.kind === 'launch') return this.send(launchRequest(this.options(turn)));
    return this.send(intentRequest(r.intent, r.slots, this.options(turn)));
  }

  /** Sends an intent directly, with slot values resolved against the model. */
  intent(name: string, slots: Record<string, SlotInput> = {}, turn: TurnOptions = {}): Promise<Reply> {
    return this.send(intentRequest(name, slots, this.options(turn)));
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

  /** A screen's SendEvent or a touch: an Alexa.Presentation.APL.UserEvent with these arguments. */
  userEvent(args: readonly unknown[], turn: TurnOptions = {}): Promise<Reply> {
    return this.send(rawRequest('Alexa.Presentation.APL.UserEvent', { token: 'footAcupressure', arguments: args, source: { type: 'TouchWrapper', handler: 'Press' } }, this.options(turn)));
  }

  /**
   * The screen's own event at the end of a reply's speech: the arguments of the SendEvent in its timed
   * commands (the response's id included), sent back as the device would. Undefined when the reply has none.
   */
  screenDone(reply: Reply, turn: TurnOptions = {}): Promise<Reply> | undefined {
    const args = sendEventArgs(reply.directives);
    return args ? this.userEvent(args, turn) : undefined;
  }

  raw(type: string, fields: Record<string, unknown> = {}): Promise<Reply> {
    return this.send(rawRequest(type, fields, this.options()));
  }

  canFulfill(name: string, slots: Record<string, SlotInput> = {}): Promise<Reply> {
    return this.send(canFulfillRequest(name, slots, this.options()));
  }

  /** Starts the next request in a new session, as after the user walks away. */
  endSession(): void {
    this.open = false;
    this.attributes = undefined;
    this.sessionId = randomUUID();
  }

  async send(request: RequestEnvelope): Promise<Reply> {
    const envelope = await this.skill.invoke(request);
    const type = request.request.type;
    const sessionless = !request.session;
    const ssml = speechSsml(envelope.response.outputSpeech);
    const lengthMs = ssml ? estimateSsmlMs(ssml, this.locale) : 0;
    if (!sessionless) {
      const sent = Date.parse(request.request.timestamp);
      this.lastSentMs = sent;
      this.nextAtMs = sent + lengthMs + (this.base.replyGapMs ?? TURN_GAP_MS);
    }
    const ended = envelope.response.shouldEndSession === true || type === 'SessionEndedRequest';
    if (!sessionless) {
      if (ended) this.endSession();
      else {
        this.open = true;
        this.attributes = envelope.sessionAttributes ?? {};
      }
    }
    return {
      ...envelope, envelope, request, ssml, speechText: stripSsml(ssml), text: ssmlToText(ssml),
      reprompt: ssmlToText(speechSsml(envelope.response.reprompt?.outputSpeech)), pausesMs: pausesMsOf(ssml), lengthMs, ended,
      directives: envelope.response.directives ?? [],
    };
  }
}

/** The arguments of the SendEvent in a response's ExecuteCommands, if it has one. */
export function sendEventArgs(directives: readonly Directive[]): readonly unknown[] | undefined {
  const find = (commands: unknown): readonly unknown[] | undefined => {
    for (const c of Array.isArray(commands) ? (commands as Record<string, unknown>[]) : []) {
      if (c.type === 'SendEvent' && Array.isArray(c.arguments)) return c.arguments as unknown[];
      const inner = find(c.commands);
      if (inner) return inner;
    }
    return undefined;
  };
  for (const d of directives as unknown as Record<string, unknown>[]) {
    if (d.type === 'Alexa.Presentation.APL.ExecuteCommands') {
      const args = find(d.commands);
      if (args) return args;
    }
  }
  return undefined;
}
