/**
 * Screenshot an SVG with headless Chromium from Debian (`apt-get install chromium`).
 * Without it, the SVG is written next to the PNG path and the reason says how to install it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

export type PngResult = { ok: true; path: string } | { ok: false; svgPath: string; reason: string };

function sizeOf(svg: string): { w: number; h: number } {
  const m = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return m ? { w: Math.ceil(Number(m[1])), h: Math.ceil(Number(m[2])) } : { w: 1280, h: 800 };
}

/** `scale`: the device scale factor, so a large drawing can be shot small (Chromium has a minimum window size). */
export async function svgToPng(svg: string, pngPath: string, chromium = CHROMIUM, scale = 1): Promise<PngResult> {
  const out = resolve(pngPath);
  mkdirSync(dirname(out), { recursive: true });
  const svgPath = out.replace(/\.png$/i, '') + '.svg';
  writeFileSync(svgPath, svg);
  if (!existsSync(chromium)) {
    return { ok: false, svgPath, reason: `no Chromium at ${chromium}; install it with: apt-get update && apt-get install -y chromium` };
  }
  const { w, h } = sizeOf(svg);
  const work = mkdtempSync(join(tmpdir(), 'apl-preview-'));
  try {
    const html = join(work, 'screen.html');
    writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#000;overflow:hidden}svg{display:block}</style></head><body>${svg}</body></html>`);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--hide-scrollbars', `--user-data-dir=${join(work, 'profile')}`,
      `--screenshot=${out}`, `--window-size=${w},${h}`, ...(scale === 1 ? [] : [`--force-device-scale-factor=${scale}`]), pathToFileURL(html).href,
    ];
    if (existsSync(out)) rmSync(out);
    const failure = await new Promise<string | null>((done) => {
      execFile(chromium, args, { timeout: 60_000 }, (err, _stdout, stderr) => {
        done(err ? `${err.message.split('\n')[0]} ${String(stderr).split('\n').slice(-3).join(' ')}`.trim() : null);
      });
    });
    if (!existsSync(out) || statSync(out).size === 0) {
      return { ok: false, svgPath, reason: `Chromium did not write ${out}${failure ? `: ${failure}` : ''}` };
    }
    return { ok: true, path: out };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
