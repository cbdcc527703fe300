/**
 * `npm start -- --player`: the simulator is a speaker with AudioPlayer (no screen) whose streams are configured.
 * It follows every AudioPlayer.Play the skill sends as a device would: PlaybackStarted, PlaybackNearlyFinished a
 * little before the stream's end (playing the queued stream next), PlaybackFinished, each shown as a "(player) …"
 * turn, so a routine runs to its end with no utterance after the one question. A script line "@35s where is it"
 * speaks 35 s into the stream that plays, with that offset in `context.AudioPlayer`. Stream lengths are the skill's
 * own estimate of each step's layout (the clips are not rendered here; `--audio` renders them).
 */
import type { Directive } from 'ask-sdk-model';
import { parseToken } from '../../src/alexa/audio-player.js';
import { loadVoice } from '../../src/alexa/i18n.js';
import { clockOf } from '../../src/core/respond.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';
import type { Conversation, Reply } from '../conversation.js';

/** The key and address the simulated skill signs its stream URLs with (nothing fetches them). */
export const SIMULATOR_STREAMS = { baseUrl: 'https://streams.simulator.invalid/', key: 'simulator-only-key-for-signing-stream-urls' };

/** The queued stream's words are reported this long before the playing one ends, in ms. */
const NEARLY_MS = 15_000;

interface Playing { readonly token: string; readonly offsetMs: number; readonly startedAtMs: number }

type PlayDirective = Directive & { playBehavior: string; audioItem: { stream: { token: string; offsetInMilliseconds: number } } };
const playOf = (reply: Reply): PlayDirective | undefined => reply.directives.find((d) => d.type === 'AudioPlayer.Play') as PlayDirective | undefined;

export class SimulatedPlayer {
  private playing: Playing | undefined;

  constructor(private readonly conversation: Conversation, private readonly locale: string, private readonly show: (reply: Reply, label: string) => Promise<void>) {}

  /** The stream's estimated length: its introduction, the step's timeline, and its last words. */
  private async lengthMs(token: string): Promise<number> {
    const stream = parseToken(token);
    if (!stream) return 0;
    const clock = clockOf(await loadVoice(this.locale), { prefs: DEFAULT_PREFERENCES }, stream.routineId, stream.stepIndex);
    return clock.anchorMs + clock.durationMs - clock.anchorPlanMs + 6_000;
  }

  /**
   * Before an utterance `afterMs` into the stream playing: Alexa stops the stream to listen (PlaybackStopped), and
   * reports that offset with the utterance.
   */
  async interrupt(afterMs: number | undefined): Promise<void> {
    if (!this.playing) return;
    const offsetMs = this.playing.offsetMs + (afterMs ?? 0);
    this.playing = { ...this.playing, offsetMs };
    this.conversation.setPlayer({ token: this.playing.token, offsetInMilliseconds: offsetMs, playerActivity: 'PLAYING' });
    await this.show(await this.conversation.report('AudioPlayer.PlaybackStopped', this.playing.token, offsetMs, this.playing.startedAtMs + offsetMs), `PlaybackStopped ${this.playing.token} at ${Math.round(offsetMs / 1000)} s (Alexa listens)`);
  }

  /** Follows a reply's Play (or Stop); with `follow`, plays each stream, and the ones queued after it, to the end. */
  async after(reply: Reply, follow: boolean): Promise<void> {
    if (reply.directives.some((d) => d.type === 'AudioPlayer.Stop')) {
      console.log('   (AudioPlayer.Stop: the stream stops)\n');
      if (this.playing) this.conversation.setPlayer({ token: this.playing.token, offsetInMilliseconds: this.playing.offsetMs, playerActivity: 'STOPPED' });
      this.playing = undefined;
      return;
    }
    let play = playOf(reply);
    if (!play || play.playBehavior === 'ENQUEUE') return;
    console.log(`   (AudioPlayer.Play ${play.playBehavior} ${play.audioItem.stream.token} from ${Math.round(play.audioItem.stream.offsetInMilliseconds / 1000)} s)\n`);
    let at = Date.parse(reply.request.request.timestamp) + reply.lengthMs;
    for (;;) {
      const { token, offsetInMilliseconds: offsetMs } = play.audioItem.stream;
      this.playing = { token, offsetMs, startedAtMs: at };
      this.conversation.setPlayer({ token, offsetInMilliseconds: offsetMs, playerActivity: 'PLAYING' });
      await this.show(await this.conversation.report('AudioPlayer.PlaybackStarted', token, offsetMs, at), `PlaybackStarted ${token} at ${Math.round(offsetMs / 1000)} s`);
      if (!follow) return;
      const length = await this.lengthMs(token);
      const nearly = Math.max(offsetMs, length - NEARLY_MS);
      const queued = await this.conversation.report('AudioPlayer.PlaybackNearlyFinished', token, nearly, at + nearly - offsetMs);
      const next = playOf(queued);
      await this.show(queued, `PlaybackNearlyFinished ${token} at ${Math.round(nearly / 1000)} s${next ? ` → the skill queues ${next.audioItem.stream.token}` : ''}`);
      at += length - offsetMs;
      await this.show(await this.conversation.report('AudioPlayer.PlaybackFinished', token, length, at), `PlaybackFinished ${token} at ${Math.round(length / 1000)} s`);
      if (!next) break;
      play = next;
    }
    this.playing = undefined;
    this.conversation.setPlayer(undefined);
  }
}
