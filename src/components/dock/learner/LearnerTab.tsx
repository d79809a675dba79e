import './learner.css';
import { useShallow } from 'zustand/react/shallow';
import { ALGORITHM_LABELS, type Algorithm } from '../../../rl/algorithms/registry';
import { ACTION_NAMES } from '../../../rl/env-basics';
import { learnerOptions, type LearnerOptions } from '../../../rl/learner-options';
import { snapshotAlgorithm } from '../../../store/lab/learner-actions';
import type { LabState } from '../../../store/lab-store';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { useLab } from '../../shell/lab-context';
import { DoubleQPanel } from './DoubleQPanel';
import { ModelPanel } from './ModelPanel';
import { MonteCarloPanel } from './MonteCarloPanel';
import { TracesPanel } from './TracesPanel';

/** The algorithm the run's worker trains, as its snapshots say (absent: the lesson's Q-learning). */
const trainedAlgorithm = (state: LabState): Algorithm => snapshotAlgorithm(state.snapshot);

/**
 * The run's λ, trace kind and Monte Carlo's visit rule: the settings' (which follow the worker's
 * `params-applied`, so a live change of λ shows), the defaults where absent.
 */
function runMemoryOptions(
  state: LabState,
): Pick<LearnerOptions, 'lambda' | 'traces' | 'firstVisit'> {
  const { lambda, traces, firstVisit } = learnerOptions(state.settings.learner);
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

/** SARSA's pending a′ and the s′ it was chosen in, from the last update (−1: none pending). */
function pendingAction(state: LabState): { action: number; state: number } {
  const last = state.snapshot?.last;
  return { action: last?.learner?.nextAction ?? -1, state: last?.nextState ?? -1 };
}

/** Same pending a′ and s′. */
const samePending = (a: ReturnType<typeof pendingAction>, b: ReturnType<typeof pendingAction>) =>
  a.action === b.action && a.state === b.state;

/** The a′ SARSA holds now, the one the next step takes. */
function PendingAction() {
  const pending = useThrottledLab(pendingAction, samePending);
  return (
    <p className="learner-readout">
      {pending.action < 0
        ? 'No a′ is pending: no step yet, or the last one ended its episode.'
        : `Pending now: a′ = ${ACTION_NAMES[pending.action]}, chosen in s′ = state ${pending.state}; the next step takes it.`}
    </p>
  );
}

/**
 * The dock's "What the learner keeps" tab: for the run's algorithm, what it remembers besides Q —
 * Double Q's two tables and their bias, the eligibility traces, Dyna-Q's model, Monte Carlo's
 * return — or a sentence saying that a one-step algorithm keeps only Q.
 */
export function LearnerTab() {
  const algorithm = useLab(trainedAlgorithm);
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
    case 'sarsa':
      return (
        <>
          <p className="learner-explainer">{ONE_STEP_NOTES.sarsa}</p>
          <PendingAction />
        </>
      );
    default:
      return <p className="learner-explainer">{ONE_STEP_NOTES[algorithm]}</p>;
  }
}
