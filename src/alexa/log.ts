/**
 * One structured record per event, written through `console` (debug/info/warn/error).
 *
 * In Lambda the runtime replaces console's methods before it loads the handler (aws-lambda-ric, src/LogPatch.js):
 * each call becomes one log record carrying the request id, written straight to the platform's log descriptor.
 * With the function's JSON log format (infra/skill-stack.ts; the runtime sees AWS_LAMBDA_LOG_FORMAT=JSON) the
 * record is `{ timestamp, level, requestId, message }` and `message` is our object, so a metric filter can read
 * `$.message.event` (infra/alarms.ts). Elsewhere (tests, simulator, bench) the record is one JSON text line.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 *
 * Ids are scrubbed by pattern from every value before anything is cut short (scrub below), so a user, device,
 * person or session id, or an API access token, never reaches a log line whole or in part.
 * LOG_LEVEL: debug | info | warn | error | silent (default info).
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type Level = Exclude<keyof typeof LEVELS, 'silent'>;

function threshold(): number {
  const name = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  return name in LEVELS ? LEVELS[name as keyof typeof LEVELS] : LEVELS.info;
}

/**
 * What a log line must never hold, and what stands in its place. Alexa's ids are `amzn1.` + a kind + an opaque
 * tail of letters, digits and a few symbols (a user id is 244 characters: `amzn1.ask.account.` + 226); the tail is
 * matched to its end, so a prefix is enough to remove all that follows, even if something upstream cut the id short.
 * Tokens: Alexa's apiAccessToken and consentToken are JWTs (`eyJ…`); Login with Amazon tokens start `Atza|`/`Atzr|`.
 */
const TAIL = '[A-Za-z0-9._~+/=-]*';
const SECRETS: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`amzn1\\.ask\\.account\\.${TAIL}`, 'g'), '<user>'],
  [new RegExp(`amzn1\\.ask\\.device\\.${TAIL}`, 'g'), '<device>'],
  [new RegExp(`amzn1\\.ask\\.person\\.${TAIL}`, 'g'), '<person>'],
  [new RegExp(`amzn1\\.echo-api\\.session\\.${TAIL}`, 'g'), '<session>'],
  [/eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){0,2}/g, '<token>'],
  [/Atz[ar]\|[A-Za-z0-9._~+/=|-]*/g, '<token>'],
];

/** The text with every id and token replaced by a placeholder (`<user>`, `<device>`, `<person>`, `<session>`, `<token>`). */
export function scrub(text: string): string {
  // Most lines hold neither: two cheap tests spare the six replacements.
  if (!text.includes('amzn1.') && !text.includes('eyJ') && !text.includes('Atz')) return text;
  let out = text;
  for (const [pattern, placeholder] of SECRETS) out = out.replace(pattern, placeholder);
  return out;
}

function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  // Nested values (rare): through their JSON text, scrubbed as a whole.
  return JSON.parse(scrub(JSON.stringify(value))) as unknown;
}

/** Where records go; tests may replace it to read what was logged (`line` is the record's JSON text). */
export const logOutput = {
  write(level: Level, line: string, record: Readonly<Record<string, unknown>>): void {
    // Lambda's JSON format nests an object given alone as `message`; any other format gets our JSON text.
    const message = process.env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON' ? record : line;
    if (level === 'error') console.error(message);
    else if (level === 'warn') console.warn(message);
    else if (level === 'debug') console.debug(message);
    else console.info(message);
  },
};

export function log(level: Level, event: string, fields: Readonly<Record<string, unknown>> = {}): void {
  if (LEVELS[level] < threshold()) return;
  const record: Record<string, unknown> = { level, event };
  for (const [key, value] of Object.entries(fields)) record[key] = scrubValue(value);
  logOutput.write(level, JSON.stringify(record), record);
}

/** Longest error message kept in a log line, in characters (after scrubbing). */
export const MAX_MESSAGE_CHARS = 300;

/** A short, safe description of an error for logs: name and message, scrubbed, then cut; never a stack. */
export function errorFields(error: unknown): Record<string, string> {
  if (error instanceof Error) return { error: error.name, message: scrub(error.message).slice(0, MAX_MESSAGE_CHARS) };
  return { error: typeof error };
}
