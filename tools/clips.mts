/**
 * `npm run clips -- <dir> [--locale xx-XX]`: renders every clip of the step streams with espeak-ng into <dir>
 * (then `CLIPS_DIR=<dir>` makes the stream function and `npm start -- --audio` read them there).
 *
 * Deploy step (production clips, Amazon Polly neural voices, into the clip bucket; docs/deploy.md):
 *   npx tsx tools/clips.mts --polly --bucket <ClipBucketName output> [--region us-east-1] [--locale xx-XX]
 * with credentials in the environment (the stack's ClipRenderRole: Polly and PutObject on the bucket only).
 * Clips are named by a hash of voice, format and text, so a run renders only what changed.
 */
import { SUPPORTED_LOCALES } from '../src/alexa/locales.js';
import { credentialsFromEnv } from '../src/audio/sigv4.js';
import { POLLY_VOICES, streamVoice } from '../src/audio/stream.js';
import { clipsOf, dirClipStore, espeakTts, httpPollyClient, pollyTts, renderClips, s3ClipStore } from './audio/clips.js';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const polly = args.includes('--polly');
const only = flag('--locale');
const dir = args.find((a, i) => !a.startsWith('--') && !['--locale', '--bucket', '--region'].includes(args[i - 1] ?? ''));
if (args.includes('--help') || (!polly && !dir) || (only && !SUPPORTED_LOCALES.includes(only))) {
  console.log('usage: npm run clips -- <dir> [--locale xx-XX]\n       npx tsx tools/clips.mts --polly --bucket <name> [--region r] [--locale xx-XX]');
  process.exit(args.includes('--help') ? 0 : 2);
}

for (const locale of only ? [only] : SUPPORTED_LOCALES) {
  const started = Date.now();
  if (polly) {
    const bucket = flag('--bucket');
    const region = flag('--region') ?? process.env.AWS_REGION ?? 'us-east-1';
    const credentials = credentialsFromEnv();
    if (!bucket || !credentials) throw new Error('--polly needs --bucket and AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY[, AWS_SESSION_TOKEN])');
    const voice = streamVoice(locale, 'polly');
    const target = { region, credentials };
    const result = await renderClips(await clipsOf(locale, voice), voice, pollyTts(httpPollyClient(target), POLLY_VOICES[locale] as string), s3ClipStore(bucket, target), 4);
    console.log(`${locale} (${voice}): ${result.rendered} rendered, ${result.kept} already in s3://${bucket}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    const voice = streamVoice(locale, 'espeak');
    const result = await renderClips(await clipsOf(locale, voice), voice, espeakTts(voice.slice('espeak:'.length)), dirClipStore(dir as string));
    console.log(`${locale} (${voice}): ${result.rendered} rendered, ${result.kept} kept in ${dir}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
