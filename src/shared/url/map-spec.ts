/**
 * A map as a link writes it: one of Gymnasium's by name (`8x8`), a seeded random one
 * (`random:8:0.8:3`), or rows in full (`SFFF,FHFH,FFFH,HFFG`).
 */
import { defaultMaxSteps } from '../../rl/env-basics';
import {
  generateRandomMap,
  isMapName,
  MapError,
  MAPS,
  parseMap,
  splitMapRows,
  type MapName,
} from '../../rl/maps';
import { RANDOM_MAP_LIMITS } from '../../rl/params';
import { limitedNumber } from './link-values';

/** Where the map comes from: one of Gymnasium's, a seeded random one, or rows given in full. */
export type MapSpec =
  | { kind: 'named'; name: MapName }
  | {
      kind: 'random';
      /** Side of the square map. */
      size: number;
      /** Probability that a tile is frozen (else a hole). */
      p: number;
      /** Seed of the map's generator (not the run's). */
      seed: number;
    }
  | { kind: 'custom'; rows: string[] };

/** The random map's defaults: Gymnasium's `generate_random_map()` (size 8, p 0.8), seed 0. */
export const DEFAULT_RANDOM_MAP = { kind: 'random', size: 8, p: 0.8, seed: 0 } as const;

/** The rows of a map spec. Throws `MapError` for bad custom rows (a parsed spec never has them). */
export function mapRows(spec: MapSpec): string[] {
  switch (spec.kind) {
    case 'named':
      return [...MAPS[spec.name]];
    case 'random':
      return generateRandomMap(spec.size, spec.p, spec.seed);
    case 'custom':
      return parseMap(spec.rows);
  }
}

/** Gymnasium's time limit for the map a spec describes. */
export function defaultMaxStepsOf(spec: MapSpec): number {
  if (spec.kind === 'random') return defaultMaxSteps(spec.size, spec.size);
  const rows = spec.kind === 'named' ? MAPS[spec.name] : spec.rows;
  return defaultMaxSteps(rows.length, rows[0]?.length ?? 0);
}

/** How a map spec is written in a link: `8x8`, `random:8:0.8:3` or `SFFF,FHFH,FFFH,HFFG`. */
export function mapSpecText(spec: MapSpec): string {
  switch (spec.kind) {
    case 'named':
      return spec.name;
    case 'random':
      return `random:${spec.size}:${spec.p}:${spec.seed}`;
    case 'custom':
      return spec.rows.join(',');
  }
}

/**
 * Reads a map as a link writes it. `random` alone, or with fewer parts, takes the rest from
 * `DEFAULT_RANDOM_MAP`. Returns the spec, or a sentence on why the text is not a map (for custom
 * rows, the core's `MapError` message).
 */
export function parseMapSpec(text: string): MapSpec | string {
  const trimmed = text.trim();
  if (isMapName(trimmed)) return { kind: 'named', name: trimmed };
  if (/^random(:|$)/i.test(trimmed)) {
    const [, size, p, seed, ...extra] = trimmed.split(':');
    if (extra.length > 0) return 'a random map is written random:SIZE:P:SEED.';
    const parts = [
      [RANDOM_MAP_LIMITS.size, size, DEFAULT_RANDOM_MAP.size],
      [RANDOM_MAP_LIMITS.p, p, DEFAULT_RANDOM_MAP.p],
      [RANDOM_MAP_LIMITS.seed, seed, DEFAULT_RANDOM_MAP.seed],
    ] as const;
    const values: number[] = [];
    for (const [limit, part, fallback] of parts) {
      const value = part === undefined || part === '' ? fallback : limitedNumber(limit, part);
      if (typeof value === 'string') return value;
      values.push(value);
    }
    return { kind: 'random', size: values[0]!, p: values[1]!, seed: values[2]! };
  }
  if (/^\d+x\d+$/i.test(trimmed))
    return `there is no named map ${trimmed}: use 4x4, 8x8, random:SIZE:P:SEED or rows such as SFFF,FHFH,FFFH,HFFG.`;
  try {
    return { kind: 'custom', rows: parseMap(splitMapRows(trimmed)) };
  } catch (e) {
    if (e instanceof MapError) return e.message;
    throw e;
  }
}

/** The map a link describes, if it names one validly. */
export function linkMapSpec(search: string): MapSpec | undefined {
  const text = new URLSearchParams(search).getAll('map').at(-1);
  if (text === undefined) return undefined;
  const spec = parseMapSpec(text);
  return typeof spec === 'string' ? undefined : spec;
}
