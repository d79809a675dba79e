import { describe, expect, it } from 'vitest';
import { folderScore, type DatedReport, type MutantStatus } from '../../scripts/mutation-score';

/** A report of the given files, each a list of statuses. */
function report(
  name: string,
  writtenAt: number,
  files: Record<string, MutantStatus[]>,
): DatedReport {
  return {
    name,
    writtenAt,
    report: {
      files: Object.fromEntries(
        Object.entries(files).map(([path, statuses]) => [
          path,
          { mutants: statuses.map((status) => ({ status })) },
        ]),
      ),
    },
  };
}

describe('folderScore', () => {
  it('counts killed and timed out as detected, survived and no coverage as missed, and leaves the rest out', () => {
    const score = folderScore(
      'src/rl',
      [
        report('a.json', 1, {
          'src/rl/a.ts': [
            'Killed',
            'Killed',
            'Timeout',
            'Survived',
            'NoCoverage',
            'CompileError',
            'Ignored',
          ],
        }),
      ],
      ['src/rl/a.ts'],
    );
    expect(score.files).toEqual([
      {
        path: 'src/rl/a.ts',
        from: 'a.json',
        killed: 2,
        timedOut: 1,
        survived: 1,
        noCoverage: 1,
        score: 3 / 5,
      },
    ]);
    expect(score.total.score).toBe(3 / 5);
    expect(score.notRun).toEqual([]);
  });

  it('takes each file from the newest report that has it and sums the folder', () => {
    const older = report('old.json', 10, {
      'src/rl/a.ts': ['Survived', 'Survived'],
      'src/rl/b.ts': ['Killed', 'Survived'],
    });
    const newer = report('new.json', 20, { 'src/rl/a.ts': ['Killed', 'Killed', 'Survived'] });
    // Order of the list does not matter: the time does.
    const score = folderScore('src/rl', [newer, older], ['src/rl/a.ts', 'src/rl/b.ts']);
    expect(score.files.map((f) => [f.path, f.from, f.killed, f.survived])).toEqual([
      ['src/rl/a.ts', 'new.json', 2, 1],
      ['src/rl/b.ts', 'old.json', 1, 1],
    ]);
    expect(score.total).toMatchObject({ path: 'src/rl', killed: 3, survived: 2, score: 3 / 5 });
  });

  it('keeps other folders out and names the folder files that no report has', () => {
    const score = folderScore(
      'src/worker',
      [report('r.json', 1, { 'src/rl/a.ts': ['Killed'], 'src/worker/x.ts': ['Timeout'] })],
      ['src/worker/x.ts', 'src/worker/z.ts', 'src/worker/y.ts', 'src/rl/a.ts'],
    );
    expect(score.files.map((f) => f.path)).toEqual(['src/worker/x.ts']);
    expect(score.total.score).toBe(1);
    expect(score.notRun).toEqual(['src/worker/y.ts', 'src/worker/z.ts']);
  });

  it('gives NaN, not 0 or 1, for a folder with no counted mutant', () => {
    expect(folderScore('src/store', [], ['src/store/a.ts']).total.score).toBeNaN();
  });
});
