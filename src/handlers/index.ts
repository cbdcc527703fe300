import type { RequestHandler } from 'ask-sdk-core';
import { helpHandler, fallbackHandler } from './help-fallback.js';
import { launchHandler } from './launch.js';
import { confirmDeleteHandler, deleteDataHandler, resetSettingsHandler } from './my-data.js';
import { navigationHandler } from './navigation.js';
import { canFulfillHandler, silentEventHandler, unsupportedHandler } from './other-requests.js';
import { pointHandler } from './points.js';
import { preferencesHandler } from './preferences.js';
import { sessionEndedHandler, stopHandler } from './session-end.js';
import { listRoutinesHandler, startRoutineHandler } from './start-routine.js';
import { techniqueHandler } from './technique.js';

export { errorHandler } from './error.js';

/** Request handlers in the order they are tried: specific first, the catch-all last. */
export const requestHandlers: readonly RequestHandler[] = [
  launchHandler,
  startRoutineHandler,
  listRoutinesHandler,
  confirmDeleteHandler,
  navigationHandler,
  pointHandler,
  techniqueHandler,
  preferencesHandler,
  resetSettingsHandler,
  deleteDataHandler,
  helpHandler,
  fallbackHandler,
  stopHandler,
  sessionEndedHandler,
  canFulfillHandler,
  silentEventHandler,
  unsupportedHandler,
];
