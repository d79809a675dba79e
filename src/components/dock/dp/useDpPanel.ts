import { useEffect, useMemo, useReducer } from 'react';
import { createEnv } from '../../../rl/env';
import { useLab } from '../../shell/lab-context';
import {
  dpReducer,
  initialDpState,
  PLAY_SWEEP_INTERVAL_MS,
  type DpAction,
  type DpPanelState,
} from './dp-state';

/**
 * The panel's state on the lab's current map, ice and γ (a new map, ice or γ starts the run
 * over), and the timer of Play sweeps: one step every `PLAY_SWEEP_INTERVAL_MS` while playing,
 * cleared on stop and unmount.
 */
export function useDpPanel(): [DpPanelState, (action: DpAction) => void] {
  const settings = useLab((s) => s.settings);
  const gamma = useLab((s) => s.params.gamma);
  const env = useMemo(
    () =>
      createEnv({
        map: settings.map,
        isSlippery: settings.isSlippery,
        successRate: settings.successRate,
        maxSteps: settings.maxSteps,
      }),
    [settings.map, settings.isSlippery, settings.successRate, settings.maxSteps],
  );
  const [state, dispatch] = useReducer(dpReducer, null, () => initialDpState(env, gamma, 'value'));
  // Another map or γ: start over on it (a state update during render, as React documents).
  if (state.env !== env || state.gamma !== gamma) dispatch({ type: 'setup', env, gamma });

  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(() => dispatch({ type: 'step' }), PLAY_SWEEP_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [state.playing]);

  return [state, dispatch];
}
