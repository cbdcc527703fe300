import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, renderReport, renderToSvg, svgToPng, UnsupportedError } from '../../tools/apl-preview/index.js';
import { POINT_VIEWS, type PointId } from '../../tools/apl-preview/footmap.js';
import { sampleScreen, VIEWPORTS } from '../../tools/apl-preview/samples.js';
import { loadDoc, NAMES, type J } from './helpers.js';

const POINTS = Object.keys(POINT_VIEWS) as PointId[];
/** The lit marker: the point's halo group drawn at full opacity. */
const LIT_CORE = /opacity="1"><path d="[^"]*" fill="#FFD54A" fill-opacity="0\.16"/g;

describe('preview renders every document × point × viewport', () => {
  for (const name of NAMES) {
    const doc = loadDoc(name);
    for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
      it(`${name} on ${vpName}`, () => {
        for (const point of POINTS) {
          const { svg, problems } = renderReport({ document: doc, datasources: sampleScreen(name, [point]), viewport });
          expect(problems, `${point}`).toEqual([]);
          expect(svg.match(LIT_CORE)?.length, `${point} lit once`).toBe(1);
        }
      });
    }
  }

  it('shows two panels, the left foot mirrored, and both feet as a mirrored pair', () => {
    const doc = loadDoc('routine');
    const two = renderToSvg({ document: doc, datasources: sampleScreen('routine', ['KI1', 'LV3'], 'left'), viewport: VIEWPORTS.hub1280x800 });
    expect(two.match(LIT_CORE)).toHaveLength(2);
    expect(two).toContain('matrix(-1 0 0 1 140 0)');
    const both = renderToSvg({ document: doc, datasources: sampleScreen('routine', ['KI6'], 'both'), viewport: VIEWPORTS.round480 });
    expect(both.match(LIT_CORE)).toHaveLength(2);
    expect(both).toContain('matrix(-1 0 0 1 280 0)');
  });

  it('chooses the round layout on the round screen and the row layout elsewhere', () => {
    const doc = loadDoc('routine');
    const ds = sampleScreen('routine', ['GB40']);
    expect(renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.round480 })).not.toContain('>remaining<');
    expect(renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.hub1024x600 })).toContain('>remaining<');
  });
});

describe('binding and SetValue', () => {
  const doc = loadDoc('routine');
  const ds = sampleScreen('routine', ['BL60']);
  it('draws the countdown from the bound values', () => {
    expect(renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.hub1280x800 })).toContain('>1:23<');
    const later = renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.hub1280x800, binds: { remaining: 5, caption: 'Let go for a few seconds.' } });
    expect(later).toContain('>0:05<');
    expect(later).toContain('Let go for a few seconds.');
  });
  it('hides the countdown when totalSeconds is 0', () => {
    const svg = renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.hub1280x800, binds: { total: 0 } });
    expect(svg).not.toContain('>1:23<');
  });
  it('refuses a SetValue on a property the root does not bind', () => {
    expect(() => renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.hub1280x800, binds: { elapsed: 3 } })).toThrow(/no bound variable "elapsed"/);
  });
});

describe('the preview refuses what it cannot show', () => {
  const base = loadDoc('point');
  const ds = sampleScreen('point', ['KI6']);
  const withTop = (f: (top: J) => void) => {
    const doc = structuredClone(base);
    f(((doc.mainTemplate as J).items as J[])[0]!);
    return doc;
  };
  const render = (doc: J) => renderToSvg({ document: doc, datasources: ds, viewport: VIEWPORTS.hub1280x800 });
  it('names an unknown component type', () => {
    expect(() => render(withTop((t) => { ((t.items as J[])[0]!).items = [{ type: 'Sequence' }]; }))).toThrow(UnsupportedError);
    expect(() => render(withTop((t) => { ((t.items as J[])[0]!).items = [{ type: 'Sequence' }]; }))).toThrow(/"Sequence"/);
  });
  it('names an unknown property', () => {
    expect(() => render(withTop((t) => { t.shadowColor = 'red'; }))).toThrow(/"shadowColor" on Container/);
  });
  it('names an unsupported expression', () => {
    expect(() => render(withTop((t) => { t.bind = [{ name: 'screen', value: '${String.toUpperCase(payload)}' }]; }))).toThrow(UnsupportedError);
  });
  it('names an import it does not emulate', () => {
    const doc = structuredClone(base);
    (doc.import as J[]).push({ name: 'alexa-layouts', version: '1.7.0' });
    expect(() => render(doc)).toThrow(/alexa-layouts/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('screenshot with Chromium', () => {
  it('writes a non-trivial PNG', async () => {
    const svg = renderToSvg({ document: loadDoc('routine'), datasources: sampleScreen('routine', ['KI7', 'KI8']), viewport: VIEWPORTS.hub1024x600 });
    const out = join(mkdtempSync(join(tmpdir(), 'apl-test-')), 'routine.png');
    const res = await svgToPng(svg, out);
    expect(res).toEqual({ ok: true, path: out });
    expect(statSync(out).size).toBeGreaterThan(5_000);
  });
});

describe('without Chromium', () => {
  it('writes the SVG and says how to install Chromium', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'apl-test-')), 'x.png');
    const res = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', out, '/nonexistent/chromium');
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(existsSync(res.svgPath)).toBe(true);
      expect(res.reason).toContain('apt-get install');
    }
  });
});

describe('SetValue only moves dynamic properties', () => {
  it('every property that follows remaining/total/caption is dynamic on the device', () => {
    const doc = loadDoc('routine');
    for (const viewport of Object.values(VIEWPORTS)) {
      expect(() => renderToSvg({ document: doc, datasources: sampleScreen('routine', ['KI1']), viewport, binds: { remaining: 30, total: 60, caption: 'x' } })).not.toThrow();
    }
  });
  it('refuses a width that follows a bound value', () => {
    const doc = structuredClone(loadDoc('routine'));
    const frame = ((((doc.mainTemplate as J).items as J[])[0]!.items as J[])[0]!);
    frame.width = '${remaining > 0 ? "100%" : "100%"}';
    expect(() => renderToSvg({ document: doc, datasources: sampleScreen('routine', ['KI1']), viewport: VIEWPORTS.hub1280x800, binds: { remaining: 3 } })).toThrow(/not a dynamic property/);
  });
});
