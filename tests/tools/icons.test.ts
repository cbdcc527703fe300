import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../tools/apl-preview/png.js';
import { ICON_SIZES, renderIcons } from '../../tools/icons/render.mjs';

describe.skipIf(!existsSync(CHROMIUM))('skill icons, rendered from tools/icons/icon.svg with headless Chromium', () => {
  it('renders 108 and 512 px PNGs of the foot with its lit point', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icons-'));
    const files = await renderIcons(dir);
    expect(files).toHaveLength(ICON_SIZES.length);
    ICON_SIZES.forEach((size, i) => {
      const png = readFileSync(files[i] as string);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      // Not one flat colour: the drawing is there.
      expect(png.length).toBeGreaterThan(size === 512 ? 10_000 : 1_000);
    });
  }, 60_000);
});
