import { ACTION_NAMES } from '../../rl/env-basics';
import type { Snapshot } from '../../worker/protocol';
import { fixed3 } from './update-format';

/**
 * One state's row of the tables, from the snapshot: Q(s,a) and A(s,a) = Q(s,a) − V(s) for the
 * four actions, with V(s) = max_a Q(s,a) in the caption and the greedy actions (all of them
 * when they tie) marked in the header.
 */
export function StateRow({ snapshot, state }: { snapshot: Snapshot; state: number }) {
  const rows = [
    { name: 'Q(s,a)', values: snapshot.q },
    { name: 'A(s,a)', values: snapshot.advantage },
  ];
  const mask = snapshot.greedyMask[state] ?? 0;
  return (
    <table className="state-row">
      <caption>
        State {state}: V(s) = {fixed3(snapshot.v[state] ?? 0)}
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Row</span>
          </th>
          {ACTION_NAMES.map((a, i) => {
            const greedy = (mask & (1 << i)) !== 0;
            return (
              <th scope="col" key={a} className={greedy ? 'greedy' : undefined}>
                {a}
                {greedy && <span className="visually-hidden"> (greedy)</span>}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            {ACTION_NAMES.map((a, i) => (
              <td key={a}>{fixed3(r.values[state * ACTION_NAMES.length + i] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
