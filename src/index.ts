import { buildSkill } from './skill.js';

export const handler = buildSkill({ skillId: process.env.SKILL_ID || undefined }).lambda();
