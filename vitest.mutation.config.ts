import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import viteConfig from './vite.config';
import { MUTATION_LEFT_OUT, mutationTests } from './scripts/mutation-folders';

/**
 * The unit-test configuration StrykerJS runs (see stryker.config.mjs): the project's own Vitest
 * settings, restricted to the tests that exercise the folder under mutation. The components' and
 * renderers' tests import the core too, but they assert pictures and words, not the core's numbers;
 * leaving them out keeps every mutant's run short on this two-core machine. Stryker's instrumented
 * code runs several times slower, so the long training tests get three minutes rather than 5 s.
 */
export default defineConfig({
  ...viteConfig,
  test: {
    ...viteConfig.test,
    include: mutationTests(process.env),
    exclude: [...configDefaults.exclude, ...MUTATION_LEFT_OUT],
    testTimeout: 180_000,
  },
});
