import { createEnv } from '../src/rl/env';
import { ALGORITHMS } from '../src/rl/algorithms/registry';
import { trainAlgorithm } from '../src/rl/training';
import { evaluateGreedy } from '../src/rl/evaluation';
const env = createEnv();
for (const a of ALGORITHMS) {
  const t0 = performance.now();
  const out: string[] = [];
  for (const seed of [0, 1, 2]) {
    const agent = trainAlgorithm(env, a, {}, seed, 20000);
    out.push(evaluateGreedy(env, agent.q).successProbability.toFixed(3));
  }
  console.log(a, out.join(' '), ((performance.now() - t0) / 3).toFixed(0), 'ms');
}
