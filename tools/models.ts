/** The interaction models in skill-package, by locale, as tools read them (never the Lambda: it needs no model). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ModelSlot { name: string; type: string }
export interface ModelIntent { name: string; slots?: ModelSlot[]; samples: string[] }
export interface ModelType { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }
export interface IngressPoint { type: 'LAUNCH' | 'INTENT'; name?: string; sampleUtterances: { format: string; value: string }[] }
export interface Model {
  interactionModel: {
    languageModel: { invocationName: string; intents: ModelIntent[]; types: ModelType[] };
    _nameFreeInteraction?: { ingressPoints: IngressPoint[] };
  };
}

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const MODEL_DIR = join(ROOT, 'skill-package/interactionModels/custom');
export const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE', 'es-ES', 'fr-FR'] as const;

const cache = new Map<string, Model>();
export function modelOf(locale = 'en-US'): Model {
  let model = cache.get(locale);
  if (!model) {
    model = JSON.parse(readFileSync(join(MODEL_DIR, `${locale}.json`), 'utf8')) as Model;
    cache.set(locale, model);
  }
  return model;
}
