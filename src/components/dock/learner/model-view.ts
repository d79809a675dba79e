/**
 * What the model panel reads from the store, as plain numbers: the picked pair's model against
 * the environment, and the run's real steps and planning updates. Pure functions of the state.
 */
import type { IceMazeEnv } from '../../../rl/env';
import { modelVisits, pairModel, type PairModel } from '../../../rl/model-summary';
import { envOfInfo } from '../../../store/lab/live-env';
import type { LabState } from '../../../store/lab-store';
import type { EnvInfo } from '../../../worker/protocol';

/** The environment each reported `EnvInfo` compiles to, built once per report. */
const compiled = new WeakMap<EnvInfo, IceMazeEnv>();

/** The compiled environment of `info` (its outcome arrays are what the model is set against). */
export function compiledEnv(info: EnvInfo): IceMazeEnv {
  let env = compiled.get(info);
  if (!env) {
    env = envOfInfo(info);
    compiled.set(info, env);
  }
  return env;
}

/** The model panel's numbers. */
export interface ModelReadout {
  /** The picked pair's model, null before the first snapshot with a model. */
  pair: PairModel | null;
  /** Real environment steps so far. */
  realSteps: number;
  /** Planning updates so far, counted apart. */
  planningUpdates: number;
  /** Pairs the model knows (taken at least once). */
  knownPairs: number;
  /** Pairs of non-terminal states, all the model could know. */
  allPairs: number;
}

/** The readout for the pair (s, a) from the store's latest snapshot. */
export function modelReadout(state: LabState, s: number, a: number): ModelReadout {
  const { snapshot, env } = state;
  const model = snapshot?.memory?.model;
  if (!snapshot || !env || !model || model.counts.length !== env.nS * 12)
    return { pair: null, realSteps: 0, planningUpdates: 0, knownPairs: 0, allPairs: 0 };
  const compiledInfo = compiledEnv(env);
  const visits = modelVisits(model.counts);
  let knownPairs = 0;
  let allPairs = 0;
  for (let p = 0; p < visits.length; p++) {
    if (compiledInfo.terminal[p >> 2]) continue;
    allPairs++;
    if (visits[p]! > 0) knownPairs++;
  }
  return {
    pair: pairModel(model, compiledInfo, s, a),
    realSteps: snapshot.totalSteps,
    planningUpdates: model.planningUpdates,
    knownPairs,
    allPairs,
  };
}

/** Same numbers on screen: the counts, and the picked pair's outcomes on both sides. */
export function sameReadout(x: ModelReadout, y: ModelReadout): boolean {
  return (
    x.realSteps === y.realSteps &&
    x.planningUpdates === y.planningUpdates &&
    x.knownPairs === y.knownPairs &&
    x.pair?.state === y.pair?.state &&
    x.pair?.action === y.pair?.action &&
    x.pair?.visits === y.pair?.visits &&
    // The environment's side changes with the ice's success rate, the model's does not.
    JSON.stringify(x.pair?.outcomes) === JSON.stringify(y.pair?.outcomes)
  );
}
