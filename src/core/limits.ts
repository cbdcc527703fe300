/**
 * Platform numbers, in one place (see shared/docs/alexa-platform.md).
 * Where Amazon publishes no number, the value is our design budget and says so.
 */

/** Longest single SSML `<break>` Alexa accepts, in ms. */
export const MAX_BREAK_MS = 10_000;

/** Output speech (SSML including `<speak>`) must stay under this many characters. */
export const MAX_SSML_CHARS = 8_000;

/** Audio budget of one response (speech + breaks + sounds), in ms. Published limit for audio is 240 s; we design TTS to the same budget. */
export const MAX_RESPONSE_AUDIO_MS = 240_000;

/** Maximum `<audio>` tags in one SSML response. */
export const MAX_AUDIO_TAGS = 5;

/**
 * Estimated time (ms) between the end of one response and the start of the next when the
 * user continues with one word ("next"): listening, speech, recognition, skill latency.
 * Not published; used to keep a hold's timeline exact across a response boundary.
 */
export const TURN_GAP_MS = 3_000;

/** Tolerance for a cue onset against its planned offset (ms). */
export const CUE_TOLERANCE_MS = 1_000;
