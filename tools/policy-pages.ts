/**
 * The skill's privacy policy and terms of use as static HTML pages, one per language the skill speaks, rendered
 * from docs/privacy*.md and docs/terms*.md (infra/policy-site.ts publishes them). A small Markdown subset is
 * enough for those files and keeps the output exact: headings, paragraphs, lists, tables, **bold**, `code`;
 * HTML comments (notes for developers) are left out.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const POLICY_LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];
export const POLICY_KINDS = ['privacy', 'terms'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

/** The Markdown source of a page: docs/privacy.md for English, docs/privacy.de.md for German, … */
export function policySource(kind: PolicyKind, lang: PolicyLanguage): string {
  return readFileSync(join(DOCS, lang === 'en' ? `${kind}.md` : `${kind}.${lang}.md`), 'utf8');
}

/** Where a page is published, relative to the site's root: `de/privacy.html`. */
export const policyPath = (kind: PolicyKind, lang: string): string => `${lang}/${kind}.html`;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(s: string): string {
  return escapeHtml(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

const cells = (row: string): string[] => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** Markdown (the subset above) to HTML, without the comments. */
export function markdownToHtml(markdown: string): { title: string; body: string } {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  let title = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) { i += 1; continue; }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      if (level === 1) title = heading[2]!;
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      i += 1;
    } else if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!);
      const [head, , ...body] = rows;
      out.push('<table>', `<thead><tr>${cells(head!).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>`, '<tbody>',
        ...body.map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`), '</tbody>', '</table>');
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      while (i < lines.length && (lines[i]!.startsWith('- ') || lines[i]!.startsWith('  '))) {
        const l = lines[i++]!;
        if (l.startsWith('- ')) items.push(l.slice(2)); else items[items.length - 1] += ` ${l.trim()}`;
      }
      out.push('<ul>', ...items.map((it) => `<li>${inline(it)}</li>`), '</ul>');
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !/^(#|\||- )/.test(lines[i]!)) para.push(lines[i++]!.trim());
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return { title, body: out.join('\n') };
}

const LANGUAGE_NAMES: Record<PolicyLanguage, string> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français' };
const STYLE = 'body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b2733}'
  + 'table{border-collapse:collapse;width:100%}th,td{border:1px solid #c9d3dd;padding:.4rem;text-align:left;vertical-align:top}'
  + 'code{background:#eef2f6;padding:0 .2rem}nav{margin-top:2rem;font-size:.9rem}';

/** One page as a complete HTML document in its language, with links to the same page in the other languages. */
export function renderPolicyPage(kind: PolicyKind, lang: PolicyLanguage): string {
  const { title, body } = markdownToHtml(policySource(kind, lang));
  const other = POLICY_KINDS.find((k) => k !== kind)!;
  const links = POLICY_LANGUAGES.filter((l) => l !== lang).map((l) => `<a href="../${policyPath(kind, l)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${inline(title)}</title><style>${STYLE}</style></head>`,
    '<body>',
    body,
    `<nav><a href="../${policyPath(other, lang)}">${inline(markdownToHtml(policySource(other, lang)).title)}</a> · ${links.join(' · ')}</nav>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Every page of the site, by path: each kind in each language, and an index linking them all. */
export function renderPolicySite(): Record<string, string> {
  const pages: Record<string, string> = {};
  const index: string[] = [];
  for (const lang of POLICY_LANGUAGES) {
    for (const kind of POLICY_KINDS) {
      pages[policyPath(kind, lang)] = renderPolicyPage(kind, lang);
      index.push(`<li lang="${lang}"><a href="${policyPath(kind, lang)}">${inline(markdownToHtml(policySource(kind, lang)).title)}</a></li>`);
    }
  }
  pages['index.html'] = ['<!DOCTYPE html>', '<html lang="en">', `<head><meta charset="utf-8"><title>Foot Acupressure</title><style>${STYLE}</style></head>`,
    '<body><h1>Foot Acupressure</h1><ul>', ...index, '</ul></body>', '</html>', ''].join('\n');
  return pages;
}
