import { describe, expect, it } from 'vitest';
import { flattenPath, pointInPolygon, type Pt } from '../../tools/apl-preview/avg.js';
import { layersOf, loadDoc, NAMES, pointsOf, type J } from './helpers.js';

const EXPECTED: Record<string, string[]> = {
  innerAnkle: ['KI4', 'KI5', 'KI6', 'KI7', 'KI8'],
  outerAnkle: ['BL60', 'BL62', 'GB40'],
  sole: ['KI1', 'SHIMIAN'],
  topOfFoot: ['GB41', 'LV3'],
  backOfLeg: ['BL40', 'BL57'],
};

const centre = (d: string): Pt => {
  const pts = flattenPath(d).flat();
  const xs = pts.map((p) => p[0]); const ys = pts.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
};
const extent = (d: string) => {
  const ys = flattenPath(d).flat().map((p) => p[1]);
  return { top: Math.min(...ys), bottom: Math.max(...ys) };
};

describe.each(NAMES)('foot map in the %s document', (name) => {
  const graphics = loadDoc(name).graphics as Record<string, J>;

  it('places each of the 14 points in exactly its view', () => {
    const placed = Object.fromEntries(Object.keys(EXPECTED).map((v) => [v, [...pointsOf(graphics[v]!).keys()].sort()]));
    expect(placed).toEqual(EXPECTED);
  });

  it.each(Object.keys(EXPECTED))('%s: every point lies inside the outline', (view) => {
    const g = graphics[view]!;
    const outline = flattenPath(layersOf(g).outline);
    expect(outline).toHaveLength(1);
    for (const [id, p] of pointsOf(g)) expect(pointInPolygon(p, outline[0]!), `${id} at ${p.join(',')}`).toBe(true);
  });

  it('puts the points where the reference says, relative to the landmarks', () => {
    const pts = (v: string) => pointsOf(graphics[v]!);
    const inner = pts('innerAnkle'); const outer = pts('outerAnkle');
    const p = (m: Map<string, [number, number]>, id: string) => m.get(id)!;
    // Inner ankle: toes to the left (smaller x = forward). 1 cun ≈ 20 units.
    const [mx, my] = centre(layersOf(graphics.innerAnkle!).bumps[0]!);
    const ki6 = p(inner, 'KI6');
    expect(Math.abs(ki6[0] - mx)).toBeLessThan(4); // straight below the anklebone
    expect(ki6[1] - my).toBeGreaterThan(15); expect(ki6[1] - my).toBeLessThan(28); // about a thumb-width below
    const ki7 = p(inner, 'KI7'); const ki8 = p(inner, 'KI8');
    expect(ki7[1]).toBe(ki8[1]); // same height
    expect(ki7[0] - ki8[0]).toBeGreaterThan(5); expect(ki7[0] - ki8[0]).toBeLessThan(15); // KI8 half a cun forward
    expect(my - ki7[1]).toBeGreaterThan(30); expect(my - ki7[1]).toBeLessThan(50); // ~2 cun above the ankle hollow
    expect(ki7[0]).toBeGreaterThan(mx); // behind the anklebone, at the tendon
    const ki4 = p(inner, 'KI4'); const ki5 = p(inner, 'KI5');
    expect(ki4[0]).toBeGreaterThan(mx); expect(ki4[1]).toBeGreaterThan(my); // behind and below
    expect(ki5[1]).toBeGreaterThan(my + 15); // a thumb-width below the hollow
    // Outer ankle: toes to the right (larger x = forward).
    const [ox, oy] = centre(layersOf(graphics.outerAnkle!).bumps[0]!);
    const { bottom } = extent(layersOf(graphics.outerAnkle!).bumps[0]!);
    const gb40 = p(outer, 'GB40'); const bl60 = p(outer, 'BL60'); const bl62 = p(outer, 'BL62');
    expect(gb40[0]).toBeGreaterThan(ox + 10); expect(gb40[1]).toBeGreaterThan(oy); // in front and slightly below
    expect(bl60[0]).toBeLessThan(ox - 10); expect(Math.abs(bl60[1] - oy)).toBeLessThan(3); // behind, level with the high point
    expect(Math.abs(bl62[0] - ox)).toBeLessThan(3); expect(bl62[1]).toBeGreaterThan(bottom); // directly below the tip
    // Sole: KI1 a third of the way from the base of toes 2–3 to the back of the heel.
    const ki1 = p(pts('sole'), 'KI1');
    const heelBack = extent(layersOf(graphics.sole!).outline).bottom;
    const toeBase = 74;
    expect(Math.abs((ki1[1] - toeBase) / (heelBack - toeBase) - 1 / 3)).toBeLessThan(0.03);
    const [hx, hy] = centre(layersOf(graphics.sole!).bumps[0]!);
    const shimian = p(pts('sole'), 'SHIMIAN');
    expect(Math.hypot(shimian[0] - hx, shimian[1] - hy)).toBeLessThan(4); // centre of the heel
    // Back of leg: BL40 on the knee crease, BL57 halfway from the crease to the ankle.
    const back = pts('backOfLeg'); const bl40 = p(back, 'BL40'); const bl57 = p(back, 'BL57');
    const ankle = 262;
    expect(Math.abs(bl57[1] - (bl40[1] + ankle) / 2)).toBeLessThan(8);
    expect(Math.abs(bl57[0] - bl40[0])).toBeLessThan(3);
    // Top of the foot: LV3 on the big-toe side, GB41 on the little-toe side, both behind the toe bases.
    const top = pts('topOfFoot'); const lv3 = p(top, 'LV3'); const gb41 = p(top, 'GB41');
    expect(lv3[0]).toBeLessThan(60); expect(gb41[0]).toBeGreaterThan(95);
    expect(lv3[1]).toBeGreaterThan(100); expect(gb41[1]).toBeGreaterThan(100);
  });
});
