import type { IceMazeEnv } from '../../../rl/env';
import type { LabState } from '../../../store/lab-store';
import { vAt } from '../../../viz/dp-format';
import { formatSigned } from '../../../viz/format';
import { useThrottledLab } from '../../hosts/useThrottledLab';

/** The learner's V(s) = max_a Q(s, a) from the latest snapshot (null before the first). */
const learnerValues = (s: LabState) => s.snapshot?.v ?? null;

/** Props: the environment and the V_k it is compared with. */
export interface LearnerTableProps {
  env: IceMazeEnv;
  v: Float64Array;
  sweeps: number;
}

/**
 * The learner beside the model: for each non-terminal state the learner's V(s), learned from
 * samples without knowing P, the DP's V_k(s), computed from P, and V_k(s) − V(s). Numbers
 * re-render at most every `LIVE_TEXT_INTERVAL_MS` while the learner trains.
 */
export function LearnerTable({ env, v, sweeps }: LearnerTableProps) {
  const learner = useThrottledLab(learnerValues);
  // A snapshot of another map (just replaced) cannot be compared state by state.
  const same = learner !== null && learner.length === v.length ? learner : null;
  const states = Array.from({ length: env.nS }, (_, s) => s).filter((s) => !env.terminal[s]);
  return (
    // Scrolls on its own: a tab stop, so the keyboard reaches every row.
    <div
      className="dp-learner"
      role="region"
      aria-label="The learner against the model"
      tabIndex={0}
    >
      <table>
        <caption>The learner’s V(s) against {vAt(sweeps)}(s)</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Learner V(s)</th>
            <th scope="col">{vAt(sweeps)}(s)</th>
            <th scope="col">{vAt(sweeps)} − learner</th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              <td>{same ? formatSigned(same[s], 3) : '–'}</td>
              <td>{formatSigned(v[s], 3)}</td>
              <td>{same ? formatSigned(v[s]! - same[s]!, 3) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
