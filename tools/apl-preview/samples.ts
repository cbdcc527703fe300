/** Sample data sources in the contract's shape, for the tests and for looking at screens. */
import { POINT_VIEWS, type PointId } from './footmap.js';

export const VIEWPORTS = {
  round480: { width: 480, height: 480, shape: 'round', dpi: 160 },
  hub1280x800: { width: 1280, height: 800, shape: 'rectangle', dpi: 160 },
  hub1024x600: { width: 1024, height: 600, shape: 'rectangle', dpi: 160 },
  hub960x480: { width: 960, height: 480, shape: 'rectangle', dpi: 160 },
  tv1920x1080: { width: 1920, height: 1080, shape: 'rectangle', dpi: 320 },
} as const;

export function sampleScreen(kind: 'routine' | 'point', lit: PointId[], foot: 'right' | 'left' | 'both' | '' = 'right') {
  const views = [...new Set(lit.map((p) => POINT_VIEWS[p]))];
  const panels = views.map((view) => ({ view, lit: lit.filter((p) => POINT_VIEWS[p] === view) }));
  return {
    payload: {
      screen: {
        kind,
        title: kind === 'routine' ? 'Hill Ruins · G.B. 40' : 'Shining Sea · K.I. 6',
        subtitle: kind === 'routine' ? 'Ankle routine · step 2 of 4' : 'Zhàohǎi',
        technique: kind === 'routine' ? 'Light and firm pressure' : '',
        caption: kind === 'routine' ? 'Switch to firm pressure now, and keep breathing slowly.' : '',
        body: kind === 'point' ? 'On the inner ankle, about one thumb-width straight below the tip of the anklebone, in a soft hollow.' : '',
        panels,
        foot,
        totalSeconds: kind === 'routine' ? 120 : 0,
        remainingSeconds: kind === 'routine' ? 83 : 0,
        labels: { pause: 'Pause', next: 'Next', repeat: 'Repeat', remaining: 'remaining' },
      },
    },
  };
}
