/**
 * Request envelopes for the benchmark, shaped as Alexa sends them to a Lambda endpoint.
 * Kept here (not shared with the tests) so the bench does not move when test helpers change.
 * Slot resolutions are written out explicitly, as Alexa's entity resolution delivers them.
 */
import { randomUUID } from 'node:crypto';

/** The skill id the bench children get as SKILL_ID; every envelope carries it. */
export const BENCH_SKILL_ID = 'amzn1.ask.skill.5e7c0b1e-be4c-4000-8000-000000000b3c';
export const BENCH_USER_ID = 'amzn1.ask.account.BENCHUSER0000000000000000000000000000';
const DEVICE_ID = 'amzn1.ask.device.BENCHDEVICE000000000000000000000000000';

export interface BenchEnvelope {
  readonly version: string;
  readonly session: { new: boolean; sessionId: string; application: { applicationId: string }; user: { userId: string }; attributes: Record<string, unknown> };
  readonly context: Record<string, unknown>;
  readonly request: Record<string, unknown> & { type: string; requestId: string; timestamp: string; locale: string };
}

/** A slot as Alexa fills it: what was said, and the entity it resolved to (or a no-match). */
export interface SlotValue {
  readonly said: string;
  readonly slotType: string;
  /** Resolved entity; omitted means ER_SUCCESS_NO_MATCH. */
  readonly id?: string;
  readonly name?: string;
}

export interface EnvelopeOptions {
  readonly newSession?: boolean;
  readonly attributes?: Record<string, unknown>;
  readonly sessionId?: string;
  /** @default 'en-US' */
  readonly locale?: string;
}

function envelope(request: Record<string, unknown> & { type: string }, opts: EnvelopeOptions = {}): BenchEnvelope {
  const application = { applicationId: BENCH_SKILL_ID };
  const user = { userId: BENCH_USER_ID };
  return {
    version: '1.0',
    session: {
      new: opts.newSession ?? false,
      sessionId: opts.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
      application,
      user,
      attributes: opts.attributes ?? {},
    },
    context: {
      System: {
        application,
        user,
        device: { deviceId: DEVICE_ID, supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'bench-access-token',
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: new Date().toISOString(),
      locale: opts.locale ?? 'en-US',
      ...request,
    },
  };
}

function slot(name: string, value: SlotValue) {
  const authority = `amzn1.er-authority.echo-sdk.${BENCH_SKILL_ID}.${value.slotType}`;
  return {
    name,
    value: value.said,
    confirmationStatus: 'NONE',
    source: 'USER',
    resolutions: {
      resolutionsPerAuthority: [value.id
        ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: value.id, name: value.name ?? value.said } }] }
        : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }],
    },
  };
}

export function launch(opts: EnvelopeOptions = {}): BenchEnvelope {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...opts });
}

export function intent(name: string, slots: Record<string, SlotValue> = {}, opts: EnvelopeOptions = {}): BenchEnvelope {
  const entries = Object.entries(slots);
  return envelope({
    type: 'IntentRequest',
    dialogState: 'COMPLETED',
    intent: { name, confirmationStatus: 'NONE', ...(entries.length ? { slots: Object.fromEntries(entries.map(([n, v]) => [n, slot(n, v)])) } : {}) },
  }, opts);
}

export function sessionEnded(opts: EnvelopeOptions = {}): BenchEnvelope {
  return envelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }, opts);
}

/** Slot values used by the bench, resolved as the en-US model resolves them. */
export const SLOTS = {
  ankle: { said: 'ankle', slotType: 'RoutineName', id: 'ankle', name: 'ankle' },
  ballRelease: { said: 'ball release', slotType: 'RoutineName', id: 'ballRelease', name: 'ball release' },
  hillRuins: { said: 'hill ruins', slotType: 'PointName', id: 'GB40', name: 'hill ruins' },
} as const satisfies Record<string, SlotValue>;
