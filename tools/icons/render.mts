/**
 * Renders the skill icons (108 px and 512 px PNGs, as the skill manifest needs) from tools/icons/icon.svg
 * with headless Chromium: `npx tsx tools/icons/render.mts`. The PNGs are committed; ASK CLI v2 uploads
 * them from skill-package/assets/images (referenced as file://assets/images/…).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { svgToPng } from '../apl-preview/png.js';

/** Chromium will not open a window smaller than this (px): small icons are drawn at size in a corner and cropped. */
const WINDOW_PX = 512;

export const ICON_SIZES = [108, 512] as const;

export async function renderIcons(outDir = 'skill-package/assets/images'): Promise<string[]> {
  const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
  const written: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'icons-'));
  try {
    for (const size of ICON_SIZES) {
      const page = `<svg xmlns="http://www.w3.org/2000/svg" width="${WINDOW_PX}" height="${WINDOW_PX}">${svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`)}</svg>`;
      const out = await svgToPng(page, join(work, `icon-${size}.png`));
      if (!out.ok) throw new Error(`icon-${size}: ${out.reason}`);
      const shot = PNG.sync.read(readFileSync(out.path));
      const icon = new PNG({ width: size, height: size });
      PNG.bitblt(shot, icon, 0, 0, size, size, 0, 0);
      const path = join(outDir, `icon-${size}.png`);
      writeFileSync(path, PNG.sync.write(icon));
      written.push(path);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await renderIcons()).join('\n'));
