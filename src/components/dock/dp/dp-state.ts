/**
 * The panel's state as a reducer: the environment and γ it solves, the method, the run
 * (`rl/dp/dp-run`) and whether Play sweeps is on. Pure, so the panel's timer and buttons only
 * dispatch; a tick that reaches the end of the run also stops playing.
 */
import type { IceMazeEnv } from '../../../rl/env';
import { createDpRun, stepDp, type DpMethod, type DpRun } from '../../../rl/dp/dp-run';

/** The panel's first tolerance: a few hundred sweeps at γ 0.99 (the Tolerance field changes it). */
export const DP_PANEL_TOLERANCE = 1e-6;

/**
 * Most sweeps of the full run the panel measures the tolerance by, on the page's thread: 10,000
 * sweeps of a 12x12 map take a few tens of ms; a run that needs more (γ near 1) is reported as
 * not reaching the tolerance within them.
 */
export const DP_PANEL_MAX_SWEEPS = 10_000;

/** Time between two sweeps while Play sweeps is on: slow enough to watch the numbers change. */
export const PLAY_SWEEP_INTERVAL_MS = 150;

/** The panel's state. */
export interface DpPanelState {
  env: IceMazeEnv;
  gamma: number;
  method: DpMethod;
  /** A sweep changing V by less than this ends value iteration and a policy's evaluation. */
  tolerance: number;
  run: DpRun;
  playing: boolean;
}

/** What the panel can do. */
export type DpAction =
  | { type: 'step' }
  | { type: 'play' }
  | { type: 'stop' }
  | { type: 'reset' }
  | { type: 'method'; method: DpMethod }
  | { type: 'tolerance'; tolerance: number }
  | { type: 'setup'; env: IceMazeEnv; gamma: number };

/** A fresh panel state on `env` with γ. */
export function initialDpState(
  env: IceMazeEnv,
  gamma: number,
  method: DpMethod,
  tolerance: number = DP_PANEL_TOLERANCE,
): DpPanelState {
  return {
    env,
    gamma,
    method,
    tolerance,
    run: createDpRun(env, method, gamma, tolerance),
    playing: false,
  };
}

/** The next state. */
export function dpReducer(state: DpPanelState, action: DpAction): DpPanelState {
  switch (action.type) {
    case 'step': {
      const run = stepDp(state.env, state.run);
      return { ...state, run, playing: state.playing && run.phase !== 'done' };
    }
    case 'play':
      return { ...state, playing: state.run.phase !== 'done' };
    case 'stop':
      return { ...state, playing: false };
    case 'reset':
      return initialDpState(state.env, state.gamma, state.method, state.tolerance);
    case 'method':
      return initialDpState(state.env, state.gamma, action.method, state.tolerance);
    case 'tolerance':
      return initialDpState(state.env, state.gamma, state.method, action.tolerance);
    case 'setup':
      return initialDpState(action.env, action.gamma, state.method, state.tolerance);
  }
}
