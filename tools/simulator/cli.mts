/**
 * `npm start`: talk to the skill in text. Each line is resolved against the real en-US interaction
 * model into a real request envelope and passed through the real handler; session attributes carry
 * across turns as on a device, and progress is kept in a store (memory by default).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { PersistenceAdapter } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { FilePersistenceAdapter, MemoryPersistenceAdapter } from '../../src/alexa/persistence/local.js';
import { buildSkill } from '../../src/skill.js';
import { Conversation, type Reply } from '../conversation.js';
import { INVOCATION_NAME } from '../nlu.js';

const HELP = `Usage: npm start -- [options]

  --script <file>   run the lines of a file (# starts a comment) instead of a prompt
  --realtime        wait out every pause, as on a device
  --speak           also speak each response with espeak-ng (apt-get install espeak-ng sox)
  --store <kind>    memory (default) | file[=<path>] | dynamodb=<endpoint>[,<table>]
  --verbose         show the skill's log lines
  --help            this text

Try: "open ${INVOCATION_NAME}", "start the ankle routine", "where is the Calm Sleep point", "next", "pause".
Type "(silence)" to let the session time out, "quit" to leave.`;

const { values } = parseArgs({
  options: {
    script: { type: 'string' }, realtime: { type: 'boolean' }, speak: { type: 'boolean' },
    store: { type: 'string', default: 'memory' }, verbose: { type: 'boolean' }, help: { type: 'boolean' },
  },
});
if (values.help) { console.log(HELP); process.exit(0); }
if (!values.verbose) process.env.LOG_LEVEL ??= 'warn';

/** A local DynamoDB-compatible server gets the table the CDK stack would create (never done by the skill itself). */
async function ensureLocalTable(endpoint: string, tableName: string): Promise<void> {
  const { CreateTableCommand, DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand({
      TableName: tableName, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }));
    console.log(`(created table ${tableName} at ${endpoint})`);
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') console.log(`(could not create table ${tableName} at ${endpoint}: ${(error as Error).message})`);
  } finally {
    client.destroy();
  }
}

async function store(spec: string): Promise<PersistenceAdapter> {
  const [kind, arg] = spec.split('=', 2) as [string, string | undefined];
  if (kind === 'memory') return new MemoryPersistenceAdapter();
  if (kind === 'file') return new FilePersistenceAdapter(arg ?? '.sim-store.json');
  if (kind === 'dynamodb' && arg) {
    const [endpoint, tableName = 'FootAcupressure'] = arg.split(',') as [string, string | undefined];
    await ensureLocalTable(endpoint, tableName);
    return new DynamoDbPersistenceAdapter({ endpoint, tableName, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  }
  console.error(`Unknown --store ${spec}\n\n${HELP}`);
  process.exit(2);
}

process.env.AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING ??= '1';
const conversation = new Conversation(buildSkill({ persistenceAdapter: await store(values.store ?? 'memory') }).create());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hasEspeak = spawnSync('sh', ['-c', 'command -v espeak-ng'], { encoding: 'utf8' }).status === 0;
const audioDir = mkdtempSync(join(tmpdir(), 'fa-sim-'));

async function speak(reply: Reply): Promise<void> {
  if (!hasEspeak) { console.log('   (--speak: espeak-ng is not installed; apt-get install espeak-ng sox)'); return; }
  const wav = join(audioDir, 'reply.wav');
  spawnSync('espeak-ng', ['-m', '-w', wav, reply.ssml.replace(/<audio[^>]*>/g, '<break time="1500ms"/>')]);
  const player = spawnSync('sh', ['-c', 'command -v play'], { encoding: 'utf8' }).status === 0 ? 'play' : undefined;
  const played = player ? spawnSync(player, ['-q', wav]).status === 0 : false;
  if (!played) console.log(`   (spoken audio written to ${wav}; no player or sound device to play it)`);
}

/** Prints a reply; with --realtime, reveals it piece by piece at the pace a device would. */
async function show(reply: Reply): Promise<void> {
  if (values.realtime && reply.text) {
    process.stdout.write('A: ');
    for (const piece of reply.text.split(/(\[pause [\d.]+s\])/)) {
      const m = /^\[pause ([\d.]+)s\]$/.exec(piece);
      if (m) { process.stdout.write(piece); await sleep(Number(m[1]) * 1000); } else process.stdout.write(piece);
    }
    process.stdout.write('\n');
  } else if (reply.text) console.log(`A: ${reply.text}`);
  else console.log('A: (no speech)');
  if (values.speak && reply.ssml) await speak(reply);
  if (reply.reprompt) console.log(`   (if you stay silent: ${reply.reprompt})`);
  if (reply.ended) console.log('   (session ended)');
  console.log('');
}

async function turn(line: string): Promise<void> {
  const text = line.trim();
  if (!text || text.startsWith('#')) return;
  if (text === '(silence)') { await show(await conversation.sessionEnded('EXCEEDED_MAX_REPROMPTS')); return; }
  await show(await conversation.say(text));
}

if (values.script) {
  for (const line of readFileSync(values.script, 'utf8').split('\n')) {
    if (line.trim() && !line.trim().startsWith('#')) console.log(`U: ${line.trim()}`);
    await turn(line);
  }
} else {
  console.log(`Foot Acupressure simulator. Say "open ${INVOCATION_NAME}" to begin; "quit" to leave, "--help" for options.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const line = await rl.question('U: ').catch(() => 'quit');
    if (['quit', 'exit()', ':q'].includes(line.trim())) break;
    await turn(line);
  }
  rl.close();
}
