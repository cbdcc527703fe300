/**
 * A routine on a speaker with AudioPlayer, request by request as Alexa sends them: the answer after the one
 * question plays the first step's stream, and from then on the device's own reports (sessionless, each with its
 * token and offset) carry the routine to its end with no other word. Pause, resume, next and back read the
 * device's offset; a one-shot question during playback answers about the point at that offset; a failed stream
 * turns the routine back to speech. The store is a real DynamoDB-compatible server (dynalite).
 */
import type { Directive, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import points from '../../locales/en/points.json';
import routines from '../../locales/en/routines.json';
import { parseToken } from '../../src/alexa/audio-player.js';
import { loadVoice } from '../../src/alexa/i18n.js';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { verifyStreamRequest } from '../../src/audio/url.js';
import { planStream } from '../../src/audio/stream.js';
import { FIRM_CUES } from '../../src/core/lighter.js';
import { streamPlace } from '../../src/core/audio-plan.js';
import { getRoutine } from '../../src/core/content/routines.js';
import { planRoutine } from '../../src/core/plan.js';
import { clockOf } from '../../src/core/respond.js';
import { parseState } from '../../src/core/state-parse.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';
import type { Voice } from '../../src/core/voice.js';
import { createSkill, type Skill } from '../../src/skill.js';
import { audioPlayerRequest, intentRequest, launchRequest, rawRequest, type EnvelopeOptions, type PlayerContext } from '../../tools/envelopes.js';
import { speechTextOf } from '../../tools/ssml.js';
import { startDynalite, TEST_CREDENTIALS, type LocalDynamo } from '../support/dynalite.js';
import { logged } from '../support/outcomes.js';
import { expectValidResponse, silenceOf } from '../support/response-checks.js';

const T0 = Date.parse('2026-12-07T20:00:00Z');
const AUDIO = { baseUrl: 'https://streams.example.on.aws/', key: 'a-test-key-for-signing-stream-urls-0123456789' };
const FIRM: ReadonlySet<string> = FIRM_CUES;
const ANKLE = planRoutine('ankle', DEFAULT_PREFERENCES, false).steps.map((s) => s.index);

let db: LocalDynamo;
let store: DynamoDbPersistenceAdapter;
let skill: Skill;
let voice: Voice;
let users = 0;

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoDbPersistenceAdapter({ tableName: db.tableName, endpoint: db.endpoint, credentials: TEST_CREDENTIALS, timeoutMs: 1000, maxAttempts: 1 });
  skill = createSkill({ store, audio: AUDIO });
  voice = await loadVoice('en-US');
});
afterAll(async () => { await db.stop(); });

interface Play { readonly token: string; readonly url: string; readonly offsetMs: number; readonly behavior: string; readonly expectedPreviousToken?: string }

const playOf = (res: ResponseEnvelope): Play | undefined => {
  const d = res.response.directives?.find((x) => x.type === 'AudioPlayer.Play') as (Directive & { playBehavior: string; audioItem: { stream: { url: string; token: string; offsetInMilliseconds: number; expectedPreviousToken?: string } } }) | undefined;
  if (!d) return undefined;
  const s = d.audioItem.stream;
  return { token: s.token, url: s.url, offsetMs: s.offsetInMilliseconds, behavior: d.playBehavior, ...(s.expectedPreviousToken ? { expectedPreviousToken: s.expectedPreviousToken } : {}) };
};
const stops = (res: ResponseEnvelope) => Boolean(res.response.directives?.some((d) => d.type === 'AudioPlayer.Stop'));
const stepOf = (token: string) => parseToken(token)?.stepIndex;

/** The signed URL verifies with the stream function's own check, and names the step its token names. */
function expectSigned(play: Play, nowMs: number): void {
  const url = new URL(play.url);
  expect(url.origin + url.pathname).toBe('https://streams.example.on.aws/step.mp3');
  const verdict = verifyStreamRequest(url.pathname, url.search.slice(1), AUDIO.key, Math.floor(nowMs / 1000));
  expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
  if (verdict.ok) {
    expect(verdict.params.routine).toBe('ankle');
    expect(verdict.params.step).toBe(stepOf(play.token));
    expect(verdict.params.locale).toBe('en-US');
  }
}

/** One user on one speaker: a session while they talk, and the device's reports without one. */
class Speaker {
  readonly userId = `amzn1.ask.account.AUDIO${(users += 1)}`;
  now = T0;
  private attributes: Record<string, unknown> | undefined;
  readonly events: string[] = [];

  private opts(extra: EnvelopeOptions = {}): EnvelopeOptions {
    return { userId: this.userId, audioPlayer: true, timestampMs: this.now, ...extra };
  }

  async send(env: RequestEnvelope): Promise<ResponseEnvelope> {
    const res = await skill.invoke(env);
    if (process.env.DEBUG_AUDIO) console.log(JSON.stringify(res.response).slice(0, 600));
    await expectValidResponse(res, silenceOf(env as never));
    this.attributes = res.response.shouldEndSession === false ? res.sessionAttributes : undefined;
    return res;
  }

  /** An utterance: in the open session, or a one-shot (a new session) carrying the player's context. */
  async say(intent: string, player?: PlayerContext, slots: Parameters<typeof intentRequest>[1] = {}): Promise<ResponseEnvelope> {
    // Alexa stops a playing stream to listen, and says so (PlaybackStopped) before the utterance's request.
    if (player?.playerActivity === 'PLAYING') await this.report('AudioPlayer.PlaybackStopped', player.token, player.offsetInMilliseconds);
    const inSession = this.attributes !== undefined;
    const env = intentRequest(intent, slots, this.opts({ newSession: !inSession, ...(inSession ? { sessionAttributes: this.attributes } : {}), ...(player ? { player } : {}) }));
    return this.send(env);
  }

  async report(type: `AudioPlayer.${string}`, token: string, offsetMs: number): Promise<ResponseEnvelope> {
    this.events.push(`${type.replace('AudioPlayer.', '')}(step ${stepOf(token)}${offsetMs ? ` @${Math.round(offsetMs / 1000)}s` : ''})`);
    return this.send(audioPlayerRequest(type, token, offsetMs, this.opts()));
  }

  async stored() {
    const raw = await store.getAttributes(intentRequest('AMAZON.HelpIntent', {}, this.opts()));
    return parseState(raw?.state);
  }

  /** "Start ankle routine", then "no" to the one question: the first step's stream. */
  async start(): Promise<Play> {
    const asked = await this.say('StartAnkleRoutineIntent');
    expect(playOf(asked)).toBeUndefined();
    const answer = await this.say('AMAZON.NoIntent');
    const play = playOf(answer);
    expect(play, 'the answer to the question plays the first step').toBeDefined();
    return play as Play;
  }
}

/** What the stream function would render for a Play's URL: its verified parameters and the stream's plan. */
async function streamOf(play: Play) {
  const url = new URL(play.url);
  const verdict = verifyStreamRequest(url.pathname, url.search.slice(1), AUDIO.key, Math.floor(T0 / 1000) + 60);
  if (!verdict.ok) throw new Error(JSON.stringify(verdict));
  return { params: verdict.params, plan: await planStream(verdict.params) };
}

const silentResponse = (res: ResponseEnvelope) => {
  expect(res.response.outputSpeech).toBeUndefined();
  expect(res.response.reprompt).toBeUndefined();
};

describe('AudioPlayer: a routine as step streams on a speaker', () => {
  it('walks the whole ankle routine by the device\'s reports alone, each queued stream the next step\'s', async () => {
    const user = new Speaker();
    const first = await user.start();
    expect(first).toMatchObject({ behavior: 'REPLACE_ALL', offsetMs: 0 });
    expect(stepOf(first.token)).toBe(ANKLE[0]);
    expectSigned(first, user.now);
    let current = first;
    const enqueued: number[] = [];
    for (let i = 0; i < ANKLE.length; i += 1) {
      const length = clockOf(voice, { prefs: DEFAULT_PREFERENCES }, 'ankle', ANKLE[i] as number).durationMs + 60_000;
      silentResponse(await user.report('AudioPlayer.PlaybackStarted', current.token, 0));
      user.now += length - 20_000;
      const nearly = await user.report('AudioPlayer.PlaybackNearlyFinished', current.token, length - 20_000);
      silentResponse(nearly);
      const queued = playOf(nearly);
      if (queued) user.events.push(`  → ${queued.behavior} step ${stepOf(queued.token)}, expectedPreviousToken ${queued.expectedPreviousToken}`);
      user.now += 20_000;
      silentResponse(await user.report('AudioPlayer.PlaybackFinished', current.token, length));
      if (i === ANKLE.length - 1) {
        expect(queued, 'nothing after the last step').toBeUndefined();
        break;
      }
      expect(queued, `step ${ANKLE[i]} queues the next`).toBeDefined();
      const next = queued as Play;
      expect(next.behavior).toBe('ENQUEUE');
      expect(next.expectedPreviousToken, 'the queued stream follows the one playing').toBe(current.token);
      expect(stepOf(next.token)).toBe(ANKLE[i + 1]);
      expect(next.offsetMs).toBe(0);
      expectSigned(next, user.now);
      enqueued.push(stepOf(next.token) as number);
      current = next;
    }
    console.log(`Ankle routine by AudioPlayer events alone (0 utterances after "start ankle routine" and "no"):\n  ${user.events.join('\n  ')}`);
    expect(enqueued).toEqual(ANKLE.slice(1));
    // Heard to its end: nothing left to resume.
    expect((await user.stored()).progress).toBeUndefined();
    const back = await user.send(launchRequest({ userId: user.userId, audioPlayer: true, timestampMs: user.now + 60_000 }));
    expect(speechTextOf(back)).not.toContain('pick up');
  });

  it('begins with the routine\'s introduction and, the first time only, how to talk while audio plays', async () => {
    const user = new Speaker();
    const asked = await user.say('StartAnkleRoutineIntent');
    expect(playOf(asked)).toBeUndefined();
    const first = await user.say('AMAZON.NoIntent');
    expect(speechTextOf(first)).toContain(common.audio.howToTalk.slice(0, 40));
    expect(first.response.shouldEndSession).toBe(true);
    // The choice is remembered: the second time, the routine plays at once.
    const again = await user.say('StartAnkleRoutineIntent');
    expect(playOf(again)).toBeDefined();
    expect(speechTextOf(again)).not.toContain(common.audio.howToTalk.slice(0, 40));
  });

  it('pauses, resumes, goes next and back from the device\'s offsets', async () => {
    const user = new Speaker();
    const first = await user.start();
    await user.report('AudioPlayer.PlaybackStarted', first.token, 0);
    const step = stepOf(first.token) as number;
    const clock = clockOf(voice, { prefs: DEFAULT_PREFERENCES }, 'ankle', step);
    // 35 s into the hold: after a cue, before the step's end.
    const offset = clock.anchorMs + 35_000;
    user.now += offset;
    const paused = await user.say('AMAZON.PauseIntent', { token: first.token, offsetInMilliseconds: offset, playerActivity: 'PLAYING' });
    expect(stops(paused)).toBe(true);
    expect(paused.response.outputSpeech).toBeUndefined();
    const place = streamPlace(clock, offset);
    expect((await user.stored()).progress?.at).toEqual({ stepIndex: step, atMs: place.atMs });
    // After our Stop, the device's report changes nothing.
    silentResponse(await user.report('AudioPlayer.PlaybackStopped', first.token, offset));
    expect((await user.stored()).progress?.paused).toBe(true);

    user.now += 60_000;
    const resumed = playOf(await user.say('AMAZON.ResumeIntent', { token: first.token, offsetInMilliseconds: offset, playerActivity: 'STOPPED' })) as Play;
    expect(resumed.behavior).toBe('REPLACE_ALL');
    expect(stepOf(resumed.token)).toBe(step);
    // Rewound to the onset of the last cue said before the pause (the hold's clock runs with the stream's).
    const lastCue = clock.cuePlanMs.filter((ms) => ms <= place.atMs).at(-1) as number;
    expect(place.atMs).toBe(35_000 + clock.anchorPlanMs);
    expect(lastCue).toBeLessThan(place.atMs);
    expect(resumed.offsetMs).toBe(clock.anchorMs + lastCue - clock.anchorPlanMs);
    expect(resumed.offsetMs).toBeLessThan(offset);
    expectSigned(resumed, user.now);
    await user.report('AudioPlayer.PlaybackStarted', resumed.token, resumed.offsetMs);

    const next = playOf(await user.say('AMAZON.NextIntent', { token: resumed.token, offsetInMilliseconds: offset, playerActivity: 'PLAYING' })) as Play;
    expect(stepOf(next.token)).toBe(ANKLE[1]);
    expect(next.offsetMs).toBe(0);
    // The replaced stream reports its stop after the new Play: that moves nothing, and the routine carries on.
    silentResponse(await user.report('AudioPlayer.PlaybackStopped', resumed.token, offset + 2_000));
    await user.report('AudioPlayer.PlaybackStarted', next.token, 0);
    const queued = playOf(await user.report('AudioPlayer.PlaybackNearlyFinished', next.token, 90_000));
    expect(stepOf(queued?.token ?? ''), 'the step after the one "next" went to').toBe(ANKLE[2]);

    const back = playOf(await user.say('AMAZON.PreviousIntent', { token: next.token, offsetInMilliseconds: 10_000, playerActivity: 'PLAYING' })) as Play;
    expect(stepOf(back.token)).toBe(ANKLE[0]);
    await user.report('AudioPlayer.PlaybackStarted', back.token, 0);

    // The device's own buttons: no session, and an answer of AudioPlayer directives only.
    const button = await user.send(rawRequest('PlaybackController.NextCommandIssued', {}, { userId: user.userId, audioPlayer: true, timestampMs: user.now, player: { token: back.token, offsetInMilliseconds: 5_000, playerActivity: 'PLAYING' } }));
    silentResponse(button);
    expect(stepOf(playOf(button)?.token ?? '')).toBe(ANKLE[1]);

    // Paused, "next" is still the next step (as for music), not the paused one again.
    const pausedNext = await user.say('AMAZON.PauseIntent', { token: playOf(button)?.token as string, offsetInMilliseconds: 40_000, playerActivity: 'PLAYING' });
    expect(stops(pausedNext)).toBe(true);
    const afterPause = playOf(await user.say('AMAZON.NextIntent', { token: playOf(button)?.token as string, offsetInMilliseconds: 40_000, playerActivity: 'STOPPED' })) as Play;
    expect(stepOf(afterPause.token)).toBe(ANKLE[2]);

    const over = playOf(await user.say('AMAZON.StartOverIntent', { token: playOf(button)?.token as string, offsetInMilliseconds: 1_000, playerActivity: 'PLAYING' })) as Play;
    expect(stepOf(over.token)).toBe(ANKLE[0]);
    expect(over.offsetMs).toBe(0);
  });

  it('answers "where is it" about the point at the device\'s offset, and plays on from there', async () => {
    const user = new Speaker();
    const first = await user.start();
    await user.report('AudioPlayer.PlaybackStarted', first.token, 0);
    // Fast through step one by the device's reports; the question comes in the second step.
    const nearly = await user.report('AudioPlayer.PlaybackNearlyFinished', first.token, 100_000);
    const second = playOf(nearly) as Play;
    await user.report('AudioPlayer.PlaybackFinished', first.token, 120_000);
    await user.report('AudioPlayer.PlaybackStarted', second.token, 0);
    const step = stepOf(second.token) as number;
    const clock = clockOf(voice, { prefs: DEFAULT_PREFERENCES }, 'ankle', step);
    const offset = clock.anchorMs + 20_000;
    const where = await user.say('CurrentPointIntent', { token: second.token, offsetInMilliseconds: offset, playerActivity: 'PLAYING' });
    const point = getRoutine('ankle').steps[step]?.points[0] as keyof typeof points;
    expect(speechTextOf(where)).toContain(points[point].location.slice(0, 30));
    const on = playOf(where) as Play;
    expect(stepOf(on.token)).toBe(step);
    expect(on.offsetMs).toBe(offset);
    expect(where.response.shouldEndSession).toBe(true);
    await user.report('AudioPlayer.PlaybackStarted', on.token, on.offsetMs);

    // "How much longer": the answer, and on from the same offset.
    const later = offset + 12_000;
    const howLong = await user.say('HowLongIntent', { token: on.token, offsetInMilliseconds: later, playerActivity: 'PLAYING' });
    expect(speechTextOf(howLong)).toMatch(/minute/);
    const carried = playOf(howLong) as Play;
    expect(carried.offsetMs).toBe(later);
    await user.report('AudioPlayer.PlaybackStarted', carried.token, carried.offsetMs);

    // "Repeat": back to the onset of the last cue, without a word.
    const repeat = await user.say('AMAZON.RepeatIntent', { token: carried.token, offsetInMilliseconds: later, playerActivity: 'PLAYING' });
    const again = playOf(repeat) as Play;
    const lastCue = clock.cuePlanMs.filter((ms) => ms <= later - clock.anchorMs + clock.anchorPlanMs).at(-1) as number;
    expect(again.offsetMs).toBe(clock.anchorMs + lastCue - clock.anchorPlanMs);
    expect(again.offsetMs).toBeLessThan(later);
    expect(repeat.response.outputSpeech).toBeUndefined();
  });

  it('stops for pain with the pain choices, and the choices work as they do in speech', async () => {
    const user = new Speaker();
    const first = await user.start();
    await user.report('AudioPlayer.PlaybackStarted', first.token, 0);
    const clock = clockOf(voice, { prefs: DEFAULT_PREFERENCES }, 'ankle', stepOf(first.token) as number);
    const pain = await user.say('PainIntent', { token: first.token, offsetInMilliseconds: clock.anchorMs + 30_000, playerActivity: 'PLAYING' });
    expect(stops(pain)).toBe(true);
    expect(speechTextOf(pain)).toContain(common.pain.slice(0, 20));
    expect(pain.response.shouldEndSession).toBe(false);
    // "Skip" after pain: the next step (a stream again).
    const skipped = playOf(await user.say('SkipIntent')) as Play;
    expect(stepOf(skipped.token)).toBe(ANKLE[1]);
  });

  it('plays every step at light pressure after "I have diabetes" mid-stream: no firm cue in the streams', async () => {
    const firmIn = async (play: Play) => {
      const { params, plan } = await streamOf(play);
      return { light: params.light, firm: plan.clips.filter((c) => c.cue && FIRM.has(c.cue.cue)).length };
    };
    // Without a disclosure, the second step (Hill Ruins: light, then firmer) has its firm cues.
    const control = new Speaker();
    const start = await control.start();
    await control.report('AudioPlayer.PlaybackStarted', start.token, 0);
    const firm = await firmIn(playOf(await control.say('AMAZON.NextIntent', { token: start.token, offsetInMilliseconds: 1_000, playerActivity: 'PLAYING' })) as Play);
    expect(firm.light).toBe(false);
    expect(firm.firm).toBeGreaterThan(0);
    const user = new Speaker();
    const first = await user.start();
    await user.report('AudioPlayer.PlaybackStarted', first.token, 0);
    const clock = clockOf(voice, { prefs: DEFAULT_PREFERENCES }, 'ankle', stepOf(first.token) as number);
    const told = await user.say('HealthIntent', { token: first.token, offsetInMilliseconds: clock.anchorMs + 20_000, playerActivity: 'PLAYING' }, { condition: { value: 'diabetes', id: 'diabetes' } });
    if (process.env.DEBUG_AUDIO) console.log(user.events.join(' '), JSON.stringify(await user.stored()), JSON.stringify(told.sessionAttributes));
    const played = playOf(told) ?? (playOf(await user.say('AMAZON.ResumeIntent')) as Play);
    expect(stepOf(played.token)).toBe(stepOf(first.token));
    expect(await firmIn(played)).toEqual({ light: true, firm: 0 });
    // Every later step of the session is light too.
    const next = playOf(await user.say('AMAZON.NextIntent', { token: played.token, offsetInMilliseconds: 1_000, playerActivity: 'PLAYING' })) as Play;
    expect(stepOf(next.token)).toBe(ANKLE[1]);
    expect(await firmIn(next)).toEqual({ light: true, firm: 0 });
  });

  it('plays the short setups to a returning user: the stream of the routine done before says setupShort, not the full setup', async () => {
    const textOf = async (play: Play) => {
      const { params, plan } = await streamOf(play);
      return { returning: params.returning, text: plan.clips.map((c) => (c.clip.kind === 'speech' ? speechTextOf({ response: { outputSpeech: { type: 'SSML', ssml: c.clip.ssml } } } as never) : '')).join(' ') };
    };
    const user = new Speaker();
    const first = await textOf(await user.start());
    expect(first.returning).toBe(false);
    expect(first.text).toContain(routines.ankle.steps.ki6.setup);
    await user.say('AMAZON.StopIntent');
    user.now += 86_400_000;
    const asked = await user.say('StartAnkleRoutineIntent');
    const again = await textOf((playOf(asked) ?? playOf(await user.say('AMAZON.NoIntent'))) as Play);
    expect(again.returning).toBe(true);
    expect(again.text).toContain(routines.ankle.steps.ki6.setupShort);
    expect(again.text).not.toContain(routines.ankle.steps.ki6.setup);
  });

  it('falls back to speech on that device after PlaybackFailed, and remembers it', async () => {
    const user = new Speaker();
    const first = await user.start();
    let failed: ResponseEnvelope | undefined;
    const lines = await logged(async () => { failed = await user.report('AudioPlayer.PlaybackFailed', first.token, 0); });
    if (!failed) throw new Error('no response');
    silentResponse(failed);
    expect(failed.response.directives).toBeUndefined();
    const line = lines.find((l) => l.includes('audio.failed')) ?? '';
    expect(line).toContain('MEDIA_ERROR_SERVICE_UNAVAILABLE');
    expect(line).not.toContain(user.userId);
    expect(line).not.toContain('TESTDEVICE');
    expect((await user.stored()).prefs.audio).toBe(false);
    const resumed = await user.say('AMAZON.ResumeIntent', { token: first.token, offsetInMilliseconds: 0, playerActivity: 'STOPPED' });
    expect(playOf(resumed)).toBeUndefined();
    expect(speechTextOf(resumed).length).toBeGreaterThan(0);
    expect(resumed.response.shouldEndSession).toBe(false);
  });

  it('keeps the spoken routine when the user asks to be talked through it, and plays audio again when asked', async () => {
    const user = new Speaker();
    const talk = await user.say('TalkThroughIntent');
    expect(speechTextOf(talk)).toContain(common.prefs.audio_off);
    expect((await user.stored()).prefs.audio).toBe(false);
    await user.say('StartAnkleRoutineIntent');
    const spoken = await user.say('AMAZON.NoIntent');
    expect(playOf(spoken)).toBeUndefined();
    expect(spoken.response.shouldEndSession).toBe(false);
    const audio = await user.say('PlayAsAudioIntent');
    expect(speechTextOf(audio)).toContain(common.prefs.audio_on);
    expect((await user.stored()).prefs.audio).toBe(true);
  });

  it('answers loop and shuffle briefly and lets the stream play on', async () => {
    const user = new Speaker();
    const first = await user.start();
    await user.report('AudioPlayer.PlaybackStarted', first.token, 0);
    for (const intent of ['AMAZON.LoopOnIntent', 'AMAZON.LoopOffIntent', 'AMAZON.ShuffleOnIntent', 'AMAZON.ShuffleOffIntent']) {
      const res = await user.say(intent, { token: first.token, offsetInMilliseconds: 5_000, playerActivity: 'PLAYING' });
      expect(speechTextOf(res)).toBe(common.audio.playbackMode);
      expect(res.response.directives).toBeUndefined();
      expect(res.response.shouldEndSession).toBe(true);
      // No directive: the device resumes the stream it stopped to listen, and says so.
      silentResponse(await user.report('AudioPlayer.PlaybackStarted', first.token, 5_000));
    }
    // ...and the routine carries on from it: the next step is queued as usual.
    const queued = playOf(await user.report('AudioPlayer.PlaybackNearlyFinished', first.token, 70_000));
    expect(stepOf(queued?.token ?? ''), 'the routine plays on after loop and shuffle').toBe(ANKLE[1]);
    await user.report('AudioPlayer.PlaybackFinished', first.token, 90_000);
    await user.report('AudioPlayer.PlaybackStarted', queued?.token as string, 0);
    // Cancel while playing stops the stream and keeps the place.
    const cancel = await user.say('AMAZON.CancelIntent', { token: queued?.token as string, offsetInMilliseconds: 5_000, playerActivity: 'PLAYING' });
    expect(stops(cancel)).toBe(true);
    expect((await user.stored()).progress?.paused).toBe(true);
  });

  it('keeps the spoken routine on speakers when streams are not configured, and ignores reports without a store', async () => {
    const plain = createSkill({ store, audio: null });
    const userId = 'amzn1.ask.account.AUDIOPLAIN';
    const asked = await plain.invoke(intentRequest('StartAnkleRoutineIntent', {}, { userId, audioPlayer: true, newSession: true, timestampMs: T0 }));
    const spoken = await plain.invoke(intentRequest('AMAZON.NoIntent', {}, { userId, audioPlayer: true, sessionAttributes: asked.sessionAttributes, timestampMs: T0 }));
    await expectValidResponse(spoken);
    expect(playOf(spoken)).toBeUndefined();
    const noStore = createSkill({ audio: AUDIO });
    const report = audioPlayerRequest('AudioPlayer.PlaybackNearlyFinished', 'fa1.ankle.0.1', 1_000, { userId });
    const res = await noStore.invoke(report);
    await expectValidResponse(res, silenceOf(report as never));
    expect(res.response).toEqual({});
  });
});
