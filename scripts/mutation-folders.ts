/**
 * The folders of src/ that `npm run mutation` mutates, and the unit tests that guard each one.
 * Shared by scripts/mutation.ts (which folder to run), stryker.config.mjs (what to mutate) and
 * vitest.mutation.config.ts (which tests to run against each mutant).
 */

/** A folder of src/ under mutation testing. */
export type MutationFolder = 'rl' | 'worker' | 'store';

/** The environment variable that carries the folder from scripts/mutation.ts to Stryker and Vitest. */
export const MUTATION_FOLDER_ENV = 'MUTATION_FOLDER';

/**
 * The unit-test globs run against each folder's mutants: its own layer's tests. Stryker's
 * instrumented code runs 30–100 times slower than plain (every expression counts its coverage),
 * so the fuzz suites and the seconds-long trainings (`MUTATION_LEFT_OUT`) would make one folder's
 * run take hours on two shared cores; they still run in `npm test`.
 */
export const MUTATION_TESTS: Readonly<Record<MutationFolder, readonly string[]>> = {
  rl: ['tests/rl/**/*.test.ts'],
  worker: ['tests/worker/**/*.test.ts'],
  store: ['tests/store/**/*.test.ts'],
};

/** Long statistical trainings left out of the rl run (tens of thousands of episodes each). */
export const MUTATION_LEFT_OUT: readonly string[] = [
  'tests/rl/training.test.ts',
  'tests/rl/teaching-figures.test.ts',
  'tests/rl/tuned-preset-words.test.ts',
  'tests/rl/tuned-presets.test.ts',
];

/**
 * The environment variable that narrows a run's tests to a comma-separated list of test files
 * (`npm run mutation -- rl --tests=tests/rl/td-rule.test.ts,...`), for a run by subsets.
 */
export const MUTATION_TEST_FILES_ENV = 'MUTATION_TEST_FILES';

/** The test globs of a run: the narrowed list when one is given, else the folder's own. */
export function mutationTests(env: NodeJS.ProcessEnv): string[] {
  const narrowed = (env[MUTATION_TEST_FILES_ENV] ?? '').split(',').filter((f) => f !== '');
  return narrowed.length > 0 ? narrowed : [...MUTATION_TESTS[mutationFolder(env)]];
}

/** True for a folder name `npm run mutation` knows. */
export function isMutationFolder(name: string): name is MutationFolder {
  return Object.hasOwn(MUTATION_TESTS, name);
}

/** The folder named by MUTATION_FOLDER; throws on a missing or unknown one rather than guess. */
export function mutationFolder(env: NodeJS.ProcessEnv): MutationFolder {
  const name = env[MUTATION_FOLDER_ENV] ?? '';
  if (!isMutationFolder(name)) {
    throw new Error(
      `${MUTATION_FOLDER_ENV} must be one of ${Object.keys(MUTATION_TESTS).join(', ')}; got "${name}"`,
    );
  }
  return name;
}
