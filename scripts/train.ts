/**
 * Trains the lesson's Q-learner (or SARSA, Expected SARSA: `--algorithm`) from the command line and
 * prints the result with its exact evaluation:
 * `npm run -s train -- --seed 3 --episodes 10000 --algorithm sarsa --json`.
 */
import { ACTION_ARROWS } from '../src/rl/env';
import {
  bestSuccessWithin,
  evaluateGreedy,
  evaluatePolicy,
  valueIteration,
} from '../src/rl/evaluation';
import { runEpisodes } from '../src/rl/fast-loop';
import { ALGORITHM_LABELS } from '../src/rl/algorithms/registry';
import { createAgent } from '../src/rl/agent';
import { runAlgorithmEpisodes } from '../src/rl/readable-loop';
import { advantages, greedyPolicy, qRows, stateValues, policyMatrix } from '../src/rl/tables';
import { runCli } from './cli';
import { trainRequest } from './train-flags';

runCli(() => {
  const { env, algorithm, params, seed, episodes, json } = trainRequest(process.argv.slice(2));

  const agent = createAgent(env, params, seed);
  const t0 = performance.now();
  // Q-learning on the fast loop (the readable one gives the same numbers, only slower).
  if (algorithm === 'q-learning') runEpisodes(agent, episodes);
  else runAlgorithmEpisodes(agent, algorithm, episodes);
  const ms = performance.now() - t0;

  const evaluation = evaluateGreedy(env, agent.q);
  const optimum = valueIteration(env, params.gamma);
  const optimal = evaluatePolicy(env, policyMatrix(optimum.policy));
  const policy = Array.from(greedyPolicy(agent.q));
  const result = {
    map: env.desc,
    isSlippery: env.isSlippery,
    successRate: env.successRate,
    rewardSchedule: env.rewardSchedule,
    seed,
    algorithm,
    params,
    episodes: agent.episode,
    steps: agent.totalSteps,
    epsilon: agent.epsilon,
    ms,
    q: qRows(agent.q),
    v: Array.from(stateValues(agent.q)),
    advantage: qRows(advantages(agent.q)),
    policy,
    successProbability: evaluation.successProbability,
    expectedLength: evaluation.expectedLength,
    optimalSuccessProbability: optimal.successProbability,
    bestSuccessWithinLimit: bestSuccessWithin(env),
    optimalPolicy: Array.from(optimum.policy),
  };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const arrows = env.desc.map((row, r) =>
    [...row]
      .map((tile, c) =>
        tile === 'H' || tile === 'G' ? tile : ACTION_ARROWS[policy[r * env.ncol + c]!],
      )
      .join(' '),
  );
  process.stdout.write(
    [
      `${ALGORITHM_LABELS[algorithm]}: trained ${result.episodes} episodes (${result.steps} steps) in ${ms.toFixed(1)} ms, seed ${seed}, final ε ${agent.epsilon.toFixed(4)}`,
      'Greedy policy:',
      ...arrows.map((a) => '  ' + a),
      `Exact success probability within ${env.maxSteps} steps: ${result.successProbability.toFixed(4)} (γ-optimal policy ${result.optimalSuccessProbability.toFixed(4)}, best possible ${result.bestSuccessWithinLimit.toFixed(4)})`,
      `Expected episode length: ${result.expectedLength.toFixed(2)}`,
    ].join('\n') + '\n',
  );
});
