/**
 * Trains the lesson's Q-learner (or any algorithm of the registry: `--algorithm`, with the
 * learner's flags of `learner-flags.ts`) from the command line and prints the result with its
 * exact evaluation: `npm run -s train -- --seed 3 --episodes 10000 --algorithm sarsa --json`, or
 * along an exported run record of the lab: `npm run -s train -- --replay run.json --json`.
 */
import { ACTION_ARROWS } from '../src/rl/env';
import {
  bestSuccessWithin,
  evaluateGreedy,
  evaluatePolicy,
  valueIteration,
} from '../src/rl/evaluation';
import { ALGORITHM_LABELS } from '../src/rl/algorithms/registry';
import { trainAlgorithm } from '../src/rl/training';
import { advantages, greedyPolicy, qRows, stateValues, policyMatrix } from '../src/rl/tables';
import { runCli } from './cli';
import { trainRequest, type TrainRequest } from './train-flags';
import { replayRecord } from './train-replay';

/** The run `request` asks for: trained from its flags, or replayed from a record (`--replay`). */
function trained(request: TrainRequest) {
  if (request.replay === null) {
    const { env, algorithm, params, seed, episodes, options } = request;
    // Q-learning acting as the lesson's on the fast loop (the readable one gives the same numbers).
    return {
      agent: trainAlgorithm(env, algorithm, params, seed, episodes, options),
      algorithm,
      seed,
    };
  }
  const record = request.replay;
  return { ...replayRecord(record), seed: record.settings.seed };
}

runCli(() => {
  const request = trainRequest(process.argv.slice(2));
  const { json } = request;

  const t0 = performance.now();
  const { agent, algorithm, seed } = trained(request);
  const ms = performance.now() - t0;
  // A replay's environment, γ and options are the record's at its end.
  const { env, params, options } = agent;

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
    options,
    episodes: agent.episode,
    steps: agent.totalSteps,
    planningUpdates: agent.memory.planningUpdates,
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
