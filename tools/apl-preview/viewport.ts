/**
 * Emulation of the alexa-viewport-profiles package, which only the device can resolve.
 * Resource names are those on Amazon's page
 * https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-alexa-viewport-profiles-package.html
 * The size classes follow the groups ask-sdk-core uses for getViewportProfile
 * (node_modules/ask-sdk-core/dist/util/ViewportUtils.js): XSMALL <600, SMALL <960,
 * MEDIUM <1280, LARGE <1920 pixels. The values are opaque strings: documents may only compare them.
 */
export interface PreviewViewport {
  /** Pixels. */
  width: number;
  height: number;
  shape: 'round' | 'rectangle';
  /** Default 160 (1 dp = 1 px). */
  dpi?: number;
  /** Default: 'tv' for 1920 px wide at 320 dpi or more, else 'hub'. */
  mode?: 'hub' | 'tv';
}

const group = (px: number) => (px < 600 ? 0 : px < 960 ? 1 : px < 1280 ? 2 : px < 1920 ? 3 : 4); // XSMALL..XLARGE

export function profileOf(vp: PreviewViewport): string {
  const dpi = vp.dpi ?? 160;
  const mode = vp.mode ?? (vp.width >= 1920 && dpi >= 320 ? 'tv' : 'hub');
  const w = group(vp.width); const h = group(vp.height);
  if (mode === 'tv') return 'tvLandscapeXLarge';
  if (vp.shape === 'round') return 'hubRoundSmall';
  if (vp.width > vp.height) {
    if (w <= 2 && h === 0) return 'hubLandscapeSmall';
    if (w <= 2 && h === 1) return 'hubLandscapeMedium';
    if (w === 3 && h >= 1) return 'hubLandscapeLarge';
    if (w === 4 && h >= 1) return 'hubLandscapeXLarge';
  } else if (vp.width < vp.height && w <= 3) return 'hubPortraitMedium';
  throw new Error(`the preview's viewport-profile emulation does not cover ${vp.width}×${vp.height} ${vp.shape} at ${dpi} dpi`);
}

export function emulatedProfileResources(vp: PreviewViewport): Record<string, string> {
  const names = ['hubRoundSmall', 'hubLandscapeSmall', 'hubLandscapeMedium', 'hubLandscapeLarge', 'hubLandscapeXLarge', 'hubPortraitMedium', 'tvLandscapeXLarge'];
  const out: Record<string, string> = Object.fromEntries(names.map((n) => [n, n]));
  out.viewportProfile = profileOf(vp);
  out.viewportShapeRound = 'round';
  out.viewportShapeRectangle = 'rectangle';
  out.viewportShape = vp.shape;
  return out;
}
