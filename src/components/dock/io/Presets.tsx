import { memo, useId, useState } from 'react';
import { useLab, useLabStore } from '../../shell/lab-context';
import {
  PRESETS,
  presetInForce,
  presetSettings,
  TUNED_LAB_PRESETS,
  tunedPresetInForce,
  tunedPresetSettings,
  type Preset,
} from './presets';
import type { TunedPreset } from '../../../rl/tuned-presets';
import { formatThousands } from '../../../viz/format';

/**
 * One button per experiment. A click starts a new run of the preset on the current map and says
 * what to watch for; the note goes once the run no longer is the preset (a slider moved, the ice
 * changed). Selects only the settings, so snapshots never re-render it.
 */
export const Presets = memo(function Presets() {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const id = useId();
  const [applied, setApplied] = useState<Preset | null>(null);
  const [tuned, setTuned] = useState<TunedPreset | null>(null);
  const note = applied && presetInForce(applied, settings) ? applied : null;
  const tunedNote = tuned && tunedPresetInForce(tuned, settings) ? tuned : null;

  const apply = (preset: Preset) => {
    const { settings: current, mapName, applySettings } = store.getState();
    if (applySettings(presetSettings(preset, current), mapName)) {
      setApplied(preset);
      setTuned(null);
    }
  };

  const applyTuned = (preset: TunedPreset) => {
    const { settings: current, applySettings, setSpeed } = store.getState();
    if (applySettings(tunedPresetSettings(preset, current), preset.map)) {
      // Tens of thousands of episodes: only full speed finishes them while the class watches.
      setSpeed('max');
      setTuned(preset);
      setApplied(null);
    }
  };

  return (
    <fieldset className="presets">
      <legend>Experiments</legend>
      <p className="hint">
        Each is the lesson&apos;s run with one change, on this map; a click starts a new run.
      </p>
      <ul className="presets-list">
        {PRESETS.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              aria-describedby={`${id}-${preset.id}`}
              onClick={() => apply(preset)}
            >
              {preset.name}
            </button>
            <span id={`${id}-${preset.id}`} className="presets-summary">
              {preset.summary}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="presets-subhead">Presets that pass Gymnasium&apos;s bar</h3>
      <ul className="presets-list">
        {TUNED_LAB_PRESETS.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              aria-describedby={`${id}-${preset.id}`}
              onClick={() => applyTuned(preset)}
            >
              {preset.name}
            </button>
            <span id={`${id}-${preset.id}`} className="presets-summary">
              {preset.map}, {formatThousands(preset.episodes)} episodes, γ {preset.params.gamma}, ε
              decay {preset.params.epsilonDecay} per step; median exact success over seeds 0–9 at
              least {preset.threshold}
            </span>
          </li>
        ))}
      </ul>
      <p className="presets-note" role="status">
        {note && (
          <>
            <strong>{note.name}.</strong> {note.watch}
          </>
        )}
        {tunedNote && (
          <>
            <strong>{tunedNote.name}.</strong> {tunedNote.why} Speed is set to full: press Play.
          </>
        )}
      </p>
    </fieldset>
  );
});
