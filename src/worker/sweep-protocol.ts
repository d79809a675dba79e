/**
 * The typed messages between a sweep pool and one of its workers (a Web Worker in the page, a
 * Node worker thread on the command line: both run `createSweepHandler`). Types only; both sides
 * switch on `type` exhaustively.
 *
 * A worker trains one agent per `run-job` and answers with its result; the pool sends the next
 * job when the answer arrives, so the cores stay busy and a cancel only has to terminate the
 * workers (an agent's training is one uninterrupted call).
 */
import type { BandLearner, SeedCurve } from '../rl/seed-curve';
import type { SweepEnvSpec, SweepJob, SweepJobResult } from '../rl/sweep';

export type { SeedCurve, SweepEnvSpec, SweepJob, SweepJobResult };

/** Pool → worker. */
export type SweepCommand = {
  type: 'run-job';
  /** The sweep the job belongs to (answers of an older sweep are dropped by the pool). */
  sweepId: number;
  /** The job's own environment: the sweep's, with its setting's rewards and success rate in. */
  env: SweepEnvSpec;
  job: SweepJob;
  /**
   * A seed band's job: measure the agent at these episode counts (ascending, the last one
   * `job.episodes`) and answer `band-done` with its curve instead of `job-done`.
   */
  checkpoints?: number[];
  /** A seed band's job: the algorithm and options its seed learns with (absent: the lesson's). */
  learner?: BandLearner;
};

/** Worker → pool. */
export type SweepEvent =
  | { type: 'job-done'; sweepId: number; result: SweepJobResult }
  /** A seed band's job: the seed's curve at the checkpoints. */
  | { type: 'band-done'; sweepId: number; jobId: number; curve: SeedCurve }
  /** The job could not run (a malformed or out-of-range message); `jobId` is -1 when unknown. */
  | { type: 'job-failed'; sweepId: number; jobId: number; message: string };
