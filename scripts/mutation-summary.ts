/**
 * `npm run mutation -- summary [rl|worker|store] [--json]`: the mutation score of each folder
 * (or of one) from every Stryker JSON report in reports/mutation/, each file from the newest
 * report that mutated it (scripts/mutation-score.ts), with the files no report has yet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderScore, type DatedReport, type FolderScore, type ScoreLine } from './mutation-score';
import { MUTATION_TESTS, isMutationFolder, type MutationFolder } from './mutation-folders';

/** Where `stryker.config.mjs` writes its reports. */
const REPORTS = 'reports/mutation';

/** Every JSON report (not the incremental files) with the time it was written. */
function readReports(dir: string): DatedReport[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('-incremental.json'))
    .map((name) => {
      const path = join(dir, name);
      return {
        name,
        writtenAt: statSync(path).mtimeMs,
        report: JSON.parse(readFileSync(path, 'utf8')) as DatedReport['report'],
      };
    });
}

/** The TypeScript files of src/<folder>, recursively, as repository paths. */
function sourcesOf(folder: MutationFolder): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  walk(`src/${folder}`);
  return out;
}

/** A score as a percentage with one decimal. */
function percent(score: number): string {
  return Number.isNaN(score) ? '—' : `${(score * 100).toFixed(1)} %`;
}

/** One printed line of the table. */
function row(line: ScoreLine): string {
  const counted = line.killed + line.timedOut + line.survived + line.noCoverage;
  return [
    line.path.padEnd(44),
    String(counted).padStart(5),
    String(line.killed).padStart(7),
    String(line.timedOut).padStart(9),
    String(line.survived).padStart(9),
    String(line.noCoverage).padStart(9),
    percent(line.score).padStart(8),
    `  ${line.from}`,
  ].join('');
}

/** Prints one folder's table, its total and the files not run. */
function print(score: FolderScore): void {
  console.log(
    `${'file'.padEnd(44)}${'total'.padStart(5)}${'killed'.padStart(7)}${'timed out'.padStart(9)}${'survived'.padStart(9)}${'no cover'.padStart(9)}${'score'.padStart(8)}  report`,
  );
  for (const line of score.files) console.log(row(line));
  console.log(row(score.total));
  if (score.notRun.length > 0)
    console.log(`in no report (no mutants, or not run yet): ${score.notRun.join(', ')}`);
  console.log('');
}

/** Runs the summary for the command line's arguments (after `summary`). */
export function mutationSummary(args: readonly string[]): number {
  const json = args.includes('--json');
  const named = args.filter((a) => a !== '--json');
  const unknown = named.filter((a) => !isMutationFolder(a));
  if (unknown.length > 0) {
    console.error(
      `not a mutation folder: ${unknown.join(', ')} (one of ${Object.keys(MUTATION_TESTS).join(', ')})`,
    );
    return 2;
  }
  const folders = (named.length > 0 ? named : Object.keys(MUTATION_TESTS)) as MutationFolder[];
  const reports = readReports(REPORTS);
  if (reports.length === 0) {
    console.error(`no reports in ${REPORTS}/: run \`npm run mutation -- <folder> …\` first`);
    return 1;
  }
  const scores = folders.map((folder) => folderScore(`src/${folder}`, reports, sourcesOf(folder)));
  if (json) console.log(JSON.stringify(scores));
  else scores.forEach(print);
  return 0;
}
