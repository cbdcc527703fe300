/**
 * The foot-map views as AVG graphics. This is the single source of the geometry; it is
 * written into both APL documents by documents.ts (the Lambda sends only view and point ids).
 * Locations follow /work/shared/docs/points-reference.md §2; drawings are of the RIGHT foot,
 * and the documents mirror them for the left foot. Units are AVG viewport units; the
 * comment on each view gives its scale in cun (body inches, about a thumb's width).
 */

export type ViewId = 'innerAnkle' | 'outerAnkle' | 'sole' | 'topOfFoot' | 'backOfLeg';
export type PointId = 'KI6' | 'KI7' | 'KI8' | 'KI4' | 'KI5' | 'GB40' | 'BL60' | 'BL62' | 'KI1' | 'SHIMIAN' | 'LV3' | 'GB41' | 'BL40' | 'BL57';

interface View {
  width: number;
  height: number;
  description: string;
  /** Closed outline of the body part (the first path of the graphic). */
  outline: string;
  /** Filled shapes drawn on the outline (bones showing through). */
  bumps: string[];
  /** Lines: tendons, creases, bone edges. */
  lines: string[];
  points: Partial<Record<PointId, [number, number]>>;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const ellipse = (cx: number, cy: number, rx: number, ry: number) => {
  const k = 0.552; const [x0, x1, y0, y1] = [cx - rx, cx + rx, cy - ry, cy + ry];
  const [kx, ky] = [r2(rx * k), r2(ry * k)];
  return `M ${x0} ${cy} C ${x0} ${r2(cy - ky)}, ${r2(cx - kx)} ${y0}, ${cx} ${y0} C ${r2(cx + kx)} ${y0}, ${x1} ${r2(cy - ky)}, ${x1} ${cy} `
    + `C ${x1} ${r2(cy + ky)}, ${r2(cx + kx)} ${y1}, ${cx} ${y1} C ${r2(cx - kx)} ${y1}, ${x0} ${r2(cy + ky)}, ${x0} ${cy} Z`;
};

// Toes seen from above or below (big toe on the left for the right foot).
const TOES = 'C 18 60, 16 40, 22 26 C 28 12, 48 10, 52 24 C 54 34, 54 50, 50 66 '
  + 'C 54 48, 56 30, 64 27 C 72 24, 79 32, 77 46 C 76 56, 75 64, 73 70 '
  + 'C 77 54, 81 43, 89 43 C 97 43, 99 53, 97 62 C 96 68, 94 72, 93 76 '
  + 'C 97 63, 102 57, 108 59 C 114 61, 116 69, 113 77 C 112 81, 110 84, 109 87 '
  + 'C 112 78, 118 73, 124 77 C 130 81, 129 91, 124 99 ';

export const VIEWS: Record<ViewId, View> = {
  // Inside of the right ankle and lower shin, toes to the left. 1 cun ≈ 20 units; sole at y≈200.
  innerAnkle: {
    width: 280, height: 220,
    description: 'Inside of the right ankle and lower leg, toes to the left',
    outline: 'M 163 8 C 166 50, 170 80, 170 100 C 170 118, 166 128, 156 136 C 130 150, 95 160, 62 170 '
      + 'C 45 175, 30 178, 20 180 C 8 182, 4 192, 10 198 C 16 204, 30 204, 44 202 C 60 201, 72 203, 84 202 '
      + 'C 110 196, 150 192, 180 198 C 200 203, 225 206, 242 203 C 258 199, 262 182, 256 170 '
      + 'C 250 160, 246 150, 245 135 C 244 100, 246 50, 250 8 Z',
    bumps: [ellipse(200, 134, 14, 13)], // inner anklebone (medial malleolus)
    lines: [
      'M 238 10 C 232 50, 228 90, 230 120 C 232 140, 238 156, 247 166', // front edge of the Achilles tendon
      'M 190 10 C 196 45, 206 75, 211 100 C 213 110, 210 118, 204 122', // inner edge of the shinbone
      'M 12 188 C 16 184, 22 184, 26 188', // big-toe nail
      'M 44 202 C 46 194, 46 186, 44 180', // big-toe crease
    ],
    points: {
      KI6: [200, 156], // a thumb-width below the anklebone's tip, in the hollow
      KI7: [229, 94], // 2 cun above the ankle hollow (KI3 ≈ 223,134), front edge of the tendon
      KI8: [219, 94], // same height, half a cun forward, behind the shinbone's inner edge
      KI4: [232, 146], // behind-below the anklebone, in front of the tendon's heel attachment
      KI5: [221, 157], // a thumb-width below the ankle hollow, on the heel bone
    },
  },
  // Outside of the right ankle, toes to the right. Same scale as innerAnkle.
  outerAnkle: {
    width: 280, height: 220,
    description: 'Outside of the right ankle, toes to the right',
    outline: 'M 117 8 C 114 50, 110 80, 110 100 C 110 118, 114 128, 124 136 C 150 150, 185 160, 218 168 '
      + 'C 238 173, 255 178, 264 184 C 274 190, 274 199, 266 202 C 250 205, 230 204, 210 204 '
      + 'C 170 205, 120 205, 90 205 C 70 206, 48 206, 36 202 C 22 199, 18 182, 24 170 '
      + 'C 30 160, 34 150, 35 135 C 36 100, 34 50, 30 8 Z',
    bumps: [ellipse(84, 142, 13, 13)], // outer anklebone (lateral malleolus), lower and further back than the inner one
    lines: [
      'M 42 10 C 48 50, 52 90, 50 120 C 48 140, 42 156, 33 166', // front edge of the Achilles tendon
      'M 72 10 C 74 50, 78 90, 82 129', // the fibula down to the anklebone
      'M 240 203 C 238 196, 238 188, 240 180', // little-toe crease
      'M 264 190 C 267 189, 269 191, 270 194', // little-toe nail
    ],
    points: {
      BL60: [60, 142], // between the anklebone and the tendon, level with the bone's high point
      BL62: [84, 164], // in the hollow directly below the anklebone's tip
      GB40: [108, 157], // in front of and slightly below the anklebone
    },
  },
  // Sole of the right foot, toes up, big toe on the left. Heel back y=292, toe bases y≈74; 1 cun ≈ 23.
  sole: {
    width: 140, height: 300,
    description: 'Sole of the right foot, toes at the top',
    outline: `M 70 292 C 48 292, 36 276, 36 254 C 36 236, 40 222, 42 208 C 44 190, 38 172, 30 156 `
      + `C 22 140, 16 120, 16 104 C 16 90, 20 80, 24 74 ${TOES}`
      + 'C 126 120, 124 150, 118 180 C 112 210, 106 234, 106 254 C 106 276, 92 292, 70 292 Z',
    bumps: [ellipse(71, 256, 27, 25)], // heel pad
    lines: [
      'M 22 116 C 45 132, 95 130, 122 112', // back edge of the ball of the foot
      'M 30 74 C 36 70, 44 70, 48 72', 'M 57 70 C 62 68, 68 68, 71 70', 'M 79 74 C 83 72, 88 72, 91 74',
      'M 97 80 C 100 78, 104 78, 107 80', 'M 111 90 C 114 88, 118 88, 121 90', // toe creases
    ],
    points: {
      KI1: [74, 147], // a third of the way from the base of toes 2–3 (y≈74) to the back of the heel (y=292)
      SHIMIAN: [71, 258], // centre of the underside of the heel
    },
  },
  // Top of the right foot, toes up, big toe on the left, ankle at the bottom. Same scale as sole.
  topOfFoot: {
    width: 140, height: 300,
    description: 'Top of the right foot, toes at the top',
    outline: `M 46 298 C 46 280, 44 268, 40 256 C 34 246, 30 232, 28 214 C 24 190, 18 150, 16 116 `
      + `C 15 100, 18 86, 24 76 ${TOES}`
      + 'C 126 130, 122 170, 114 210 C 110 228, 106 242, 102 254 C 100 268, 98 280, 98 298 Z',
    bumps: [ellipse(36, 36, 9, 10)], // big-toe nail
    lines: [
      'M 38 86 C 40 120, 42 150, 45 172', // 1st toe bone (metatarsal)
      'M 62 80 C 60 115, 57 145, 53 168', // 2nd
      'M 82 84 C 80 115, 76 145, 72 170', // 3rd
      'M 100 88 C 97 115, 94 145, 90 172', // 4th
      'M 120 98 C 115 125, 110 150, 104 176', // 5th
      'M 70 250 C 82 200, 100 140, 114 96', // tendon to the little toe
      'M 40 258 C 52 262, 90 262, 102 256', // ankle crease
    ],
    points: {
      LV3: [49, 128], // between the 1st and 2nd toe bones, toe-side of where they meet
      GB41: [106, 140], // between the 4th and 5th toe bones, toe-side of where they meet, little-toe side of the tendon
    },
  },
  // Back of the right knee and calf, seen from behind (inner side on the left). Knee crease y≈58, ankle y≈262.
  backOfLeg: {
    width: 160, height: 300,
    description: 'Back of the right knee and calf',
    outline: 'M 30 4 C 30 20, 32 36, 34 50 C 30 66, 22 90, 22 112 C 22 140, 36 168, 52 200 '
      + 'C 58 220, 58 240, 56 258 C 54 268, 50 276, 52 284 C 56 294, 70 298, 82 298 '
      + 'C 96 298, 108 292, 108 282 C 108 274, 104 266, 102 258 C 100 240, 100 220, 106 200 '
      + 'C 120 170, 136 140, 136 110 C 136 88, 128 66, 126 50 C 128 36, 130 20, 130 4 Z',
    bumps: [],
    lines: [
      'M 38 56 C 60 61, 100 61, 122 56', // knee crease
      'M 46 70 C 38 110, 54 140, 79 157', 'M 114 70 C 124 106, 106 140, 81 157', // the calf muscle's two heads
      'M 72 176 C 74 210, 74 240, 74 272', 'M 88 176 C 86 210, 86 240, 86 272', // Achilles tendon
    ],
    points: {
      BL40: [80, 59], // centre of the knee crease
      BL57: [80, 164], // in the dip below the calf bulge, halfway from knee crease to ankle
    },
  },
};

export const POINT_VIEWS: Record<PointId, ViewId> = Object.fromEntries(
  (Object.entries(VIEWS) as [ViewId, View][]).flatMap(([v, view]) => Object.keys(view.points).map((p) => [p, v])),
) as Record<PointId, ViewId>;

const C = { skin: '#2B4256', edge: '#A9C1D9', bone: '#3E5A75', line: '#7D97B0', dim: '#8EA4BA', glow: '#FFD54A', core: '#FFF3B0' };

/** `lit` holds up to three point ids (our steps light at most two per view). */
const litTest = (id: string) => `(lit[0] == '${id}' || lit[1] == '${id}' || lit[2] == '${id}')`;

export function graphicFor(id: ViewId): Record<string, unknown> {
  const v = VIEWS[id];
  const dot = (r: number) => ellipse(0, 0, r, r);
  return {
    type: 'AVG',
    version: '1.2',
    description: v.description,
    width: v.width,
    height: v.height,
    viewportWidth: v.width,
    viewportHeight: v.height,
    parameters: [
      { name: 'lit', type: 'any', default: [] },
      // AVG parameter types are any, color, number and string (apl-avg-format.html; apl-suggester rejects
      // "boolean"): the flag is passed as a real boolean and read as a truth value.
      { name: 'mirror', type: 'any', default: false },
    ],
    items: [{
      type: 'group',
      transform: `\${mirror ? 'translate(${v.width} 0) scale(-1 1)' : ''}`,
      items: [
        { type: 'path', pathData: v.outline, fill: C.skin, stroke: C.edge, strokeWidth: 2.5, strokeLineJoin: 'round' },
        ...v.bumps.map((d) => ({ type: 'path', pathData: d, fill: C.bone, stroke: C.edge, strokeWidth: 1.5 })),
        ...v.lines.map((d) => ({ type: 'path', pathData: d, stroke: C.line, strokeWidth: 2, strokeLineCap: 'round' })),
        ...(Object.entries(v.points) as [PointId, [number, number]][]).map(([p, [x, y]]) => ({
          type: 'group',
          description: p,
          transform: `translate(${x} ${y})`,
          items: [
            // Lit: a bright dot with a soft halo. Unlit: a small faint dot.
            {
              type: 'group',
              opacity: `\${${litTest(p)} ? 1 : 0}`,
              items: [
                { type: 'path', pathData: dot(20), fill: C.glow, fillOpacity: 0.16 },
                { type: 'path', pathData: dot(12), fill: C.glow, fillOpacity: 0.38 },
                { type: 'path', pathData: dot(6.5), fill: C.core, stroke: C.glow, strokeWidth: 2 },
              ],
            },
            { type: 'path', pathData: dot(3.5), fill: C.dim, fillOpacity: `\${${litTest(p)} ? 0 : 0.55}` },
          ],
        })),
      ],
    }],
  };
}

export const GRAPHICS: Record<ViewId, Record<string, unknown>> = Object.fromEntries(
  (Object.keys(VIEWS) as ViewId[]).map((v) => [v, graphicFor(v)]),
) as Record<ViewId, Record<string, unknown>>;
