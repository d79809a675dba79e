/**
 * How many seeds a seed band trains, a module of its own: the link reads it on the page's first
 * download, the band's code loads with its tab.
 */
import type { Limit } from './params';

/** Seeds a band trains: 2 to 64 (one seed has no spread; 64 keeps the page's pool responsive). */
export const BAND_SEED_LIMIT: Limit = {
  label: 'Seeds in a band',
  min: 2,
  max: 64,
  integer: true,
};
