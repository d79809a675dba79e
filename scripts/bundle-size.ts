/**
 * The JavaScript the page needs before it draws, gzipped: `npm run -s bundle-size`. Builds dist/
 * when it is missing (or with `--build`), follows index.html's module scripts and their static
 * imports (not the `import()` of a lazy tab), prints each chunk and the total, and exits 1 when
 * the total is above `INITIAL_JS_BUDGET_KB`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialChunks } from './bundle-graph';

/** The budget for the JavaScript loaded before the first draw, gzipped, in KB (1 KB = 1,000 bytes). */
export const INITIAL_JS_BUDGET_KB = 120;

const dist = join(process.cwd(), 'dist');
if (process.argv.includes('--build') || !existsSync(join(dist, 'index.html')))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const chunks = initialChunks(html, (file) => readFileSync(join(dist, file), 'utf8'));
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
for (const c of chunks) console.log(`${c.file}  ${kb(c.bytes)} KB, ${kb(c.gzipBytes)} KB gzipped`);
const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0) / 1000;
const verdict = total <= INITIAL_JS_BUDGET_KB ? 'within' : 'OVER';
console.log(
  `JavaScript before the first draw: ${total.toFixed(1)} KB gzipped, ${verdict} the budget of ${INITIAL_JS_BUDGET_KB} KB`,
);
if (total > INITIAL_JS_BUDGET_KB) process.exit(1);
