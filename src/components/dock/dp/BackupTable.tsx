import { ACTION_NAMES, tileAt, type IceMazeEnv } from '../../../rl/env';
import { backupTerms } from '../../../rl/dp/backup';
import type { DpRun } from '../../../rl/dp/dp-run';
import { formatSigned } from '../../../viz/format';
import { TILE_NAMES } from '../../../viz/describe';
import { subscript, vAt } from '../../../viz/dp-format';

/** Props: the run, its environment and the selected state. */
export interface BackupTableProps {
  env: IceMazeEnv;
  run: DpRun;
  state: number;
}

/** A value in the backup's numbers: 4 decimals (as the grid's cell names), a true minus sign. */
const num = (x: number) => formatSigned(x, 4);

/** A reward as the schedule gives it, up to 4 decimals without trailing zeros: 1, 0, −0.01. */
const shortNumber = (x: number) => formatSigned(x, 4).replace(/\.?0+$/, '');

/**
 * The backup that gave V_k(s), in numbers: for each action Σ_s′ p·(r + γ·V_{k−1}(s′)) term by
 * term (s′ first; an outcome that ends the episode bootstraps nothing), its sum Q_k(s, a), and
 * which row V_k(s) took (the max for value iteration, π(s) for a
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
        V₀ = 0 everywhere. Take a sweep to see how V₁({state}) is backed up from it.
      </p>
    );
  const rows = ACTION_NAMES.map((name, a) => {
    const terms = backupTerms(env, state, a, run.previous, run.gamma);
    return { a, name, terms, q: terms.reduce((x, t) => x + t.value, 0) };
  });
  const used = run.swept[state]!;
  const best = rows.reduce((b, r) => (r.q > b.q ? r : b), rows[0]!);
  const isValue = run.method === 'value';
  const [now, before] = [vAt(k), vAt(k - 1)];
  return (
    <div className="dp-backup">
      <table>
        <caption>
          Backup of state {state}
          {tile === 'S' ? ` (${TILE_NAMES.S})` : ''} from {before}, γ {run.gamma}
        </caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">s′: p × (r + γ × {before}(s′))</th>
            <th scope="col">Q{subscript(k)}(s, a)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.a} className={row.a === used ? 'dp-backup-used' : undefined}>
              <th scope="row">
                {row.name}
                {row.a === used ? (isValue ? ' (max)' : ' (π)') : ''}
              </th>
              <td className="dp-backup-terms">
                {row.terms.map((t, j) => (
                  <span key={j}>
                    {j > 0 ? '+ ' : ''}
                    {t.next}: {formatSigned(t.probability, 3)} × ({shortNumber(t.reward)}
                    {t.terminated
                      ? ' + 0, ends'
                      : ` + ${run.gamma} × ${num(run.previous[t.next]!)}`}
                    )
                  </span>
                ))}
              </td>
              <td>{num(row.q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dp-backup-result">
        {isValue
          ? `${now}(${state}) = max over actions = ${num(rows[used]!.q)} (${ACTION_NAMES[used]})`
          : `${now}(${state}) = Q${subscript(k)}(${state}, π = ${ACTION_NAMES[used]}) = ${num(rows[used]!.q)}; the best action from ${before} is ${best.name} (${num(best.q)})`}
      </p>
    </div>
  );
}
