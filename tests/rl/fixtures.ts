/**
 * Typed loaders for the reference tables in tests/fixtures (computed by an independent
 * implementation of FrozenLake-v1; see the fixtures' README in the shared reference folder).
 */
import { readFileSync } from 'node:fs';

/** One outcome of Gymnasium's P[s][a]: [probability, next state, reward, terminated]. */
export type RefTransition = [number, number, number, boolean];

/** `transitions-{4x4,8x8}-{slippery,deterministic}.json`. */
export interface TransitionsFixture {
  map: '4x4' | '8x8';
  isSlippery: boolean;
  desc: string[];
  P: RefTransition[][][];
}

/** `optimal-{4x4,8x8}-slippery.json`: value iteration with γ 0.99. */
export interface OptimalFixture {
  map: '4x4' | '8x8';
  desc: string[];
  gamma: number;
  isSlippery: boolean;
  V: number[];
  Q: number[][];
  policy: number[];
  optimalActionSets: number[][];
  VStart: number;
  horizon: number;
  successProbability: number;
}

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

/** P of a named map, slippery or not. */
export function transitionsFixture(map: '4x4' | '8x8', isSlippery: boolean): TransitionsFixture {
  const kind = isSlippery ? 'slippery' : 'deterministic';
  return load(`transitions-${map}-${kind}.json`) as TransitionsFixture;
}

/** Optimal values of a named slippery map. */
export function optimalFixture(map: '4x4' | '8x8'): OptimalFixture {
  return load(`optimal-${map}-slippery.json`) as OptimalFixture;
}
