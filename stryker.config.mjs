// @ts-check
/**
 * StrykerJS over one folder of src/: `npm run mutation -- rl` (or worker, store), which sets
 * MUTATION_FOLDER (and MUTATION_FILES for a subset of that folder's files) and runs Stryker with this
 * file. Kept out of CI and `npm test`: a whole folder takes tens of minutes on two cores.
 *
 * - coverageAnalysis 'perTest': each mutant runs only the tests that executed its code.
 * - concurrency 1: the machine's two cores are shared.
 * - ignoreStatic: a mutant in a module-level constant (a map's rows, a limit table) is covered by
 *   every test, so it would re-run the whole suite; these are left out of the score and said so in
 *   the README.
 * - incremental: a re-run after adding tests re-tests only the mutants whose code or tests changed.
 */
const folder = process.env.MUTATION_FOLDER ?? '';
if (!['rl', 'worker', 'store'].includes(folder)) {
  throw new Error(`MUTATION_FOLDER must be rl, worker or store; got "${folder}"`);
}
const files = (process.env.MUTATION_FILES ?? '').split(',').filter((file) => file !== '');
/** The reports' name: the folder, or for a subset the folder and its files' base names. */
const report = [folder, ...files.map((file) => file.replace(/^.*\//, '').replace(/\.ts$/, ''))]
  .join('-')
  .slice(0, 100);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  ignoreStatic: true,
  // fast-loop.ts is the speed-tuned copy of the readable loop, checked against it bit for bit
  // (tests/rl/fast-loop.test.ts and others); instrumenting its hot loop makes every training test
  // 50–100 times slower, so its mutants are left to that comparison (see the README).
  mutate: files.length > 0 ? files : [`src/${folder}/**/*.ts`, '!src/rl/fast-loop.ts'],
  ignorePatterns: ['dist', 'dist-single', 'e2e', 'docs', 'reports', 'test-results'],
  tempDirName: 'node_modules/.stryker-tmp',
  incremental: true,
  incrementalFile: `reports/mutation/${report}-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10000,
  // The first run counts every test's coverage through the instrumented code: minutes, not seconds.
  dryRunTimeoutMinutes: 40,
};
