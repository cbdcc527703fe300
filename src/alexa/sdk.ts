/**
 * The parts of ask-sdk-core this skill runs, imported by their module paths instead of the package index.
 * The index loads every part of the SDK (the API client, viewport and component helpers, …) and, bundled
 * from ESM, each importing module copied its ~40 exports again: about 2 ms of every cold start
 * (CPU profile, docs/performance.md). Types still come from 'ask-sdk-core' (they cost nothing at run time).
 */
export { SkillBuilders } from 'ask-sdk-core/dist/skill/SkillBuilders.js';
export { getRequestType, getSlot, getSupportedInterfaces } from 'ask-sdk-core/dist/util/RequestEnvelopeUtils.js';
