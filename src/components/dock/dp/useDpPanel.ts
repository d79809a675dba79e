import { useEffect, useMemo, useReducer } from 'react';
import { envOfInfo } from '../../../store/lab/live-env';
import type { EnvInfo } from '../../../worker/protocol';
import { useLab } from '../../shell/lab-context';
import {
  dpReducer,
  initialDpState,
  PLAY_SWEEP_INTERVAL_MS,
  type DpAction,
  type DpPanelState,
} from './dp-state';

/**
 * The panel's state on the run's environment as the worker built it (`info`: map, ice, success
 * rate, rewards, time limit) and the lab's γ (a new environment or γ starts the run over), and
 * the timer of Play sweeps: one step every `PLAY_SWEEP_INTERVAL_MS` while playing, cleared on
 * stop and unmount.
 */
export function useDpPanel(info: EnvInfo): [DpPanelState, (action: DpAction) => void] {
  const gamma = useLab((s) => s.params.gamma);
  const env = useMemo(() => envOfInfo(info), [info]);
  const [state, dispatch] = useReducer(dpReducer, null, () => initialDpState(env, gamma, 'value'));
  // Another environment or γ: start over on it (a state update during render, as React documents).
  if (state.env !== env || state.gamma !== gamma) dispatch({ type: 'setup', env, gamma });

  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(() => dispatch({ type: 'step' }), PLAY_SWEEP_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [state.playing]);

  return [state, dispatch];
}
