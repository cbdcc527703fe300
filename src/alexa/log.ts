/**
 * One structured JSON line per event. Never pass user ids, device ids or whole envelopes.
 * LOG_LEVEL: debug | info | warn | error | silent (default info).
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

function threshold(): number {
  const name = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  return name in LEVELS ? LEVELS[name as keyof typeof LEVELS] : LEVELS.info;
}

export function log(level: Level, event: string, fields: Readonly<Record<string, unknown>> = {}): void {
  if (LEVELS[level] < threshold()) return;
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** A short, safe description of an error for logs (name and message, no stack of user data). */
export function errorFields(error: unknown): Record<string, string> {
  if (error instanceof Error) return { error: error.name, message: error.message.slice(0, 300) };
  return { error: typeof error };
}
