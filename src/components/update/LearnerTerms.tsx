import { ACTION_NAMES } from '../../rl/env';
import { formatThousands } from '../../viz/format';
import type { LearnerStepFacts, UpdateData } from '../../worker/protocol';
import { fixed3 } from './update-format';

/**
 * The step inspector in each algorithm's own terms (loaded with `UpdateNumbers`, after the first
 * draw): what stands for the future in the TD target — max_a′ Q(s′,a′), SARSA's Q(s′,a′) of the
 * drawn a′, Expected SARSA's Σ_a π(a|s′)·Q(s′,a), Double Q's Q₂(s′, argmax Q₁) — and a note with
 * what the algorithm does beyond the one TD rule (traces, planning, the return), with the step's
 * own numbers. A record without `learner` (an older worker) reads as Q-learning.
 */

/** The bootstrap as the TD target's formula writes it. */
export function BootstrapTerm({ last }: { last: UpdateData }) {
  const facts = last.learner;
  switch (facts?.algorithm ?? 'q-learning') {
    case 'sarsa':
    case 'sarsa-lambda':
      return <>Q(s′,a′)</>;
    case 'expected-sarsa':
      return (
        <>
          Σ<sub>a</sub> π(a|s′)·Q(s′,a)
        </>
      );
    case 'double-q-learning': {
      const [own, other] = facts!.table === 1 ? ['₂', '₁'] : ['₁', '₂'];
      return (
        <>
          Q{other}(s′, argmax Q{own}(s′,·))
        </>
      );
    }
    case 'monte-carlo':
      return (
        <>
          G<sub>t+1</sub>
        </>
      );
    default:
      return (
        <>
          max<sub>a′</sub> Q(s′,a′)
        </>
      );
  }
}

const action = (a: number) => ACTION_NAMES[a] ?? String(a);

/** SARSA's a′: drawn now by the behaviour policy, taken at the next step. */
function nextActionNote(facts: LearnerStepFacts, last: UpdateData): string {
  return facts.nextAction < 0
    ? 's′ ended the episode: nothing follows it, so Q(s′,a′) counts 0.'
    : `a′ = ${action(facts.nextAction)}, the action the agent takes next (drawn now by its behaviour policy): Q(s′, ${action(facts.nextAction)}) = ${fixed3(last.bootstrap)}.`;
}

/**
 * Expected SARSA's expectation written out: under ε-greedy ε′/4·Σ Q + (1 − ε′)·max Q; under
 * softmax π(·|s′) and Σ π·Q term by term; under UCB the one action its policy takes.
 */
function expectationNote(facts: LearnerStepFacts, last: UpdateData): string {
  if (last.terminated) return 's′ ended the episode: the expectation counts 0.';
  const pi = facts.nextPolicy;
  if (facts.exploration === 'softmax' && pi && facts.temperature !== undefined) {
    const terms = facts.nextValues.map((q, a) => `${fixed3(pi[a]!)} × ${fixed3(q)}`).join(' + ');
    return `Under softmax with τ = ${facts.temperature}: π(a|s′) = exp(Q(s′,a)/τ) / Σ_b exp(Q(s′,b)/τ) = (${pi.map(fixed3).join(', ')}) for (${ACTION_NAMES.join(', ')}); Σ π·Q = ${terms} = ${fixed3(last.bootstrap)}.`;
  }
  if (facts.exploration === 'ucb' && pi && facts.ucbC !== undefined) {
    const a = action(pi.indexOf(1));
    return `Under UCB with c = ${facts.ucbC} the policy at s′ is one action, ${a} (an untried action first, else the highest Q(s′,a) + c·√(ln N(s′) / N(s′,a))): the expectation is Q(s′, ${a}) = ${fixed3(last.bootstrap)}.`;
  }
  if (facts.exploration !== 'epsilon-greedy')
    return `The expectation is over the ${facts.exploration} policy at s′: ${fixed3(last.bootstrap)}.`;
  const values = facts.nextValues;
  const sum = values.reduce((a, b) => a + b, 0);
  const max = Math.max(...values);
  const e = facts.epsilonNext;
  return `Under ε-greedy with ε′ = ${fixed3(e)}: ε′/4·Σ Q(s′,·) + (1 − ε′)·max Q(s′,·) = ${fixed3(e / 4)} × ${fixed3(sum)} + ${fixed3(1 - e)} × ${fixed3(max)} = ${fixed3(last.bootstrap)}.`;
}

/** Double Q: which table moved, toward the other's value of its own greedy action. */
function doubleNote(facts: LearnerStepFacts, last: UpdateData): string {
  const [own, other] = facts.table === 1 ? ['Q₂', 'Q₁'] : ['Q₁', 'Q₂'];
  const greedy = action(facts.tableGreedy);
  return `A coin picked ${own}: updated ${own} toward ${other}(s′, argmax ${own}) — ${own} picks ${greedy} at s′, ${other} values it at ${fixed3(last.bootstrap)}. ${own}(s,a): ${fixed3(last.qBefore)} → ${fixed3(last.qAfter)}; the agent's Q is (Q₁ + Q₂)/2.`;
}

/**
 * SARSA(λ), Q(λ): the trace and the update every traced pair gets. The record's α is α·e(s, a)
 * (`traceUpdate`), so (s, a)'s own change is that α times δ.
 */
function traceNote(facts: LearnerStepFacts, last: UpdateData): string {
  const cut = facts.cut
    ? ` Watkins' cut: a′ = ${action(facts.nextAction)} was exploratory, so every trace was cut to 0 after this update.`
    : '';
  return `δ = ${fixed3(last.tdError)} and the trace e(s,a) = ${fixed3(facts.trace)}: every pair p with e(p) ≠ 0 moves by α·δ·e(p) — Q(s,a) by α·e(s,a)·δ = ${fixed3(last.alpha)} × ${fixed3(last.tdError)} = ${fixed3(last.change)}; then every trace decays by γλ = ${fixed3(last.gamma * facts.lambda)}.${cut}`;
}

/** Dyna-Q: the real update, then n planning updates from the model. */
function planningNote(facts: LearnerStepFacts): string {
  return `The real update above, then n = ${facts.planningSteps} planning updates from the model (the same rule on remembered transitions): ${formatThousands(facts.planningUpdates)} planning updates so far, counted apart from real steps.`;
}

/** Monte Carlo: nothing before the end; at the end, the return written out. */
function returnNote(facts: LearnerStepFacts, last: UpdateData): string {
  if (!last.terminated && !last.truncated)
    return 'No update until the episode ends: Monte Carlo waits for the return G.';
  const terms = facts.episodeRewards.map((r, k) =>
    k === 0 ? `${r}` : `${last.gamma}${k > 1 ? `^${k}` : ''}·${r}`,
  );
  const shown = terms.length > 6 ? [...terms.slice(0, 3), '…', ...terms.slice(-2)] : terms;
  return `Episode over: G = r₁ + γ·r₂ + … = ${shown.join(' + ')} = ${fixed3(facts.episodeReturn)}; ${facts.returnUpdates} pairs moved toward their own return G_t.`;
}

/** The note for the step's algorithm, or null for Q-learning (the TD rule says it all). */
export function learnerNote(last: UpdateData): string | null {
  const facts = last.learner;
  if (!facts) return null;
  switch (facts.algorithm) {
    case 'sarsa':
      return nextActionNote(facts, last);
    case 'expected-sarsa':
      return expectationNote(facts, last);
    case 'double-q-learning':
      return doubleNote(facts, last);
    case 'sarsa-lambda':
    case 'q-lambda':
      return traceNote(facts, last);
    case 'dyna-q':
      return planningNote(facts);
    case 'monte-carlo':
      return returnNote(facts, last);
    case 'q-learning':
      return null;
  }
}

/** The algorithm's note under the worked numbers, named for assistive technology. */
export function LearnerNote({ last }: { last: UpdateData }) {
  const note = learnerNote(last);
  return note === null ? null : (
    <p className="update-learner" aria-label="In this algorithm's terms" data-fact="learner-note">
      {note}
    </p>
  );
}
