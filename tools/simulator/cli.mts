/**
 * `npm start`: talk to the skill in text. Each line is resolved against the real interaction model of
 * the locale into a real request envelope and passed through the real handler; session attributes carry
 * across turns as on a device, and progress is kept in a store (memory by default).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createSkill } from '../../src/skill.js';
import { Conversation, sendEventArgs, type Reply } from '../conversation.js';
import { createLocalTable } from '../local-dynamo.js';
import { LOCALES } from '../models.js';
import { invocationName } from '../nlu.js';
import { SIMULATOR_STREAMS, SimulatedPlayer } from './player.js';
import { writeScreen } from './screen.js';
import { createPersistenceAdapter } from './stores.js';

const HELP = `Usage: npm start -- [options]

  --script <file>   run the lines of a file (# starts a comment) instead of a prompt;
                    a line "@100s pause" says "pause" 100 s after the last answer started (interrupting it)
  --realtime        wait out every pause and the estimated speaking time, as on a device
  --speak           also speak each response with espeak-ng (apt-get install espeak-ng sox)
  --store <kind>    memory (default) | file[=<path>] | dynamodb=<endpoint>[,<table>]
  --locale <code>   en-US (default), en-GB, en-CA, en-AU, en-IN, de-DE, es-ES or fr-FR
  --screen          be an Echo Show: write each answer's APL screen as a PNG (needs chromium) and print its path;
                    the screen's own events carry the routine on, shown as "(screen) …" turns
  --audio           write a routine's AudioPlayer step streams to dist/audio/ and play them (--routine <id>, default ankle;
                    needs espeak-ng and ffmpeg)
  --player          be a speaker with AudioPlayer: routines play as step streams, and the simulator sends the
                    device's reports (PlaybackStarted, NearlyFinished, Finished) itself, shown as "(player) …" turns;
                    "@35s where is it" speaks 35 s into the stream that plays
  --verbose         show the skill's log lines
  --help            this text

Try: "open foot acupressure", "start the ankle routine", "where is the Calm Sleep point", "next", "pause".
Type "(silence)" to let the session time out, "(next day)" to end the session and come back a day later, "quit" to leave.`;

const { values } = parseArgs({
  options: {
    script: { type: 'string' }, realtime: { type: 'boolean' }, speak: { type: 'boolean' },
    store: { type: 'string', default: 'memory' }, verbose: { type: 'boolean' }, help: { type: 'boolean' },
    locale: { type: 'string', default: 'en-US' }, screen: { type: 'boolean' }, audio: { type: 'boolean' }, player: { type: 'boolean' }, routine: { type: 'string', default: 'ankle' },
  },
});
if (values.help) { console.log(HELP); process.exit(0); }
const locale = values.locale ?? 'en-US';
if (!(LOCALES as readonly string[]).includes(locale)) { console.error(`Unknown --locale ${locale}\n\n${HELP}`); process.exit(2); }
if (values.audio) process.exit(await (await import('./audio.js')).writeRoutineStreams(values.routine ?? 'ankle', locale));
const INVOCATION_NAME = invocationName(locale);
if (!values.verbose) process.env.LOG_LEVEL ??= 'warn';

/** A local DynamoDB-compatible server gets the table the CDK stack would create (never done by the skill itself). */
async function ensureLocalTable(endpoint: string, tableName: string): Promise<void> {
  try {
    await createLocalTable(endpoint, tableName);
    console.log(`(created table ${tableName} at ${endpoint})`);
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') console.log(`(could not create table ${tableName} at ${endpoint}: ${(error as Error).message})`);
  }
}

async function store(spec: string): Promise<ReturnType<typeof createPersistenceAdapter>> {
  const [kind, arg] = spec.split('=', 2) as [string, string | undefined];
  if (kind === 'memory') return createPersistenceAdapter({ kind: 'memory' });
  if (kind === 'file') return createPersistenceAdapter({ kind: 'file', path: arg ?? '.sim-store.json' });
  if (kind === 'dynamodb' && arg) {
    const [endpoint, tableName = 'FootAcupressure'] = arg.split(',') as [string, string | undefined];
    await ensureLocalTable(endpoint, tableName);
    return createPersistenceAdapter({ kind: 'dynamodb', endpoint, tableName, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  }
  console.error(`Unknown --store ${spec}\n\n${HELP}`);
  process.exit(2);
}

const conversation = new Conversation(createSkill({ store: await store(values.store ?? 'memory'), audio: values.player ? SIMULATOR_STREAMS : null }), {
  locale, ...(values.screen ? { screen: true } : {}), ...(values.player ? { audioPlayer: true } : {}), ...(values.realtime ? { clock: 'real' as const } : {}),
});
const player = values.player ? new SimulatedPlayer(conversation, locale, async (reply, label) => {
  console.log(`U: (player) ${label}`);
  await show(reply);
}) : undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const installed = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
const hasEspeak = installed('espeak-ng');
const hasPlay = installed('play');
const audioDir = mkdtempSync(join(tmpdir(), 'fa-sim-'));
process.on('exit', () => rmSync(audioDir, { recursive: true, force: true }));

/** Alexa's en-US voice speaks at roughly this rate; used only to pace --realtime output. */
const SPEECH_WORDS_PER_MINUTE = 160;
/** A sound-library chime lasts about this long. */
const CHIME_MS = 1500;
const speakingMs = (text: string): number => Math.round((text.split(/\s+/).filter(Boolean).length * 60_000) / SPEECH_WORDS_PER_MINUTE);

/** Renders the reply with espeak-ng (SSML, so breaks stay) and plays it; true when it was heard. */
function speak(reply: Reply): boolean {
  if (!hasEspeak) { console.log('   (--speak: espeak-ng is not installed; apt-get install espeak-ng sox)'); return false; }
  const wav = join(audioDir, 'reply.wav');
  const rendered = spawnSync('espeak-ng', ['-m', '-v', espeakVoice(locale), '-w', wav, forEspeak(reply.ssml)]);
  if (rendered.status !== 0) { console.log(`   (--speak: espeak-ng failed: ${String(rendered.stderr).trim()})`); return false; }
  if (!hasPlay) { console.log(`   (--speak: sox's play is not installed; audio written to ${wav})`); return false; }
  const played = spawnSync('play', ['-q', wav]).status === 0;
  if (!played) console.log(`   (spoken audio written to ${wav}; no sound device to play it)`);
  return played;
}

/** espeak-ng's voice for a locale. */
const espeakVoice = (l: string): string => ({ 'en-GB': 'en-gb', 'en-AU': 'en-gb', 'en-IN': 'en-gb', 'de-DE': 'de', 'es-ES': 'es', 'fr-FR': 'fr' } as Record<string, string>)[l] ?? 'en-us';

/**
 * SSML as espeak-ng speaks it: chimes as silences, each 10 s break as its own silence (espeak merges a chain),
 * and IPA phonemes as espeak's own [[…]] phoneme input, so point names sound as Alexa says them.
 */
function forEspeak(ssml: string): string {
  const IPA: Readonly<Record<string, string>> = { 'ˈ': "'", 'ˌ': ',', 'ʃ': 'S', 'ʒ': 'Z', 'ŋ': 'N', 'ʊ': 'U', 'ɪ': 'I', 'ɛ': 'E', 'ʌ': 'V', 'ɑ': 'A:', 'ɝ': '3:', 'ɚ': '3', 'θ': 'T', 'ð': 'D', 'æ': 'a', 'ɔ': 'O', 'ə': '@', 'ç': 'C', 'ː': ':', '͡': '' };
  return ssml
    .replace(/<audio[^>]*>/g, `<break time="${CHIME_MS}ms"/>`)
    .replace(/(<break time="[^"]+"\/>)/g, '$1<s> </s>')
    .replace(/<phoneme alphabet="ipa" ph="([^"]+)">[^<]*<\/phoneme>/g, (_m, ipa: string) => ` [[${[...ipa].map((c) => IPA[c] ?? c).join('')}]] `)
    .replace(/<\/?prosody[^>]*>/g, '');
}

/**
 * Prints a reply with its pauses shown as [pause 10s]. With --realtime, reveals it piece by piece,
 * waiting the pauses and the estimated speaking time as a device would (or as long as the audio, with --speak).
 */
async function show(reply: Reply): Promise<void> {
  const aloud = Boolean(values.speak && reply.ssml);
  if (values.realtime && !aloud && reply.text) {
    process.stdout.write('A: ');
    for (const piece of reply.text.split(/(\[pause [\d.]+s\]|\[chime\])/)) {
      if (!piece) continue;
      process.stdout.write(piece);
      const pause = /^\[pause ([\d.]+)s\]$/.exec(piece);
      await sleep(pause ? Number(pause[1]) * 1000 : piece === '[chime]' ? CHIME_MS : speakingMs(piece));
    }
    process.stdout.write('\n');
  } else console.log(`A: ${reply.text || '(no speech)'}`);
  if (aloud && !speak(reply) && values.realtime) await sleep(reply.pausesMs + speakingMs(reply.speechText));
  if (reply.reprompt) console.log(`   (if you stay silent: ${reply.reprompt})`);
  if (values.screen && reply.directives.length) console.log(`   (${await writeScreen(reply.envelope, screenDir)})`);
  if (reply.ended) console.log('   (session ended)');
  console.log('');
}

const screenDir = join(process.cwd(), 'dist', 'screens');

/**
 * The screen's timer that is still running: the SendEvent of the last document shown, and when it fires
 * (the end of that answer's speech). A spoken answer without a document of its own leaves it running, as a device does.
 */
let screenTimer: { args: readonly unknown[]; atMs: number } | undefined;
const sentAtMs = (reply: Reply) => Date.parse(reply.request.request.timestamp);
const rendersDocument = (reply: Reply) => reply.directives.some((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');

/**
 * On a screen device, the document's SendEvent continues the routine when the speech ends: follow it, as the
 * device would, unless the next line interrupts the answer. An interrupting answer that shows no document of its
 * own leaves the earlier timer running: it fires at its time, as it would on a device, and the skill must ignore it.
 */
async function followScreen(reply: Reply, interrupted: boolean, follow: boolean): Promise<void> {
  if (!values.screen) return;
  if (interrupted && screenTimer && !rendersDocument(reply) && !reply.ended) {
    const timer = screenTimer;
    screenTimer = undefined;
    console.log('U: (screen) the earlier answer\'s timer runs out, and its document sends segmentDone');
    await show(await conversation.userEvent(timer.args, { afterMs: Math.max(0, timer.atMs - sentAtMs(reply)) }));
  }
  let last = reply;
  for (let i = 0; i < 40; i += 1) {
    const args = last.ended ? undefined : sendEventArgs(last.directives);
    if (rendersDocument(last)) screenTimer = args ? { args, atMs: sentAtMs(last) + last.lengthMs } : undefined;
    if (!args || !follow) return;
    console.log('U: (screen) the speech ends, and the screen sends segmentDone');
    last = await (conversation.screenDone(last) as Promise<Reply>);
    await show(last);
  }
}

const DAY_MS = 86_400_000;

async function turn(line: string, follow = true): Promise<void> {
  let text = line.trim();
  if (!text || text.startsWith('#')) return;
  const at = /^@(\d+(?:\.\d+)?)s\s+(.*)$/.exec(text);
  const interrupt = at ? { afterMs: Number(at[1]) * 1000 } : {};
  if (at) text = at[2] as string;
  try {
    if (text === '(silence)') await show(await conversation.sessionEnded('EXCEEDED_MAX_REPROMPTS'));
    else if (text === '(next day)') {
      // A new session a day later (the store keeps what the last one saved): "how many days in a row?" has a second day.
      conversation.endSession();
      conversation.wait(DAY_MS);
      console.log('   (a day later: a new session)\n');
    } else {
      await player?.interrupt(interrupt.afterMs);
      const reply = await conversation.say(text, interrupt);
      await show(reply);
      await followScreen(reply, Boolean(at), follow);
      await player?.after(reply, follow);
    }
  } catch (error) {
    // The skill threw (no handler, or a handler failed): show it and carry on, as the device would say "there was a problem".
    console.log(`A: (the skill failed: ${(error as Error).message})\n   (session ended)\n`);
    conversation.endSession();
    process.exitCode = 1;
  }
}

if (values.script) {
  const lines = readFileSync(values.script, 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  for (const [i, line] of lines.entries()) {
    console.log(`U: ${line.trim()}`);
    // A screen follows its own events to the end of the routine, unless the next line interrupts this answer.
    await turn(line, !lines[i + 1]?.trim().startsWith('@'));
  }
} else {
  console.log(`Foot Acupressure simulator. Say "open ${INVOCATION_NAME}" to begin; "quit" to leave, "--help" for options.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'U: ' });
  rl.prompt();
  // The async iterator buffers lines, so input pasted or piped while the skill answers is not lost.
  for await (const line of rl) {
    if (['quit', 'exit', 'exit()', ':q'].includes(line.trim())) break;
    if (!process.stdin.isTTY) console.log(line);
    await turn(line);
    rl.prompt();
  }
  rl.close();
}
