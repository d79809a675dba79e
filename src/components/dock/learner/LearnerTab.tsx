import './learner.css';
import { useShallow } from 'zustand/react/shallow';
import { ALGORITHM_LABELS, type Algorithm } from '../../../rl/algorithms/registry';
import { learnerOptions, type LearnerOptions } from '../../../rl/learner-options';
import type { LabState } from '../../../store/lab-store';
import { useLab } from '../../shell/lab-context';
import { DoubleQPanel } from './DoubleQPanel';
import { ModelPanel } from './ModelPanel';
import { MonteCarloPanel } from './MonteCarloPanel';
import { TracesPanel } from './TracesPanel';

/** The algorithm the run's worker trains (its snapshots say; absent: Q-learning, the lesson's). */
export function runAlgorithm(state: LabState): Algorithm {
  return state.snapshot?.algorithm ?? 'q-learning';
}

/** The run's λ, trace kind and Monte Carlo's visit rule (the settings', defaults where absent). */
function runMemoryOptions(
  state: LabState,
): Pick<LearnerOptions, 'lambda' | 'traces' | 'firstVisit'> {
  const { lambda, traces, firstVisit } = learnerOptions(
    (state.settings as { learner?: Partial<LearnerOptions> }).learner,
  );
  return { lambda, traces, firstVisit };
}

/** What a one-step TD algorithm keeps: Q alone, and SARSA the a′ it has already chosen. */
const ONE_STEP_NOTES: Partial<Record<Algorithm, string>> = {
  'q-learning':
    'Q-learning keeps only Q: each step moves Q(s, a) toward r + γ·max Q(s′, ·), and nothing else carries over from one step to the next.',
  'expected-sarsa':
    'Expected SARSA keeps only Q: each step moves Q(s, a) toward r + γ·Σ π(a′ | s′)·Q(s′, a′), the expectation over the behaviour policy, and nothing else carries over.',
  sarsa:
    'SARSA keeps Q and one more thing between steps: the action a′ it already chose in s′, whose Q(s′, a′) its target used. The next step takes that a′, so what it learns is the value of the policy it follows, exploration included.',
};

/**
 * The dock's "What the learner keeps" tab: for the run's algorithm, what it remembers besides Q —
 * Double Q's two tables and their bias, the eligibility traces, Dyna-Q's model, Monte Carlo's
 * return — or a sentence saying that a one-step algorithm keeps only Q.
 */
export function LearnerTab() {
  const algorithm = useLab(runAlgorithm);
  return (
    <section className="panel learner-panel" aria-labelledby="learner-heading">
      <h2 id="learner-heading">What the learner keeps</h2>
      <p className="learner-algorithm">
        The run learns with <strong>{ALGORITHM_LABELS[algorithm]}</strong>.
      </p>
      <LearnerMemory algorithm={algorithm} />
    </section>
  );
}

/** The view of one algorithm's memory. */
function LearnerMemory({ algorithm }: { algorithm: Algorithm }) {
  const options = useLab(useShallow(runMemoryOptions));
  switch (algorithm) {
    case 'double-q-learning':
      return <DoubleQPanel />;
    case 'sarsa-lambda':
    case 'q-lambda':
      return <TracesPanel algorithm={algorithm} options={options} />;
    case 'dyna-q':
      return <ModelPanel />;
    case 'monte-carlo':
      return <MonteCarloPanel firstVisit={options.firstVisit} />;
    default:
      return <p className="learner-explainer">{ONE_STEP_NOTES[algorithm]}</p>;
  }
}
