import type { Chime } from './pacing.js';

/**
 * Sound-library chime marking press and release moments (free, no hosting).
 * Its length is our estimate (the library lists it at about a second and a half).
 */
export const CUE_CHIME: Chime = { src: 'soundbank://soundlibrary/musical/amzn_sfx_bell_short_chime_01', ms: 1_500 };
