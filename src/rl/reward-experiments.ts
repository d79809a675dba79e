/**
 * Experiments with the rewards and the ice, and the exact check each one comes with: value
 * iteration (`valueIteration`) on Gymnasium's rewards and ice and on the experiment's, on the same
 * map, time limit and γ, then the states whose set of optimal actions differs and what the two
 * optimal policies achieve (exact evaluation, `evaluatePolicy`). Nothing here is sampled.
 */
import { createEnv, DEFAULT_REWARD_SCHEDULE, type IceMazeEnv, type RewardSchedule } from './env';
import { evaluatePolicy, optimalActionSets, valueIteration } from './evaluation';
import { policyMatrix } from './tables';

/** Rewards and ice an experiment sets (both, so each experiment is the same whatever came before). */
export interface RewardIce {
  successRate: number;
  rewardSchedule: RewardSchedule;
}

/** One experiment: a name, what to watch (one sentence), and the rewards and ice it sets. */
export interface RewardExperiment extends RewardIce {
  id: 'step-cost' | 'holes-hurt' | 'sure-footed' | 'deterministic';
  title: string;
  watch: string;
}

/** Gymnasium's FrozenLake-v1: success rate 1/3, rewards (1, 0, 0). */
export const GYMNASIUM_REWARD_ICE: Readonly<RewardIce> = Object.freeze({
  successRate: 1 / 3,
  rewardSchedule: DEFAULT_REWARD_SCHEDULE,
});

/** The four experiments of issue 19, each one change from Gymnasium's rewards and ice. */
export const REWARD_EXPERIMENTS: readonly RewardExperiment[] = Object.freeze([
  {
    id: 'step-cost',
    title: 'A cost per step',
    watch:
      'Every frozen tile now costs 0.01: watch the return fall with long episodes and the paths get shorter, even riskier.',
    successRate: 1 / 3,
    rewardSchedule: [1, 0, -0.01],
  },
  {
    id: 'holes-hurt',
    title: 'Holes hurt',
    watch:
      'A hole now costs 1: watch the values near the holes go negative, and whether the optimal policy changes at all.',
    successRate: 1 / 3,
    rewardSchedule: [1, -1, 0],
  },
  {
    id: 'sure-footed',
    title: 'Sure-footed ice',
    watch:
      'A move now goes where it is aimed 80 % of the time: watch the reach rate climb and the optimal policy stop hugging the walls.',
    successRate: 0.8,
    rewardSchedule: DEFAULT_REWARD_SCHEDULE,
  },
  {
    id: 'deterministic',
    title: 'Deterministic ice, live (success rate 1)',
    watch:
      'Every move now goes where it is aimed: watch the agent learn the shortest path, and the greedy chance reach 100 %.',
    successRate: 1,
    rewardSchedule: DEFAULT_REWARD_SCHEDULE,
  },
]);

/** A state whose optimal actions differ: the sets (Left 0, Down 1, Right 2, Up 3) before and after. */
export interface PolicyDifference {
  state: number;
  before: number[];
  after: number[];
}

/** What the γ-optimal policy of some rewards and ice achieves, exactly. */
export interface OptimalOutcome {
  /** P(reach the goal within the time limit). */
  successProbability: number;
  /** E[steps | the goal is reached within the limit] (NaN when it never is). */
  expectedStepsToGoal: number;
  /** Expected return per episode under those rewards, undiscounted. */
  expectedReturn: number;
}

/** An experiment's exact check against Gymnasium's rewards and ice. */
export interface ExperimentCheck {
  /** Non-terminal states whose optimal action set changes, in state order. */
  changed: PolicyDifference[];
  gymnasium: OptimalOutcome;
  experiment: OptimalOutcome;
}

/** The map, ice switch and time limit an experiment keeps from the run. */
export interface ExperimentBase {
  map: readonly string[];
  isSlippery: boolean;
  maxSteps: number;
  gamma: number;
}

/** Optimal action sets and the optimal policy's exact outcome on `env` for γ. */
function optimum(env: IceMazeEnv, gamma: number): { sets: number[][]; outcome: OptimalOutcome } {
  const vi = valueIteration(env, gamma);
  const e = evaluatePolicy(env, policyMatrix(vi.policy, env.nA), env.maxSteps);
  return {
    sets: optimalActionSets(vi.q, env.nA),
    outcome: {
      successProbability: e.successProbability,
      expectedStepsToGoal: e.expectedStepsToGoal,
      expectedReturn: e.expectedReturn,
    },
  };
}

/** The environment of `base` under some rewards and ice. */
function envOf(base: ExperimentBase, ice: RewardIce): IceMazeEnv {
  return createEnv({
    map: base.map,
    isSlippery: base.isSlippery,
    successRate: ice.successRate,
    rewardSchedule: ice.rewardSchedule,
    maxSteps: base.maxSteps,
  });
}

/**
 * The exact check of `experiment` on the run's map, ice switch, time limit and γ: which states'
 * optimal actions change against Gymnasium's rewards and ice, and what each optimal policy achieves.
 */
export function checkExperiment(base: ExperimentBase, experiment: RewardIce): ExperimentCheck {
  const before = optimum(envOf(base, GYMNASIUM_REWARD_ICE), base.gamma);
  const env = envOf(base, experiment);
  const after = optimum(env, base.gamma);
  const changed: PolicyDifference[] = [];
  for (let s = 0; s < env.nS; s++) {
    const a = before.sets[s]!;
    const b = after.sets[s]!;
    if (!env.terminal[s] && (a.length !== b.length || a.some((x, i) => x !== b[i])))
      changed.push({ state: s, before: a, after: b });
  }
  return { changed, gymnasium: before.outcome, experiment: after.outcome };
}
