/**
 * What an algorithm is, as data: a name, a label, whether it learns about the policy it follows,
 * what it keeps between steps besides Q, and its bootstrap — the value that stands for the future
 * after s′ in the one TD rule (`td-rule.ts`), td_target = r + γ·bootstrap.
 *
 * An algorithm that updates more than the step's own pair (traces, a model's planning updates,
 * Double Q's two tables, Monte Carlo's returns at the episode's end) also gives `learn`, which
 * replaces the default one-pair update; what it keeps lives in `agent.memory` (`learner-memory.ts`).
 *
 * To add an algorithm: write one file in this folder exporting a definition, and add it to
 * `ALGORITHM_REGISTRY` in `registry.ts`. The readable loop (`runAlgorithmSteps`), the command
 * line's `--algorithm`, the comparison's menu and the inspector's record then take it as they are.
 */
import type { QAgent } from '../agent';
import type { LearnerMemory } from '../learner-memory';
import type { LearnerOptions } from '../learner-values';
import type { TieBreak } from '../params';
import type { ChosenAction } from '../policy';
import type { RngState } from '../rng';
import type { TdUpdate } from '../td-rule';

/** What a bootstrap may read. One object per loop call, its step fields set before each call. */
export interface BootstrapInput {
  /** Q before this step's update: Q(s, a) = q[s * 4 + a]. */
  readonly q: Float64Array;
  /** The agent's generator, for an algorithm that draws a′ (SARSA). */
  readonly rng: RngState;
  /** The tie rule of the ε-greedy behaviour policy. */
  tieBreak: TieBreak;
  /** s′, the state the step entered. */
  nextState: number;
  /** s′ is a hole or the goal (the episode ends there). */
  terminated: boolean;
  /** ε′ = max(min ε, ε − decay): ε after this step's decay, the ε the next action is chosen with. */
  epsilonNext: number;
  /** Where an algorithm that draws a′ writes it (`extraState` 'next-action'). */
  readonly nextAction: ChosenAction;
  /** N(s, a), the real steps that took each pair (UCB's counts). */
  readonly visits: Float64Array;
  /** The agent's exploration rule and the other knobs, as read at the start of the loop call. */
  options: LearnerOptions;
  /** The algorithm's memory beyond Q. */
  readonly memory: LearnerMemory;
}

/** One real step as `learn` sees it, after the bootstrap (one object per loop call). */
export interface LearnStep {
  /** The agent (Q, N, memory, env). */
  readonly agent: QAgent;
  /** s, a, r, s′ and the index k of the outcome drawn, `(s * 4 + a) * 3 + k`. */
  state: number;
  action: number;
  reward: number;
  nextState: number;
  outcome: number;
  /** s′ is a hole or the goal. */
  terminated: boolean;
  /** This step ends the episode (terminated, or the time limit). */
  ended: boolean;
  /** The definition's bootstrap for this step. */
  bootstrap: number;
  /** α of this step's pair under the schedule (N(s, a) counting this step). */
  alpha: number;
  gamma: number;
  /** Where `learn` writes the TD numbers the step's record shows for (s, a). */
  readonly td: TdUpdate;
  /** The step size the record shows: qAfter = qBefore + recordAlpha·td_error. */
  recordAlpha: number;
}

/**
 * What an algorithm keeps between steps besides Q, ε and the generator: `'none'`, or
 * `'next-action'` — the a′ its bootstrap drew is the action the next step takes (SARSA), held in
 * `QAgent.nextAction`. An algorithm that needs more (a second table, traces, a model) adds its
 * kind here and the agent's field for it.
 */
export type ExtraState = 'none' | 'next-action';

/** One algorithm on the one TD rule. */
export interface AlgorithmDefinition<Name extends string = string> {
  /** The name the command line, links and messages use (kebab-case). */
  readonly name: Name;
  /** Display name. */
  readonly label: string;
  /**
   * 'off-policy': learns the value of a policy other than the one it follows (the greedy one,
   * while it behaves ε-greedily); 'on-policy': learns the value of the ε-greedy policy it follows.
   */
  readonly policy: 'on-policy' | 'off-policy';
  /** What it keeps between steps besides Q. */
  readonly extraState: ExtraState;
  /** Its bootstrap as the lesson writes formulas, e.g. "max_a′ Q(s′, a′)". */
  readonly bootstrapFormula: string;
  /**
   * The bootstrap of the step that entered `input.nextState`, read from Q before the update.
   * Called once per step, so it allocates nothing.
   */
  bootstrap(input: BootstrapInput): number;
  /**
   * The update of one real step, when it is more than the one TD rule on (s, a) (absent: the loop
   * applies td_target = r + γ·bootstrap to Q(s, a) with the step's α). It writes Q through
   * `writeQ`, fills `step.td` and `step.recordAlpha`, and allocates nothing.
   */
  learn?(step: LearnStep): void;
}
