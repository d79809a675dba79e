import { ACTION_NAMES, tileAt, type IceMazeEnv } from '../../../rl/env';
import { backupTerms } from '../../../rl/dp/backup';
import type { DpRun } from '../../../rl/dp/dp-run';
import { formatSigned } from '../../../viz/format';
import { TILE_NAMES } from '../../../viz/describe';

/** Props: the run, its environment and the selected state. */
export interface BackupTableProps {
  env: IceMazeEnv;
  run: DpRun;
  state: number;
}

/** A probability or a value in the backup's numbers: 4 decimals, a true minus sign. */
const num = (x: number) => formatSigned(x, 4);

/**
 * The backup that gave V_k(s), in numbers: for each action Σ_s′ p·(r + γ·V_{k−1}(s′)) term by
 * term, its sum Q_k(s, a), and which row V_k(s) took (the max for value iteration, π(s) for a
 * policy's evaluation).
 */
export function BackupTable({ env, run, state }: BackupTableProps) {
  const k = run.sweeps;
  const tile = tileAt(env, state);
  if (env.terminal[state])
    return (
      <p className="dp-backup-note">
        State {state} is {tile === 'G' ? 'the goal' : 'a hole'}: the episode ends there, so V(
        {state}) stays 0 and nothing is backed up.
      </p>
    );
  if (k === 0)
    return (
      <p className="dp-backup-note">
        V_0 = 0 everywhere. Take a sweep to see how V_1({state}) is backed up from it.
      </p>
    );
  const rows = ACTION_NAMES.map((name, a) => {
    const terms = backupTerms(env, state, a, run.previous, run.gamma);
    return { a, name, terms, q: terms.reduce((x, t) => x + t.value, 0) };
  });
  const used = run.swept[state]!;
  const best = rows.reduce((b, r) => (r.q > b.q ? r : b), rows[0]!);
  const isValue = run.method === 'value';
  return (
    <div className="dp-backup">
      <table>
        <caption>
          Backup of state {state}
          {tile === 'S' ? ` (${TILE_NAMES.S})` : ''} from V_{k - 1}, γ {run.gamma}
        </caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">s′</th>
            <th scope="col">Σ p · (r + γ · V_{k - 1}(s′))</th>
            <th scope="col">Q_{k}(s, a)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.a} className={row.a === used ? 'dp-backup-used' : undefined}>
              <th scope="row">
                {row.name}
                {row.a === used ? (isValue ? ' (max)' : ' (π)') : ''}
              </th>
              <td>{row.terms.map((t) => t.next).join(', ')}</td>
              <td className="dp-backup-terms">
                {row.terms
                  .map((t) =>
                    t.terminated
                      ? `${num(t.probability)} × (${num(t.reward)} + 0)`
                      : `${num(t.probability)} × (${num(t.reward)} + ${run.gamma} × ${num(run.previous[t.next]!)})`,
                  )
                  .join(' + ')}
              </td>
              <td>{num(row.q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dp-backup-result">
        {isValue
          ? `V_${k}(${state}) = max over actions = ${num(rows[used]!.q)} (${ACTION_NAMES[used]})`
          : `V_${k}(${state}) = Q_${k}(${state}, π = ${ACTION_NAMES[used]}) = ${num(rows[used]!.q)}; the best action from V_${k - 1} is ${best.name} (${num(best.q)})`}
      </p>
    </div>
  );
}
