/**
 * `npm run mutation -- <folder> [file ...] [--tests=test,test]`: StrykerJS mutation testing of
 * src/rl, src/worker or src/store (stryker.config.mjs), against the unit tests that guard that
 * folder (vitest.mutation.config.ts). Files after the folder restrict the run to those files, and
 * `--tests` to those test files, for a folder too long to run whole. Reports go to
 * reports/mutation/<folder>.html and .json. `npm run mutation -- summary [folder]` sums the
 * reports into one score per folder (scripts/mutation-summary.ts).
 */
import { spawnSync } from 'node:child_process';
import { mutationSummary } from './mutation-summary';
import {
  MUTATION_FOLDER_ENV,
  MUTATION_TEST_FILES_ENV,
  MUTATION_TESTS,
  isMutationFolder,
} from './mutation-folders';

const args = process.argv.slice(2);
if (args[0] === 'summary') process.exit(mutationSummary(args.slice(1)));
const testsFlag = args.find((a) => a.startsWith('--tests='));
const [folder = '', ...files] = args.filter((a) => a !== testsFlag);
const testFiles = testsFlag?.slice('--tests='.length) ?? '';
if (!isMutationFolder(folder)) {
  const folders = Object.keys(MUTATION_TESTS).join('|');
  console.error(`usage: npm run mutation -- <${folders}> [file ...] [--tests=test,test]`);
  process.exit(2);
}
const outsideFolder = files.filter((file) => !file.startsWith(`src/${folder}/`));
if (outsideFolder.length > 0) {
  console.error(`not in src/${folder}/: ${outsideFolder.join(', ')}`);
  process.exit(2);
}
const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    [MUTATION_FOLDER_ENV]: folder,
    [MUTATION_TEST_FILES_ENV]: testFiles,
    MUTATION_FILES: files.join(','),
  },
});
process.exit(result.status ?? 1);
