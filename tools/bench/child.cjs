'use strict';
// One fresh Node process per measurement. Plain CommonJS, loading the bundle as Lambda's runtime does.
//   node child.cjs <mode: cold|warm|script> <bundle> <input.json> <result.json> [iterations] [warm-up requests]
// cold:   times require(bundle) and the first response to input[0].envelope
// warm:   cycles through input (after a warm-up, 500 requests unless given) and times every request: the samples in ms, per kind
//         (the parent takes the quantiles, with tools/bench/stats.ts)
// script: runs input in order, once; a step with `from: i` gets the session attributes of step i's
//         response (a conversation); returns what each step said, for the sanity check
// The skill's own log lines go to stdout/stderr through a console patched as Lambda's; a marker on stderr before each script
// step lets the parent attribute error lines to steps. Results go to <result.json>.

// What Lambda's Node runtime has done before it requires the handler, so that what is timed below is what a
// cold start costs the skill there (aws-lambda-ric, github.com/aws/aws-lambda-nodejs-runtime-interface-client):
// - built-ins it has loaded: http (src/RAPIDClient.js; 4.x: src/client/rapid-client.ts), net (src/ResponseStream.js),
//   assert (src/InvokeContext.js), util and fs (src/LogPatch.js), path (src/UserFunction.js), and in the 4.x client
//   worker_threads (src/worker/worker-manager.ts) and os (src/utils/worker.ts); stream comes with http;
// - console replaced by a function that writes each record synchronously with its time, request id and level
//   (src/LogPatch.js; TEXT format, to stdout here, warnings and errors to stderr for the sanity check).
for (const name of ['http', 'net', 'stream', 'assert', 'os', 'worker_threads', 'util', 'fs', 'path']) require(name);
{
  const { format } = require('util');
  const { writeSync } = require('fs');
  const line = (fd, level) => (...args) => writeSync(fd, `${new Date().toISOString()}\tbench-request\t${level}\t${format(...args).replace(/\n/g, '\r')}\n`);
  Object.assign(console, { trace: line(1, 'TRACE'), debug: line(1, 'DEBUG'), info: line(1, 'INFO'), log: line(1, 'INFO'), warn: line(2, 'WARN'), error: line(2, 'ERROR') });
}

const t0 = process.hrtime.bigint();
const [mode, bundle, inputFile, resultFile, iterationsArg, warmupArg] = process.argv.slice(2);
const { handler: lambda } = require(bundle);
const t1 = process.hrtime.bigint();

const fs = require('fs');
const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
const ms = (a, b) => Number(b - a) / 1e6;
const done = (result) => {
  fs.writeFileSync(resultFile, JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0); // a store client keeps sockets open
};
// Works for async handlers and for ask-sdk's callback-style .lambda() handler alike.
const invoke = (event) => new Promise((resolve, reject) => {
  const p = lambda(event, {}, (error, result) => (error ? reject(error) : resolve(result)));
  if (p && typeof p.then === 'function') p.then(resolve, reject);
});
const speech = (r) => {
  const ssml = r && r.response && r.response.outputSpeech ? (r.response.outputSpeech.ssml || r.response.outputSpeech.text || '') : '';
  const entities = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return ssml.replace(/<[^>]+>/g, ' ').replace(/&(apos|quot|lt|gt|amp);/g, (e) => entities[e]).replace(/\s+/g, ' ').trim();
};

async function cold() {
  const a = process.hrtime.bigint();
  const response = await invoke(input[0].envelope);
  const b = process.hrtime.bigint();
  if (!response || !response.response) throw new Error('no response');
  done({ loadMs: ms(t0, t1), firstMs: ms(a, b), coldMs: ms(t0, b), speech: speech(response).slice(0, 80) });
}

async function warm() {
  const n = Number(iterationsArg || 5000);
  const warmup = Number(warmupArg || 500);
  for (let i = 0; i < warmup; i += 1) await invoke(input[i % input.length].envelope); // warm-up
  const samples = input.map(() => []);
  for (let i = 0; i < n; i += 1) {
    const k = i % input.length;
    const a = process.hrtime.bigint();
    await invoke(input[k].envelope);
    samples[k].push(Math.round(ms(a, process.hrtime.bigint()) * 1e4) / 1e4);
  }
  done({ kinds: input.map((step) => step.kind), samples, n, warmup, loadMs: ms(t0, t1) });
}

async function script() {
  const steps = [];
  const sessionIds = [];
  for (let i = 0; i < input.length; i += 1) {
    const step = input[i];
    const envelope = JSON.parse(JSON.stringify(step.envelope));
    if (typeof step.from === 'number') {
      const prev = steps[step.from];
      envelope.session.attributes = (prev && prev.attributes) || {};
      envelope.session.sessionId = sessionIds[step.from];
    }
    sessionIds.push(envelope.session.sessionId);
    fs.writeSync(2, `\n@@step ${i}\n`);
    try {
      const r = await invoke(envelope);
      steps.push({ kind: step.kind, ok: Boolean(r && r.response), speech: speech(r), end: r && r.response ? r.response.shouldEndSession ?? null : null, attributes: (r && r.sessionAttributes) || {} });
    } catch (error) {
      steps.push({ kind: step.kind, ok: false, thrown: String(error && error.message ? error.message : error).slice(0, 300), attributes: {} });
    }
  }
  fs.writeSync(2, `\n@@end\n`);
  done({ steps });
}

({ cold, warm, script })[mode]().catch((e) => { console.error(e); process.exit(1); });
