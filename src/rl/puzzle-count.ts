/**
 * How many parameter puzzles there are, apart from their code: the link (`?puzzle=N`) checks N
 * against it on the page's first download, which must not carry the puzzles themselves. A test
 * keeps it equal to `PUZZLES.length` (`puzzles.ts`).
 */

/** Number of puzzles, `puzzle=1` to `puzzle=PUZZLE_COUNT`. */
export const PUZZLE_COUNT = 3;

/** The limit of a puzzle number in a link: a whole number from 1 to `PUZZLE_COUNT`. */
export const PUZZLE_LIMIT = { label: 'Puzzle', min: 1, max: PUZZLE_COUNT, integer: true } as const;
