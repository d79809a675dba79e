/**
 * Solves the Ice Maze by dynamic programming:
 * `npm run -s dp -- --map 4x4 --gamma 0.99 --method value|policy [--slippery B] [--success-rate R]
 * [--reward-schedule g,h,f] [--sweeps K] [--tolerance T] --json` prints `{ "V": [...], "Q": [[...]], "policy": [...],
 * "sweeps": n, "deltas": [...] }` (policy iteration adds "improvements"). Without --json, V and
 * the greedy arrows as grids, the sweeps taken and the time limit's ceiling.
 */
import { ACTION_ARROWS } from '../src/rl/env';
import { timeLimitCurve } from '../src/rl/dp/time-limit';
import { runCli } from './cli';
import { dpOutput, dpRequest } from './dp-flags';

runCli(() => {
  const request = dpRequest(process.argv.slice(2));
  const out = dpOutput(request);
  if (request.json) {
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const { env } = request;
  const rows = (cell: (s: number) => string) =>
    env.desc.map((row, r) =>
      Array.from(row, (tile, c) => {
        const s = r * env.ncol + c;
        return tile === 'H' || tile === 'G' ? tile.padStart(6) : cell(s).padStart(6);
      }).join(' '),
    );
  const name = request.method === 'value' ? 'Value iteration' : 'Policy iteration';
  const last = out.deltas.at(-1) ?? NaN;
  const ceiling = timeLimitCurve(env, env.maxSteps).values[env.start]!;
  const lines = [
    `${name} on ${env.nrow}x${env.ncol}, ${env.isSlippery ? `slippery (success rate ${env.successRate.toFixed(3)})` : 'not slippery'}, rewards (goal, hole, frozen) ${env.rewardSchedule.join(', ')}, γ ${request.gamma}`,
    `${out.sweeps} sweeps${out.improvements === undefined ? '' : `, ${out.improvements} improvements`}, last ‖ΔV‖∞ ${last.toExponential(2)} (tolerance ${request.tolerance})`,
    'V:',
    ...rows((s) => out.V[s]!.toFixed(3)),
    'Greedy policy:',
    ...rows((s) => ACTION_ARROWS[out.policy[s]!]!),
    `V(start) ${out.V[env.start]!.toFixed(4)}; best chance of reaching G within ${env.maxSteps} steps ${ceiling.toFixed(4)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
});
