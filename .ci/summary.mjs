// Prints "N passed, N failed" over every suite of `npm test` (see package.json): the static
// checks (typecheck, lint, format) count one each; Vitest and Playwright count every test, read
// from their JSON reports in test-results/.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null);
const log = read('test-results/npm-test.log') ?? '';
const stages = ['typecheck', 'lint', 'format:check', 'test:unit', 'test:e2e'];
// npm prints "> name@version script" as each script starts; `npm test` stops at the first failure.
const started = stages.filter((s) =>
  new RegExp(`^> \\S+ ${s.replace(':', '\\:')}$`, 'm').test(log),
);
const lastStarted = started[started.length - 1];

let passed = 0;
let failed = 0;
for (const stage of started.filter((s) => !s.startsWith('test:'))) {
  if (stage === lastStarted && status !== 0) failed++;
  else passed++;
}

const unit = read('test-results/unit.json');
if (unit && started.includes('test:unit')) {
  const u = JSON.parse(unit);
  passed += u.numPassedTests ?? 0;
  failed += u.numFailedTests ?? 0;
  // A file that failed to load has no tests to count: count the file.
  if ((u.numFailedTests ?? 0) === 0 && (u.numFailedTestSuites ?? 0) > 0)
    failed += u.numFailedTestSuites;
}
const e2e = read('test-results/e2e.json');
if (e2e && started.includes('test:e2e')) {
  const s = JSON.parse(e2e).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
