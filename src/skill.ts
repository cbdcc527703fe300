import { SkillBuilders, type CustomSkillBuilder } from 'ask-sdk-core';
import type { PersistenceAdapter } from 'ask-sdk-core';

export interface BuildSkillOptions {
  /** Verified against every request; omit only in the simulator and tests. */
  readonly skillId?: string;
  readonly persistenceAdapter?: PersistenceAdapter;
}

/** Wires handlers and interceptors. Used by src/index.ts, the simulator and tests. (Work in progress.) */
export function buildSkill(options: BuildSkillOptions = {}): CustomSkillBuilder {
  const builder = SkillBuilders.custom();
  if (options.skillId) builder.withSkillId(options.skillId);
  if (options.persistenceAdapter) builder.withPersistenceAdapter(options.persistenceAdapter);
  return builder;
}
