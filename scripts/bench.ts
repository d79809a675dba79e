/**
 * `npm run -s bench [-- --json --runs N --episodes N]`: the learning core's speed against the C
 * loop, measured on the code as the page ships it (scripts/bundled-node.ts: bundled by Vite, run
 * by plain Node); the measurement itself is scripts/bench-core.ts.
 */
import { runBundled } from './bundled-node';

process.exitCode = await runBundled('scripts/bench-core.ts', process.argv.slice(2));
