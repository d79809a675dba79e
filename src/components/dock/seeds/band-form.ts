/**
 * The seed band's form: the seed count and episodes as typed, read with the core's parsers
 * (`rl/parse-values` against `BAND_SEED_LIMIT` and `RUN_LIMITS.episodes`) into a band request on
 * the lab's current map and settings.
 */
import type { BandRequest } from '../../../rl/band-plan';
import { RUN_LIMITS } from '../../../rl/params';
import { parseNumber } from '../../../rl/parse-values';
import type { RunSettings } from '../../../rl/replay';
import { BAND_SEED_LIMIT } from '../../../rl/band-limit';

/** The form's fields, as typed. */
export interface BandForm {
  seeds: string;
  episodes: string;
}

/** Seeds a band draws when neither the link nor the user says otherwise. */
export const DEFAULT_BAND_SEEDS = 8;

/** The request the form describes, or every problem with it (each naming its field). */
export function bandRequestFromForm(
  form: BandForm,
  settings: RunSettings,
): { ok: true; request: BandRequest } | { ok: false; errors: string[] } {
  const seeds = parseNumber(BAND_SEED_LIMIT, form.seeds.trim());
  const episodes = parseNumber(RUN_LIMITS.episodes, form.episodes.trim());
  const errors = [seeds, episodes].flatMap((r) => (r.ok ? [] : [r.error]));
  if (!seeds.ok || !episodes.ok) return { ok: false, errors };
  return {
    ok: true,
    request: {
      env: {
        map: [...settings.map],
        isSlippery: settings.isSlippery,
        successRate: settings.successRate,
        // The lab's reward schedule, when it has one of its own (absent: Gymnasium's).
        ...(settings.rewardSchedule ? { rewardSchedule: settings.rewardSchedule } : {}),
        maxSteps: settings.maxSteps,
      },
      params: { ...settings.params },
      firstSeed: settings.seed,
      count: seeds.value,
      episodes: episodes.value,
      // The lab's algorithm and options, when it has others than the lesson's.
      ...(settings.algorithm || settings.learner
        ? {
            learner: {
              ...(settings.algorithm ? { algorithm: settings.algorithm } : {}),
              ...(settings.learner ? { options: { ...settings.learner } } : {}),
            },
          }
        : {}),
    },
  };
}

/** `search` with the seed band's `seeds=` set to `count` (for `labQuery` to carry over). */
export function withBandSeeds(search: string, count: number): string {
  const params = new URLSearchParams(search);
  params.set('seeds', String(count));
  return `?${params.toString()}`;
}
