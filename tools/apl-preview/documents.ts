/**
 * Builds the two APL documents of the skill package from one description, so the foot
 * map and the styling stay identical in both. `npx tsx tools/apl-preview/documents.ts`
 * rewrites skill-package/response/display/{routine,point}/document.json; a test fails
 * when the committed files differ from what this produces.
 * Facts used (see docs/apl.md): responsive `when` on resources and components, the
 * alexa-viewport-profiles import, `bind` on the root for SetValue, SendEvent arguments.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAPHICS } from './footmap.js';

type J = Record<string, unknown>;

export const APL_VERSION = '2023.3';
const TICKS = 20;
const IMPORTS = [{ name: 'alexa-viewport-profiles', version: '1.6.0' }];

const ICONS: Record<string, J> = {
  iconPause: icon('M 6 4 L 10 4 L 10 20 L 6 20 Z M 14 4 L 18 4 L 18 20 L 14 20 Z'),
  iconNext: icon('M 5 4 L 15 12 L 5 20 Z M 16 4 L 19 4 L 19 20 L 16 20 Z'),
  iconRepeat: {
    type: 'AVG', version: '1.2', width: 24, height: 24,
    parameters: [{ name: 'color', type: 'color', default: '#FFFFFF' }],
    items: [
      { type: 'path', pathData: 'M 19 12 A 7 7 0 1 1 12 5', stroke: '${color}', strokeWidth: 2.6, strokeLineCap: 'round' },
      { type: 'path', pathData: 'M 11 1 L 16.5 5 L 11 9 Z', fill: '${color}' },
    ],
  },
};

function icon(pathData: string): J {
  return { type: 'AVG', version: '1.2', width: 24, height: 24, parameters: [{ name: 'color', type: 'color', default: '#FFFFFF' }], items: [{ type: 'path', pathData, fill: '${color}' }] };
}

/** Sizes by screen: later blocks override earlier ones when their `when` holds. */
const RESOURCES: J[] = [
  {
    description: 'Colours: dark, high contrast',
    colors: { bg: '#0B141C', text: '#FFFFFF', muted: '#C3D1DE', accent: '#FFD54A', track: '#2A3B4A', btnBg: '#1B2C3B', edge: '#A9C1D9' },
  },
  {
    description: 'Landscape hub, 1280×800 dp and larger',
    dimensions: { pad: 48, gap: 20, titleSize: 48, subSize: 28, techSize: 32, captionSize: 38, bodySize: 30, countSize: 96, barH: 14, btnW: 184, btnH: 80, btnText: 28, iconSize: 36 },
  },
  {
    description: 'Shorter landscape hubs (1024×600) and TVs (960×540 dp)',
    when: '${viewport.height < 700}',
    dimensions: { pad: 32, gap: 12, titleSize: 38, subSize: 22, techSize: 26, captionSize: 30, bodySize: 24, countSize: 72, barH: 12, btnW: 160, btnH: 64, btnText: 24, iconSize: 28 },
  },
  {
    description: 'Small landscape hubs (960×480)',
    when: '${viewport.height < 560}',
    dimensions: { pad: 24, gap: 8, titleSize: 30, subSize: 20, techSize: 22, captionSize: 26, bodySize: 22, countSize: 56, barH: 10, btnW: 150, btnH: 56, btnText: 22, iconSize: 26 },
  },
  {
    description: 'TV: seen from across the room; no touch, but the buttons take focus',
    when: '${@viewportProfile == @tvLandscapeXLarge}',
    dimensions: { titleSize: 40, captionSize: 32, bodySize: 26, countSize: 80 },
  },
  {
    description: 'Small round hub (480×480)',
    when: "${@viewportProfile == @hubRoundSmall || viewport.shape == 'round'}",
    dimensions: { gap: 6, titleSize: 24, subSize: 18, techSize: 20, captionSize: 20, bodySize: 19, countSize: 52, barH: 8, barW: 200, btnW: 64, btnH: 64, btnText: 18, iconSize: 30, mapH: 130 },
  },
];

const ROUND = "${@viewportProfile == @hubRoundSmall || viewport.shape == 'round'}";
const SCREEN = '${payload.payload.screen}';

function text(t: string, size: string, extra: J = {}): J {
  return { type: 'Text', text: t, fontSize: size, color: '@text', ...extra };
}

/** One or two foot maps side by side; for both feet at once, the view and its mirror image. */
function maps(height: string | number, width: string): J {
  const pair = "${screen.panels.length > 1 || screen.foot == 'both'}";
  // The AVG's parameters go in the VectorGraphic's `parameters` map, the current form; named properties on the
  // component were the APL <= 1.5 form (https://developer.amazon.com/docs/alexa/alexa-presentation-language/apl-vectorgraphic.html).
  const vg = (panel: number, mirror: string | boolean, when?: string): J => ({
    type: 'VectorGraphic',
    ...(when ? { when } : {}),
    source: `\${screen.panels[${panel}].view}`,
    parameters: { lit: `\${screen.panels[${panel}].lit}`, mirror },
    scale: 'best-fit',
    width: `\${${pair.slice(2, -1)} ? '50%' : '100%'}`,
    height: '100%',
  });
  return {
    type: 'Container', direction: 'row', width, height, justifyContent: 'center', alignItems: 'center',
    items: [
      vg(0, "${screen.foot == 'left'}"),
      vg(1, "${screen.foot == 'left'}", '${screen.panels.length > 1}'),
      vg(0, true, "${screen.foot == 'both' && screen.panels.length == 1}"),
    ],
  };
}

function countdown(round: boolean): J {
  return {
    type: 'Container',
    display: "${total > 0 ? 'normal' : 'none'}",
    alignItems: round ? 'center' : 'start',
    // Beside the map the parent grows into the row with an automatic width: a percentage width there is
    // undefined (apl-suggester: "Container width must be an absolute value when the parent width is set to
    // auto"), so the column's default alignItems, stretch, gives the countdown the parent's width instead.
    ...(round ? { width: '100%' } : {}),
    spacing: '@gap',
    items: [
      {
        type: 'Container', direction: 'row', alignItems: 'end',
        items: [
          text('${Math.floor(remaining / 60)}:${remaining % 60 < 10 ? "0" : ""}${remaining % 60}', '@countSize', { fontWeight: 'bold', color: '@accent', maxLines: 1 }),
          ...(round ? [] : [text('${screen.labels.remaining}', '@subSize', { color: '@muted', spacing: 16, paddingBottom: 14, maxLines: 1 })]),
        ],
      },
      {
        // Width and height are not dynamic on the device (apl-core-library: kPropIn only), so SetValue
        // could not move a bar drawn by width. Opacity is dynamic: light one tick per 5 % elapsed.
        type: 'Container', direction: 'row', ...(round ? { width: '@barW' } : { alignSelf: 'stretch' }), height: '@barH', spacing: 4,
        items: Array.from({ length: TICKS }, (_, i) => ({
          type: 'Frame', grow: 1, height: '100%', borderRadius: '@barH', backgroundColor: '@accent', ...(i ? { spacing: 3 } : {}),
          opacity: `\${total > 0 && (total - remaining) * ${TICKS} >= ${i + 1} * total ? 1 : 0.22}`,
        })),
      },
    ],
  };
}

function button(arg: 'pause' | 'next' | 'repeat', iconName: string, withLabel: boolean): J {
  const iconItem = { type: 'VectorGraphic', source: iconName, color: '@text', width: '@iconSize', height: '@iconSize', scale: 'best-fit' };
  return {
    type: 'TouchWrapper',
    spacing: '@gap',
    accessibilityLabel: `\${screen.labels.${arg}}`,
    onPress: [{ type: 'SendEvent', arguments: [arg] }],
    item: {
      type: 'Frame', width: '@btnW', height: '@btnH', borderRadius: '@btnH', borderWidth: 3, borderColor: '@edge', backgroundColor: '@btnBg',
      item: {
        type: 'Container', direction: 'row', width: '100%', height: '100%', justifyContent: 'center', alignItems: 'center',
        items: withLabel
          ? [iconItem, text(`\${screen.labels.${arg}}`, '@btnText', { fontWeight: 'bold', maxLines: 1, spacing: 8 })]
          : [iconItem],
      },
    },
  };
}

function buttons(round: boolean): J {
  return {
    type: 'Container', direction: 'row', alignItems: 'center', spacing: round ? '@gap' : 24,
    items: [button('pause', 'iconPause', !round), button('next', 'iconNext', !round), button('repeat', 'iconRepeat', !round)],
  };
}

function root(bind: J[], round: J, wide: J): J {
  return {
    type: 'Container', id: 'root', width: '100vw', height: '100vh',
    bind: [{ name: 'screen', value: SCREEN }, ...bind],
    items: [{ type: 'Frame', width: '100%', height: '100%', backgroundColor: '@bg', items: [{ ...round, when: ROUND }, wide] }],
  };
}

function document(description: string, top: J): J {
  return {
    type: 'APL',
    version: APL_VERSION,
    description,
    import: IMPORTS,
    resources: RESOURCES,
    graphics: { ...GRAPHICS, ...ICONS },
    mainTemplate: { parameters: ['payload'], items: [top] },
  };
}

export function routineDocument(): J {
  const round: J = {
    type: 'Container', width: '100%', height: '100%', alignItems: 'center', justifyContent: 'center',
    items: [
      // The circle is narrow at the top and bottom: short things there, long lines in the middle.
      countdown(true),
      { ...maps('@mapH', '80%'), spacing: '@gap' },
      text('${screen.title}', '@titleSize', { width: '66%', textAlign: 'center', fontWeight: 'bold', maxLines: 2, spacing: '@gap' }),
      text('${screen.technique}', '@techSize', { width: '70%', textAlign: 'center', color: '@accent', maxLines: 1, spacing: 2 }),
      // The instruction line is read from about 2 m: large, in the main text colour, with room for the side label.
      text('${caption}', '@captionSize', { width: '72%', textAlign: 'center', maxLines: 3, spacing: '@gap' }),
      { ...buttons(true), spacing: 10 },
    ],
  };
  const wide = wideLayout('44%', [
    text('${screen.subtitle}', '@subSize', { color: '@muted', maxLines: 1 }),
    text('${screen.title}', '@titleSize', { fontWeight: 'bold', maxLines: 3, spacing: 4 }),
    text('${screen.technique}', '@techSize', { color: '@accent', maxLines: 1, spacing: '@gap' }),
    text('${caption}', '@captionSize', { maxLines: 3, spacing: '@gap' }),
    { ...countdown(false), spacing: '@gap' },
    { ...buttons(false), spacing: '@pad' },
  ]);
  return document(
    'Routine step: foot map with the current point(s) lit, technique, spoken caption, countdown and progress, Pause/Next/Repeat.',
    root([
      { name: 'remaining', type: 'number', value: '${screen.remainingSeconds}' },
      { name: 'total', type: 'number', value: '${screen.totalSeconds}' },
      { name: 'caption', type: 'string', value: '${screen.caption}' },
    ], round, wide),
  );
}

/** The landscape layout of both documents: the foot map on the left, a column of items on the right. */
function wideLayout(mapWidth: string, items: J[]): J {
  return {
    type: 'Container', direction: 'row', width: '100%', height: '100%', paddingLeft: '@pad', paddingRight: '@pad', paddingTop: '@pad', paddingBottom: '@pad',
    items: [
      maps('100%', mapWidth),
      { type: 'Container', grow: 1, height: '100%', paddingLeft: '@pad', justifyContent: 'center', items },
    ],
  };
}

export function pointDocument(): J {
  const round: J = {
    type: 'Container', width: '100%', height: '100%', alignItems: 'center', justifyContent: 'center',
    items: [
      maps(170, '80%'),
      text('${screen.title}', '@titleSize', { width: '66%', textAlign: 'center', fontWeight: 'bold', maxLines: 2, spacing: '@gap' }),
      text('${screen.subtitle}', '@techSize', { width: '70%', textAlign: 'center', color: '@accent', maxLines: 1, spacing: 2 }),
      text('${screen.body}', '@bodySize', { width: '66%', textAlign: 'center', maxLines: 4, color: '@muted', spacing: '@gap' }),
    ],
  };
  const wide = wideLayout('48%', [
      text('${screen.title}', '@titleSize', { fontWeight: 'bold', maxLines: 2 }),
      text('${screen.subtitle}', '@techSize', { color: '@accent', maxLines: 1, spacing: '@gap' }),
      text('${screen.body}', '@bodySize', { maxLines: 7, spacing: '@pad' }),
  ]);
  return document('Where is: foot map with the point lit, its name, code, pinyin and location.', root([], round, wide));
}

export const DOCUMENTS = { routine: routineDocument, point: pointDocument } as const;

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'skill-package', 'response', 'display');

export function documentJson(name: keyof typeof DOCUMENTS): string {
  return `${JSON.stringify(DOCUMENTS[name](), null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]) {
    const path = join(PACKAGE_DIR, name, 'document.json');
    writeFileSync(path, documentJson(name));
    console.log(`wrote ${path}`);
  }
}
