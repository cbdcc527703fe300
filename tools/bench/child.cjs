// One fresh Node process: time loading a bundle and answering requests. Plain CommonJS, as Lambda runs it.
// argv: <bundle> <requests.json> <mode: cold|warm> [iterations]
const t0 = process.hrtime.bigint();
const [bundle, requestsFile, mode, iterations] = process.argv.slice(2);
const { handler: lambda } = require(bundle);
const t1 = process.hrtime.bigint();
const requests = JSON.parse(require('fs').readFileSync(requestsFile, 'utf8'));
const ms = (a, b) => Number(b - a) / 1e6;
// Works for async handlers and for ask-sdk's callback-style .lambda() handler alike.
const handler = (event, context) => new Promise((resolve, reject) => {
  const p = lambda(event, context, (error, result) => (error ? reject(error) : resolve(result)));
  if (p && typeof p.then === 'function') p.then(resolve, reject);
});

(async () => {
  if (mode === 'cold') {
    const a = process.hrtime.bigint();
    const response = await handler(requests[0], {});
    const b = process.hrtime.bigint();
    if (!response || !response.response) throw new Error('no response');
    process.stdout.write('\nRESULT ' + JSON.stringify({ loadMs: ms(t0, t1), firstMs: ms(a, b), coldMs: ms(t0, b), maxRssKb: process.resourceUsage().maxRSS }));
    process.exit(0); // the store client keeps sockets open
  }
  const n = Number(iterations ?? 5000);
  for (let i = 0; i < 200; i += 1) await handler(requests[i % requests.length], {}); // warm-up
  const times = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const a = process.hrtime.bigint();
    await handler(requests[i % requests.length], {});
    times[i] = ms(a, process.hrtime.bigint());
  }
  times.sort();
  const q = (p) => times[Math.min(n - 1, Math.floor(p * n))];
  process.stdout.write('\nRESULT ' + JSON.stringify({ p50: q(0.5), p99: q(0.99), n, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
