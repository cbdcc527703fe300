/**
 * Look at the screens without the simulator:
 *   npx tsx tools/apl-preview/look.ts [outDir] [point ids...]
 * writes routine and point screens for the given points (default KI6 GB40 KI1+LV3) on every
 * preview viewport, and prints the PNG (or SVG) paths.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointDocument, routineDocument } from './documents.js';
import { POINT_VIEWS, type PointId } from './footmap.js';
import { renderReport, svgToPng } from './index.js';
import { sampleScreen, VIEWPORTS } from './samples.js';

export async function look(outDir: string, sets: PointId[][]): Promise<string[]> {
  const lines: string[] = [];
  for (const lit of sets) {
    for (const [kind, doc] of [['routine', routineDocument()], ['point', pointDocument()]] as const) {
      for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
        const { svg, problems } = renderReport({ document: doc, datasources: sampleScreen(kind, lit), viewport });
        const res = await svgToPng(svg, join(outDir, `${kind}-${lit.join('+')}-${vpName}.png`));
        lines.push(res.ok ? res.path : `${res.svgPath} (${res.reason})`, ...problems.map((p) => `  layout: ${p}`));
      }
    }
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [outDir = 'screens', ...ids] = process.argv.slice(2);
  for (const id of ids.flatMap((s) => s.split('+'))) if (!(id in POINT_VIEWS)) throw new Error(`unknown point ${id}`);
  const sets = ids.length ? ids.map((s) => s.split('+') as PointId[]) : [['KI6'], ['GB40'], ['KI1', 'LV3']] as PointId[][];
  for (const line of await look(outDir, sets)) console.log(line);
}
