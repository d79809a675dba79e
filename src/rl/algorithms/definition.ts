/**
 * What an algorithm is, as data: a name, a label, whether it learns about the policy it follows,
 * what it keeps between steps besides Q, and its bootstrap — the value that stands for the future
 * after s′ in the one TD rule (`td-rule.ts`), td_target = r + γ·bootstrap.
 *
 * To add an algorithm: write one file in this folder exporting a definition, and add it to
 * `ALGORITHM_REGISTRY` in `registry.ts`. The readable loop (`runAlgorithmSteps`), the command
 * line's `--algorithm`, the comparison's menu and the inspector's record then take it as they are.
 */
import type { TieBreak } from '../params';
import type { ChosenAction } from '../policy';
import type { RngState } from '../rng';

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
}
