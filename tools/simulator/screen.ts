/**
 * `--screen` support for the simulator: render the APL screen of a skill response to a PNG
 * (or an SVG without Chromium) and return the line to print.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { renderToSvg, svgToPng, type PreviewViewport } from '../apl-preview/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC_PREFIX = 'doc://alexa/apl/documents/';

type Directive = { type: string; token?: string; document?: { type?: string; src?: string }; datasources?: object; commands?: unknown[] };

export const DEFAULT_SCREEN: PreviewViewport = { width: 1280, height: 800, shape: 'rectangle', dpi: 160 };

/** Loads a linked document from skill-package/response/display/<name>/document.json. */
export function loadLinkedDocument(src: string, root = ROOT): object {
  if (!src.startsWith(DOC_PREFIX)) throw new Error(`not a skill-package document link: ${src}`);
  const name = src.slice(DOC_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`bad document name in ${src}`);
  return JSON.parse(readFileSync(join(root, 'skill-package', 'response', 'display', name, 'document.json'), 'utf8')) as object;
}

/**
 * The values the device shows first: SetValue commands on "root" without a delay, in order,
 * at the start of the first ExecuteCommands directive (inside a Sequential or not).
 */
export function initialBinds(directives: Directive[]): Record<string, unknown> {
  const exec = directives.find((d) => d.type === 'Alexa.Presentation.APL.ExecuteCommands');
  const out: Record<string, unknown> = {};
  const walk = (cmds: unknown[]): boolean => {
    for (const c of cmds as Array<Record<string, unknown>>) {
      if (c.type === 'Sequential') { if (!walk((c.commands ?? []) as unknown[])) return false; continue; }
      if (c.type !== 'SetValue' || (c.delay !== undefined && Number(c.delay) > 0)) return false;
      if (c.componentId === 'root') out[String(c.property)] = c.value;
    }
    return true;
  };
  if (exec?.commands) walk(exec.commands);
  return out;
}

export async function writeScreen(response: ResponseEnvelope, outDir: string, viewport: PreviewViewport = DEFAULT_SCREEN): Promise<string> {
  const directives = (response.response.directives ?? []) as unknown as Directive[];
  const render = directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
  if (!render) return 'screen: this answer has no APL RenderDocument directive';
  const doc = render.document?.type === 'Link' && render.document.src ? loadLinkedDocument(render.document.src) : render.document;
  if (!doc) return 'screen: the RenderDocument directive has no document';
  const svg = renderToSvg({ document: doc, datasources: render.datasources ?? {}, viewport, binds: initialBinds(directives) });
  const name = `${(render.token ?? 'screen').replace(/[^A-Za-z0-9_-]/g, '_')}-${Date.now()}`;
  const res = await svgToPng(svg, join(outDir, `${name}.png`));
  return res.ok ? `screen: ${res.path}` : `screen: ${res.svgPath} (no PNG: ${res.reason})`;
}
