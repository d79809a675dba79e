import { ACTION_NAMES } from '../rl/env';
import type { UpdateData } from '../worker/protocol';
import { useLab } from './lab-context';

const fmt = (x: number) => (Object.is(x, -0) ? 0 : x).toFixed(3);
const signed = (x: number) => (x < 0 ? `− ${fmt(-x)}` : `+ ${fmt(x)}`);

/** The last Q-learning update in the lesson's terms, with the worker's own numbers. */
export function LastUpdate() {
  const last = useLab((s) => s.snapshot?.last ?? null);
  return (
    <section className="panel last-update" aria-label="Last update">
      <h2>Last update</h2>
      {last ? (
        <UpdateNumbers last={last} />
      ) : (
        <p className="hint">Press Step to make the first update.</p>
      )}
    </section>
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
      <dt>TD target</dt>
      <dd>
        r + γ·max<sub>a′</sub> Q(s′,a′) = {last.reward} + {last.gamma}·{fmt(last.nextMax)} ={' '}
        <strong>{fmt(last.tdTarget)}</strong>
      </dd>
      <dt>TD error</dt>
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
