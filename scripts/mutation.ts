/**
 * `npm run mutation -- <folder> [file ...]`: StrykerJS mutation testing of src/rl, src/worker or
 * src/store (stryker.config.mjs), against the unit tests that guard that folder
 * (vitest.mutation.config.ts). Files after the folder restrict the run to those files, for a folder
 * too long to run whole. Reports go to reports/mutation/<folder>.html and .json.
 */
import { spawnSync } from 'node:child_process';
import { MUTATION_FOLDER_ENV, MUTATION_TESTS, isMutationFolder } from './mutation-folders';

const [folder = '', ...files] = process.argv.slice(2);
if (!isMutationFolder(folder)) {
  console.error(`usage: npm run mutation -- <${Object.keys(MUTATION_TESTS).join('|')}> [file ...]`);
  process.exit(2);
}
const outsideFolder = files.filter((file) => !file.startsWith(`src/${folder}/`));
if (outsideFolder.length > 0) {
  console.error(`not in src/${folder}/: ${outsideFolder.join(', ')}`);
  process.exit(2);
}
const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, [MUTATION_FOLDER_ENV]: folder, MUTATION_FILES: files.join(',') },
});
process.exit(result.status ?? 1);
