/**
 * Prints the environment: `npm run -s env -- --map 4x4 --slippery true --json` gives
 * `{ "desc": [...], "P": [...] }` with P[s][a] = [[probability, nextState, reward, terminated], …]
 * in Gymnasium's order. Without --json, a readable summary.
 */
import { ACTION_NAMES } from '../src/rl/env';
import { ENV_FLAGS, envFromFlags, jsonFlag, parseFlags, runCli } from './cli';

runCli(() => {
  const flags = parseFlags(process.argv.slice(2), [...ENV_FLAGS, 'json']);
  const env = envFromFlags(flags);
  if (jsonFlag(flags)) {
    process.stdout.write(JSON.stringify({ desc: env.desc, P: env.P }) + '\n');
    return;
  }
  const lines = [
    `Ice Maze ${env.nrow}x${env.ncol}, ${env.isSlippery ? `slippery (success rate ${env.successRate.toFixed(3)})` : 'not slippery'}, time limit ${env.maxSteps}`,
    ...env.desc.map((r) => '  ' + r),
  ];
  for (let s = 0; s < env.nS; s++) {
    for (let a = 0; a < env.nA; a++) {
      const outs = env.P[s]![a]!.map(
        ([p, ns, r, t]) => `${p.toFixed(3)}→${ns}${r ? ` r=${r}` : ''}${t ? ' end' : ''}`,
      );
      lines.push(`s${s} ${ACTION_NAMES[a]!.padEnd(5)} ${outs.join(', ')}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
});
