/**
 * The mutation score of a folder from the JSON reports of several Stryker runs (one per subset
 * of its files, `reports/mutation/<name>.json`): each file counts once, from the newest report
 * that mutated it, so a folder run by subsets gets one figure. Pure: the reading of files is in
 * scripts/mutation-summary.ts.
 *
 *   score = (killed + timed out) / (killed + timed out + survived + no coverage)
 *
 * Stryker's own definition: mutants that did not compile, broke the run or were ignored are
 * left out of both sides.
 */

/** One mutant's outcome, as Stryker's JSON report (mutation-testing-report-schema) writes it. */
export type MutantStatus =
  | 'Killed'
  | 'Timeout'
  | 'Survived'
  | 'NoCoverage'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  | 'Pending';

/** The part of a Stryker JSON report this summary reads. */
export interface MutationReport {
  files: Record<string, { mutants: readonly { status: MutantStatus }[] }>;
}

/** A report with the time it was written, to pick the newest for each file. */
export interface DatedReport {
  name: string;
  writtenAt: number;
  report: MutationReport;
}

/** The counts of one file or of a whole folder. */
export interface ScoreLine {
  /** The file's path, or the folder's (`src/rl`) for the total. */
  path: string;
  /** The report the file's counts come from (empty for a total). */
  from: string;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  /** (killed + timed out) / (that + survived + no coverage), NaN when no mutant counts. */
  score: number;
}

/** A folder's score, file by file, and the folder's files no report mutated. */
export interface FolderScore {
  files: ScoreLine[];
  total: ScoreLine;
  notRun: string[];
}

/** Counts the statuses of one file's mutants into a score line. */
function countLine(
  path: string,
  from: string,
  mutants: readonly { status: MutantStatus }[],
): ScoreLine {
  const count = (status: MutantStatus): number => mutants.filter((m) => m.status === status).length;
  return withScore({
    path,
    from,
    killed: count('Killed'),
    timedOut: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
  });
}

/** The line with its score computed from its counts. */
function withScore(line: Omit<ScoreLine, 'score'>): ScoreLine {
  const detected = line.killed + line.timedOut;
  const counted = detected + line.survived + line.noCoverage;
  return { ...line, score: counted === 0 ? NaN : detected / counted };
}

/**
 * The score of `folder` (`src/rl`) over `reports`: each of its files from the newest report that
 * has it, sorted by path, their sum as the total, and the files of `sources` (the folder's files
 * that can be mutated) that no report has.
 */
export function folderScore(
  folder: string,
  reports: readonly DatedReport[],
  sources: readonly string[],
): FolderScore {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  const newest = new Map<string, DatedReport>();
  for (const dated of reports)
    for (const path of Object.keys(dated.report.files)) {
      if (!path.startsWith(prefix)) continue;
      const seen = newest.get(path);
      if (!seen || dated.writtenAt > seen.writtenAt) newest.set(path, dated);
    }
  const files = [...newest.entries()]
    .map(([path, dated]) => countLine(path, dated.name, dated.report.files[path]!.mutants))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sum = (key: 'killed' | 'timedOut' | 'survived' | 'noCoverage'): number =>
    files.reduce((total, line) => total + line[key], 0);
  const total = withScore({
    path: folder,
    from: '',
    killed: sum('killed'),
    timedOut: sum('timedOut'),
    survived: sum('survived'),
    noCoverage: sum('noCoverage'),
  });
  const notRun = sources.filter((path) => path.startsWith(prefix) && !newest.has(path)).sort();
  return { files, total, notRun };
}
