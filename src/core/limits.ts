/**
 * Platform numbers and design budgets, in one place (see shared/docs/alexa-platform.md).
 * Each says whether Amazon publishes it, and where; numbers Amazon does not publish are our
 * design budgets, chosen as explained in docs/performance.md ("Response budgets").
 */

/**
 * Longest single SSML `<break>` Alexa accepts, in ms. Published: SSML reference, `break` tag
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html).
 */
export const MAX_BREAK_MS = 10_000;

/**
 * Output speech (SSML including `<speak>`) must stay under this many characters. Published:
 * best-practice-text-response.html ("under 8,000 characters").
 */
export const MAX_SSML_CHARS = 8_000;

/**
 * Audio budget of one response (speech + breaks + sounds), in ms.
 * Published for audio only: all `<audio>` clips in one outputSpeech may last at most 240 s
 * (request-and-response JSON reference), and an APL-A response at most 240 s (apla-audio.html).
 * No cap on the total length of text-to-speech plus breaks is published; we hold TTS to the same
 * 240 s as a design budget, so a response is always "short-form" audio by the design guide.
 */
export const MAX_RESPONSE_AUDIO_MS = 240_000;

/**
 * The design guide (alexa-design/audio.html) asks for turns of 90 s or less when a reply is expected.
 * Every answer that waits for a reply (help, where-is, questions) stays under this; paced routine
 * segments, which end with a one-word prompt, take the longer {@link MAX_RESPONSE_AUDIO_MS}.
 */
export const MAX_REPLY_TURN_MS = 90_000;

/**
 * Maximum `<audio>` tags in one SSML response. Not published on Amazon's current pages: the number
 * 5 comes from older pages and forum posts; kept as a conservative design budget.
 */
export const MAX_AUDIO_TAGS = 5;

/**
 * Estimated time (ms) between the end of one response and the start of the next when the
 * user continues with one word ("next"): listening, speech, recognition, skill latency.
 * Not published; used to keep a hold's timeline exact across a response boundary.
 */
export const TURN_GAP_MS = 3_000;

/**
 * How long before a request's `request.timestamp` the playback stopped, when the user interrupts a
 * response with the wake word ("Alexa, pause"): saying the command and recognising it, in ms.
 * Not published; an estimate subtracted so a resumed hold never skips time the user did not hold.
 */
export const RECOGNITION_ALLOWANCE_MS = 2_000;

/**
 * After a response ends, the microphone listens 8 s, then the reprompt plays and it listens 8 s more
 * (verified: alexa-design/available.html). A request later than this after the end of a response
 * cannot be the answer to it; in ms, with the reprompt's own length allowed for.
 */
export const LISTEN_WINDOW_MS = 24_000;

/** Tolerance for a cue onset against its planned offset (ms). */
export const CUE_TOLERANCE_MS = 1_000;

/** Design: longest silence between two cues of a hold, in ms (the user should never wonder if the skill is still there). */
export const MAX_SILENCE_MS = 45_000;

/** Design: the pause given to find a point before its first press, at least this, in ms. */
export const FIND_POINT_MIN_MS = 3_000;
