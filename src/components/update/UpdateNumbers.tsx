import { ACTION_NAMES } from '../../rl/env-basics';
import { formatThousands } from '../../viz/format';
import type { UpdateData } from '../../worker/protocol';
import { Term } from '../dock/glossary/Term';
import { BootstrapTerm, LearnerNote } from './LearnerTerms';
import { fixed3, signedTerm } from './update-format';

/**
 * How the episode ended at this step, in words (empty while it goes on). An episode ends on a goal
 * or a hole; which one is the entered tile's letter in the map (`desc`), not the reward's sign: a
 * reward schedule may pay 0 or less for the goal, or more than 0 for a hole. Without the map, the
 * default rewards tell them apart (1 for the goal, 0 for a hole).
 */
function ending(last: UpdateData, desc?: readonly string[]): string {
  if (last.terminated) {
    const tile = desc?.join('')[last.nextState];
    const goal = tile !== undefined ? tile === 'G' : last.reward > 0;
    return goal ? ' (reached the goal)' : ' (fell in a hole)';
  }
  return last.truncated ? ' (time limit)' : '';
}

/**
 * How the step's action was chosen: under ε-greedy at random or greedily, with ε; under softmax
 * or UCB by that rule, with τ or c, and whether the action was a greedy one (a choice that is not
 * greedy is what the inspector counts as exploring).
 */
function choiceWords(last: UpdateData): string {
  const facts = last.learner;
  const greedy = last.explored ? 'not a greedy action (exploring)' : 'a greedy action (exploiting)';
  if (facts?.exploration === 'softmax')
    return `by softmax${facts.temperature === undefined ? '' : ` (τ = ${facts.temperature})`}: ${greedy}`;
  if (facts?.exploration === 'ucb')
    return `by UCB${facts.ucbC === undefined ? '' : ` (c = ${facts.ucbC})`}: ${greedy}`;
  return last.explored
    ? `at random (exploring, ε = ${fixed3(last.epsilon)})`
    : `greedily (exploiting, ε = ${fixed3(last.epsilon)})`;
}

/**
 * One update written out in the lesson's terms: the transition (s, a, r, s′), whether the
 * choice explored or exploited and whether the ice slipped, then
 *
 *   TD target = r + γ·max_a′ Q(s′,a′),   TD error δ = TD target − Q(s,a),   Q(s,a) ← Q(s,a) + α·δ
 *
 * each with the worker's own numbers (`data-fact` marks the results for tests and the lesson).
 */
export function UpdateNumbers({ last, desc }: { last: UpdateData; desc?: readonly string[] }) {
  const action = ACTION_NAMES[last.action]!;
  const moved = ACTION_NAMES[last.actual]!;
  return (
    <div className="update-numbers" data-last-alpha={last.alpha} data-last-gamma={last.gamma}>
      {/* A named group: a <dl> given a role of its own would orphan its dt and dd (axe dlitem). */}
      <div role="group" aria-label="Transition">
        <dl className="update-transition">
          <div>
            <dt>s</dt>
            <dd data-fact="state">{last.state}</dd>
          </div>
          <div>
            <dt>a</dt>
            <dd data-fact="action">{action}</dd>
          </div>
          <div>
            <dt>r</dt>
            <dd data-fact="reward">{last.reward}</dd>
          </div>
          <div>
            <dt>s′</dt>
            <dd data-fact="next-state">{last.nextState}</dd>
          </div>
        </dl>
      </div>
      <p className="update-story">
        Episode {formatThousands(last.episode)}, step {last.t}: in state {last.state} the agent
        chose <strong>{action}</strong>{' '}
        <span className={last.explored ? 'update-tag explored' : 'update-tag exploited'}>
          {choiceWords(last)}
        </span>{' '}
        {last.slipped ? (
          <>
            and <span className="update-tag slipped">slipped</span>: it moved {moved}
          </>
        ) : (
          <>and did not slip: it moved {moved}</>
        )}{' '}
        to state {last.nextState}, reward {last.reward}
        {ending(last, desc)}.
      </p>
      <dl className="update">
        <dt>
          TD target <Term id="td-target">?</Term>
        </dt>
        <dd>
          r + γ·
          <BootstrapTerm last={last} /> = {last.reward} + {last.gamma}·{fixed3(last.bootstrap)} ={' '}
          <strong data-fact="td-target">{fixed3(last.tdTarget)}</strong>
        </dd>
        <dt>
          TD error <Term id="td-error">?</Term>
        </dt>
        <dd>
          td_target − Q(s,a) = {fixed3(last.tdTarget)} − {fixed3(last.qBefore)} ={' '}
          <strong data-fact="td-error">{fixed3(last.tdError)}</strong>
        </dd>
        <dt>New Q(s,a)</dt>
        <dd>
          Q(s,a) + α·td_error = {fixed3(last.qBefore)} {signedTerm(last.change)} (α = {last.alpha})
          = <strong data-fact="new-q">{fixed3(last.qAfter)}</strong>
        </dd>
      </dl>
      <LearnerNote last={last} />
    </div>
  );
}
