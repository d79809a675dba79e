/**
 * `npm run -s train -- --replay run.json`: trains along an exported run record (the lab's
 * "Export run" file) with its algorithm, its learner options and every recorded change at its
 * step, and reports the result as `train` does. The record is read by the core's
 * `parseRunRecord`, so a bad file is refused with the import's own words, as one line (exit 2).
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_ALGORITHM } from '../src/rl/algorithm-names';
import type { QAgent } from '../src/rl/agent';
import type { Algorithm } from '../src/rl/algorithms/registry';
import { parseRunRecord, replayRun, type RunRecord } from '../src/rl/replay';
import { UsageError } from './cli';

/** The flags that may go with `--replay` (the record holds every other setting). */
export const REPLAY_COMPANION_FLAGS: readonly string[] = ['replay', 'json'];

/** Refuses the training flags beside `--replay`: the record sets all of them. */
export function checkReplayFlags(flags: Map<string, string>): void {
  const extra = [...flags.keys()].filter((name) => !REPLAY_COMPANION_FLAGS.includes(name));
  if (extra.length > 0)
    throw new UsageError(
      `--replay takes every setting from the record; drop ${extra.map((f) => '--' + f).join(' ')}.`,
    );
}

/** A record file's text, checked: the record, or a `UsageError` naming every problem. */
export function readRecord(text: string, file: string): RunRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--replay ${file}: not JSON (${(e as Error).message}).`);
  }
  const parsed = parseRunRecord(data);
  if (!parsed.ok) throw new UsageError(`--replay ${file}: ${parsed.errors.join(' ')}`);
  return parsed.record;
}

/** The record replayed: its agent (Q, ε, steps bit for bit as the lab's) and its algorithm. */
export function replayRecord(record: RunRecord): { agent: QAgent; algorithm: Algorithm } {
  return {
    agent: replayRun(record),
    algorithm: record.settings.algorithm ?? DEFAULT_ALGORITHM,
  };
}

/** The record in the file at `path`; a file that cannot be read is refused in one line too. */
export function recordFile(path: string): RunRecord {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--replay ${path}: cannot read it (${(e as Error).message}).`);
  }
  return readRecord(text, path);
}
