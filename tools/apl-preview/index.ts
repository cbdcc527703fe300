export { renderToSvg, renderReport, type RenderOptions, type RenderReport, type PreviewViewport } from './render.js';
export { svgToPng, CHROMIUM, type PngResult } from './png.js';
export { UnsupportedError } from './expr.js';
