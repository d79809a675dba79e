import { useEffect, useState } from 'react';
import { shallow } from 'zustand/vanilla/shallow';
import { TUNED_PRESETS } from '../../../rl/tuned-presets';
import type { LabState } from '../../../store/lab-store';
import { useLab, useLabStore } from '../../shell/lab-context';
import { tunedPresetSettings } from '../io/presets';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { stepsToFloor } from '../../../rl/epsilon-floor';
import { floorEpisode, isLessonOn8x8, zeroRows } from './why-8x8';
import { formatFixed, formatPercent, formatThousands } from '../../../viz/format';

/** The 8x8 preset the notice offers. */
const PRESET_8X8 = TUNED_PRESETS.find((p) => p.map === '8x8')!;

/** The live numbers, re-read at most 4 times a second. */
function readings(s: LabState) {
  const snap = s.snapshot;
  const rows = snap && s.env ? zeroRows(s.env.desc, snap.q) : null;
  return {
    runId: s.runId,
    episode: s.episode,
    epsilon: s.epsilon,
    zero: rows?.zero ?? NaN,
    nonTerminal: rows?.nonTerminal ?? NaN,
    success: snap ? snap.evaluation.successProbability : NaN,
  };
}

/**
 * Shown on the 8x8 map with the lesson's settings: why that run learns nothing, from the run
 * itself — the episode at which ε reached its floor, the states whose Q row is still all zeros
 * (ties there send the agent Left), the greedy policy's exact success — and a button that loads
 * the 8x8 preset that works.
 */
export function WhyEightByEight() {
  const show = useLab((s) => isLessonOn8x8(s.settings));
  // Mounted only when shown: on any other map nothing reads the live numbers or re-renders.
  return show ? <WhyEightByEightPanel /> : null;
}

/** The panel itself (its parent mounts it only on 8x8 with the lesson's settings). */
function WhyEightByEightPanel() {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const r = useThrottledLab(readings, shallow);
  const [floor, setFloor] = useState<{ runId: number; episode: number } | null>(null);
  const k = stepsToFloor(settings.params);

  // Every snapshot, not a throttled one: the episode lengths come in batches, once each.
  useEffect(() => {
    let found: number | null = null;
    return store.subscribe((s, prev) => {
      if (s.runId !== prev.runId) found = null;
      if (found !== null || !s.snapshot || s.snapshot === prev.snapshot) return;
      if (s.snapshot.runId !== s.runId) return;
      found = floorEpisode(k, s.snapshot);
      if (found !== null) setFloor({ runId: s.runId, episode: found });
    });
  }, [store, k]);

  const floorText =
    floor && floor.runId === r.runId
      ? `ε reached its floor of ${settings.params.minEpsilon} in episode ${formatThousands(floor.episode + 1)}, after ${formatThousands(k)} steps: from then on the agent explores only ${settings.params.minEpsilon * 100}% of the time.`
      : `ε falls by ${settings.params.epsilonDecay} a step and reaches its floor of ${settings.params.minEpsilon} after ${formatThousands(k)} steps; now ε is ${formatFixed(r.epsilon, 3)}.`;
  const load = () => {
    const { settings: current, applySettings, setSpeed } = store.getState();
    if (applySettings(tunedPresetSettings(PRESET_8X8, current), '8x8')) setSpeed('max');
  };
  return (
    <section className="panel why-8x8" aria-label="Why the lesson's settings fail on 8x8">
      <h2>Why the lesson&apos;s settings fail on 8x8</h2>
      <ul className="why-8x8-facts">
        <li data-fact="floor">{floorText}</li>
        <li data-fact="zero-rows">
          {Number.isFinite(r.zero)
            ? `${formatThousands(r.zero)} of ${formatThousands(r.nonTerminal)} states the agent can stand on still have Q = 0 for all four actions: the actions tie, and ties go Left, away from the goal in the bottom-right corner.`
            : 'Every Q starts at 0: the four actions tie, and ties go Left.'}
        </li>
        <li data-fact="success">
          Exact chance the greedy policy reaches the goal within the time limit:{' '}
          {formatPercent(r.success, 1, '—')}, after {formatThousands(r.episode)} episodes.
        </li>
      </ul>
      <p className="hint">{PRESET_8X8.why}</p>
      <button type="button" onClick={load}>
        Load the 8x8 preset that works
      </button>
    </section>
  );
}
