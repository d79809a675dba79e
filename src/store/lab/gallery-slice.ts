/**
 * The gallery slice: the frames kept every `frameInterval` episodes, and the episodes of the
 * target (greedy) policy run apart from training.
 */
import { thinFrames } from '../../shared/thin';
import type { Frame, TrainerEvent, TrajectoryData } from '../../worker/protocol';
import type { LabFollower, LabSliceContext } from './slice';

/** Frames the gallery keeps; past it, every other older frame is dropped (the first and newest stay). */
export const MAX_FRAMES = 41;

/** The target policy's episodes in this run. */
export interface GreedyRecord {
  episodes: number;
  successes: number;
  last: TrajectoryData | null;
  lastReachedGoal: boolean;
}

/** No greedy episode yet. */
export const NO_GREEDY: GreedyRecord = {
  episodes: 0,
  successes: 0,
  last: null,
  lastReachedGoal: false,
};

/** The slice's fields. */
export interface GalleryState {
  /** The gallery: frames every `frameInterval` episodes, thinned to at most `MAX_FRAMES`. */
  frames: Frame[];
  /** Episodes of the target (greedy) policy run apart from training. */
  greedy: GreedyRecord;
}

/** The slice's actions. */
export interface GalleryActions {
  /** Runs `count` episodes of the greedy policy without learning. */
  runGreedyEpisodes(count?: number): void;
}

/** The greedy record a `greedy-episode` event reports. */
export function greedyRecord(
  event: Extract<TrainerEvent, { type: 'greedy-episode' }>,
): GreedyRecord {
  return {
    episodes: event.episodes,
    successes: event.successes,
    last: event.trajectory,
    lastReachedGoal: event.reachedGoal,
  };
}

/** Creates the slice and how it follows the runs (a new run starts an empty gallery). */
export function createGallerySlice({ send }: LabSliceContext): {
  slice: GalleryState & GalleryActions;
  follow: LabFollower;
} {
  return {
    slice: {
      frames: [],
      greedy: NO_GREEDY,
      runGreedyEpisodes: (count = 1) => {
        for (let i = 0; i < count; i++) send({ type: 'run-greedy-episode' });
      },
    },
    follow: {
      ready: () => ({ frames: [], greedy: NO_GREEDY }),
      snapshot: (s, state) =>
        s.frames.length > 0
          ? { frames: thinFrames([...state.frames, ...s.frames], MAX_FRAMES) }
          : {},
    },
  };
}
