/**
 * The AudioPlayer at the edge: reading what the device reports (`context.AudioPlayer`, the AudioPlayer and
 * PlaybackController requests), and rendering the core's PlayerAction as `AudioPlayer.Play` / `AudioPlayer.Stop`
 * with a signed step-stream URL (src/audio/url.ts) and a compact token. Facts from Amazon's AudioPlayer reference
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/audioplayer-interface-reference.html): a response
 * with Play ends the session; a response to an AudioPlayer or PlaybackController request may carry AudioPlayer
 * directives only (no speech, card or reprompt); ENQUEUE names the playing stream in `expectedPreviousToken`.
 */
import type { Directive, RequestEnvelope } from 'ask-sdk-model';
import { ROUTINE_IDS, type RoutineId } from '../core/content/types.js';
import type { StreamRef } from '../core/events.js';
import { isLightStep } from '../core/lighter.js';
import type { PlayerAction } from '../core/outcomes.js';
import type { SkillState } from '../core/state.js';
import type { Device } from '../core/turn.js';
import { signedStreamUrl, streamParams } from '../audio/url.js';
import { obj, supportedInterfacesOf } from './request.js';

/** Where step streams are served and how their URLs are signed (AUDIO_BASE_URL, AUDIO_URL_KEY). */
export interface StreamConfig { readonly baseUrl: string; readonly key: string }

/** The stream configuration from the environment; undefined (speech only) unless both are set. */
export function streamConfigFromEnv(env: Record<string, string | undefined> = process.env): StreamConfig | undefined {
  const baseUrl = env.AUDIO_BASE_URL;
  const key = env.AUDIO_URL_KEY;
  return baseUrl && key ? { baseUrl, key } : undefined;
}

/** A signed URL stays valid this long: the longest routine, paused a while, with a margin. */
const URL_VALID_S = 6 * 3600;


/** A stream's token: `fa1.<routine>.<step>.<seq>` (routine, step, and the id of the response that sent it). */
export const tokenOf = (stream: StreamRef): string => `fa1.${stream.routineId}.${stream.stepIndex}.${stream.seq}`;

/** Reads a token of ours; undefined for anything else (another skill's, or tampered). */
export function parseToken(token: unknown): StreamRef | undefined {
  if (typeof token !== 'string' || token.length > 64) return undefined;
  const m = /^fa1\.([A-Za-z]+)\.(\d{1,2})\.(\d{1,9})$/.exec(token);
  if (!m || !(ROUTINE_IDS as readonly string[]).includes(m[1] as string)) return undefined;
  return { routineId: m[1] as RoutineId, stepIndex: Number(m[2]), seq: Number(m[3]) };
}

/** The device has an AudioPlayer and no screen (APL): a speaker that can play routines as streams. */
export function isAudioSpeaker(envelope: RequestEnvelope): boolean {
  const interfaces = supportedInterfacesOf(envelope);
  return Boolean(interfaces?.AudioPlayer) && !interfaces?.['Alexa.Presentation.APL'];
}

/** What `context.AudioPlayer` reports: our stream and its offset, when its token is ours. */
export function playerOf(envelope: RequestEnvelope): Device['player'] {
  const player = obj(obj(envelope.context)?.AudioPlayer);
  const stream = parseToken(player?.token);
  const offset = Number(player?.offsetInMilliseconds);
  return stream ? { stream, offsetMs: Number.isFinite(offset) && offset >= 0 ? offset : 0 } : undefined;
}

/** The device as the core sees it: a screen, or a speaker that plays streams (when streams are configured). */
export function deviceOf(envelope: RequestEnvelope, screen: boolean, config: StreamConfig | undefined): Device {
  const player = playerOf(envelope);
  return { screen, ...(config && !screen && isAudioSpeaker(envelope) ? { audio: true } : {}), ...(player ? { player } : {}) };
}


/** AudioPlayer.Play or Stop for a core PlayerAction, with the stream's signed URL for this user's settings. */
export function playerDirective(action: PlayerAction, state: SkillState, locale: string, config: StreamConfig, nowMs: number): Directive {
  if (action.kind === 'stop') return { type: 'AudioPlayer.Stop' };
  const params = streamParams(action.routineId, action.stepIndex, state.prefs, state.leaveOut, locale, undefined, isLightStep(state, action.stepIndex), state.progress?.returning === true);
  const url = signedStreamUrl(config.baseUrl, params, config.key, Math.floor(nowMs / 1000) + URL_VALID_S);
  const token = tokenOf({ routineId: action.routineId, stepIndex: action.stepIndex, seq: action.seq });
  return {
    type: 'AudioPlayer.Play', playBehavior: action.behavior,
    audioItem: {
      stream: {
        url, token, offsetInMilliseconds: action.offsetMs,
        ...(action.previous ? { expectedPreviousToken: tokenOf({ routineId: action.routineId, ...action.previous }) } : {}),
      },
    },
  };
}
