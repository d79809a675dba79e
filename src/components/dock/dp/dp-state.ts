/**
 * The panel's state as a reducer: the environment and γ it solves, the method, the run
 * (`rl/dp/dp-run`) and whether Play sweeps is on. Pure, so the panel's timer and buttons only
 * dispatch; a tick that reaches the end of the run also stops playing.
 */
import type { IceMazeEnv } from '../../../rl/env';
import { createDpRun, stepDp, type DpMethod, type DpRun } from '../../../rl/dp/dp-run';

/** A sweep changing V by less than this ends the panel's runs: a few hundred sweeps at γ 0.99. */
export const DP_PANEL_TOLERANCE = 1e-6;

/** Time between two sweeps while Play sweeps is on: slow enough to watch the numbers change. */
export const PLAY_SWEEP_INTERVAL_MS = 150;

/** The panel's state. */
export interface DpPanelState {
  env: IceMazeEnv;
  gamma: number;
  method: DpMethod;
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
  | { type: 'setup'; env: IceMazeEnv; gamma: number };

/** A fresh panel state on `env` with γ. */
export function initialDpState(env: IceMazeEnv, gamma: number, method: DpMethod): DpPanelState {
  return {
    env,
    gamma,
    method,
    run: createDpRun(env, method, gamma, DP_PANEL_TOLERANCE),
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
      return initialDpState(state.env, state.gamma, state.method);
    case 'method':
      return initialDpState(state.env, state.gamma, action.method);
    case 'setup':
      return initialDpState(action.env, action.gamma, state.method);
  }
}
