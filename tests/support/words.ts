/** A locale string with its {{params}} filled, as the skill says it. */
export const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));

/** The first letter in upper case, as a title at the start of a sentence. */
export const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
