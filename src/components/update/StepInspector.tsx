import { ACTION_NAMES } from '../../rl/env';
import type { Snapshot, UpdateData } from '../../worker/protocol';
import type { LabState } from '../../store/lab-store';
import { PANEL_INTERVAL_MS } from '../hosts/frame-throttle';
import { Term } from '../dock/glossary/Glossary';
import { useThrottledLab } from '../hosts/useThrottledLab';
import { useLab } from '../shell/lab-context';
import { lessonTarget } from '../lesson/targets';

const fmt = (x: number) => (Object.is(x, -0) ? 0 : x).toFixed(3);
const signed = (x: number) => (x < 0 ? `− ${fmt(-x)}` : `+ ${fmt(x)}`);

/**
 * The step inspector: the last update in the lesson's own terms, with the worker's own numbers.
 * It follows the agent, or shows a chosen cell (click it on the grid or pick it here): the latest
 * update the page saw there, and that state's row of Q, A, N(s,a) and latest TD errors.
 */
export function StepInspector() {
  const inspected = useLab((s) => s.inspectedState);
  const env = useLab((s) => s.env);
  const inspect = useLab((s) => s.inspect);
  // Read a few times a second at most: at full speed every frame would be flicker.
  const snapshot = useThrottledLab(selectSnapshot, Object.is, PANEL_INTERVAL_MS);
  const updateAt = useLab((s) => s.updateAt);
  const last = inspected === null ? (snapshot?.last ?? null) : updateAt(inspected);
  const state = inspected ?? snapshot?.last?.state ?? null;
  return (
    <section className="panel inspector" aria-label="Step inspector" {...lessonTarget('inspector')}>
      <div className="panel-head">
        <h2>Step inspector</h2>
        <label className="inline-field">
          Cell
          <select
            value={inspected === null ? 'follow' : String(inspected)}
            onChange={(e) => inspect(e.target.value === 'follow' ? null : Number(e.target.value))}
          >
            <option value="follow">Follow the agent</option>
            {env &&
              env.desc
                .join('')
                .split('')
                .map((tile, s) => (
                  <option key={s} value={s}>
                    State {s} ({TILE_WORDS[tile] ?? tile})
                  </option>
                ))}
          </select>
        </label>
      </div>
      {last ? (
        <>
          {inspected !== null && (
            <p className="hint">
              The latest update at state {inspected} the page has seen: step{' '}
              {last.totalSteps.toLocaleString('en-US')} of the run.
            </p>
          )}
          <UpdateNumbers last={last} />
        </>
      ) : (
        <p className="hint">
          {inspected === null
            ? 'Press Step to make the first update and read it here.'
            : `No update at state ${inspected} seen yet: step or play slowly to watch one.`}
        </p>
      )}
      {snapshot && state !== null && <StateRow snapshot={snapshot} state={state} />}
    </section>
  );
}

const selectSnapshot = (s: LabState) => s.snapshot;

const TILE_WORDS: Record<string, string> = { S: 'start', F: 'frozen', H: 'hole', G: 'goal' };

/** Q, A, visits and the latest TD error of each action at one state, from the snapshot. */
function StateRow({ snapshot, state }: { snapshot: Snapshot; state: number }) {
  const rows = [
    { name: 'Q(s,a)', values: snapshot.q },
    { name: 'A(s,a)', values: snapshot.advantage },
    { name: 'N(s,a)', values: snapshot.visits, whole: true },
    { name: 'Latest TD error', values: snapshot.tdErrors },
  ];
  const mask = snapshot.greedyMask[state] ?? 0;
  return (
    <table className="state-row">
      <caption>
        State {state}: V(s) = {fmt(snapshot.v[state] ?? 0)}
      </caption>
      <thead>
        <tr>
          <th scope="col"></th>
          {ACTION_NAMES.map((a, i) => (
            <th scope="col" key={a} className={mask & (1 << i) ? 'greedy' : undefined}>
              {a}
              {mask & (1 << i) ? ' (greedy)' : ''}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            {[0, 1, 2, 3].map((a) => {
              const x = r.values[state * 4 + a] ?? 0;
              return <td key={a}>{r.whole ? x.toLocaleString('en-US') : fmt(x)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One update written out: the choice, the move, the TD target, the TD error and the new Q. */
export function UpdateNumbers({ last }: { last: UpdateData }) {
  const action = ACTION_NAMES[last.action]!;
  const moved = ACTION_NAMES[last.actual]!;
  return (
    <dl className="update" data-last-alpha={last.alpha} data-last-gamma={last.gamma}>
      <dt>Step</dt>
      <dd>
        episode {last.episode.toLocaleString('en-US')}, step {last.t}: in state {last.state} the
        agent chose <strong>{action}</strong>{' '}
        {last.explored
          ? `at random (exploring, ε = ${last.epsilon.toFixed(3)})`
          : `greedily (exploiting, ε = ${last.epsilon.toFixed(3)})`}
        {last.slipped ? (
          <>
            {' '}
            and <strong>slipped</strong>: it moved {moved}
          </>
        ) : (
          <> and moved {moved}</>
        )}{' '}
        to state {last.nextState}, reward {last.reward}
        {last.terminated ? (last.reward > 0 ? ' (reached the goal)' : ' (fell in a hole)') : ''}
        {last.truncated ? ' (time limit)' : ''}.
      </dd>
      <dt>
        TD target <Term id="td-target">?</Term>
      </dt>
      <dd>
        r + γ·max<sub>a′</sub> Q(s′,a′) = {last.reward} + {last.gamma}·{fmt(last.bootstrap)} ={' '}
        <strong>{fmt(last.tdTarget)}</strong>
      </dd>
      <dt>
        TD error <Term id="td-error">?</Term>
      </dt>
      <dd>
        td_target − Q(s,a) = {fmt(last.tdTarget)} − {fmt(last.qBefore)} ={' '}
        <strong>{fmt(last.tdError)}</strong>
      </dd>
      <dt>New Q(s,a)</dt>
      <dd>
        Q(s,a) + α·td_error = {fmt(last.qBefore)} {signed(last.change)} (α = {last.alpha}) ={' '}
        <strong>{fmt(last.qAfter)}</strong>
      </dd>
    </dl>
  );
}
