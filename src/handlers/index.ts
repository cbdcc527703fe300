import type { SkillHandler } from './handler.js';
import { aplEventHandler } from './apl-events.js';
import { canFulfillHandler } from './can-fulfill.js';
import { fallbackHandler, helpHandler } from './help-fallback.js';
import { launchHandler } from './launch.js';
import { confirmDeleteHandler, deleteDataHandler, resetSettingsHandler } from './my-data.js';
import { navigationHandler } from './navigation.js';
import { pointHandler } from './points.js';
import { preferencesHandler } from './preferences.js';
import { safetyHandler, symptomHandler } from './safety.js';
import { sessionEndedHandler, stopHandler } from './session-end.js';
import { silentEventHandler } from './silent-events.js';
import { listRoutinesHandler, startRoutineHandler } from './start-routine.js';
import { techniqueHandler } from './technique.js';
import { unsupportedHandler } from './unsupported.js';

export { errorHandler } from './error.js';

/** Request handlers in the order they are tried: sessionless first, specific next, the catch-all last. */
export const requestHandlers: readonly SkillHandler[] = [
  canFulfillHandler,
  silentEventHandler,
  launchHandler,
  startRoutineHandler,
  listRoutinesHandler,
  confirmDeleteHandler,
  safetyHandler,
  symptomHandler,
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
  aplEventHandler,
  unsupportedHandler,
];
