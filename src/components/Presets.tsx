import { memo, useId, useState } from 'react';
import { useLab, useLabStore } from './lab-context';
import { PRESETS, presetInForce, presetSettings, type Preset } from './presets';

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
  const note = applied && presetInForce(applied, settings) ? applied : null;

  const apply = (preset: Preset) => {
    const { settings: current, mapName, applySettings } = store.getState();
    if (applySettings(presetSettings(preset, current), mapName)) setApplied(preset);
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
      <p className="presets-note" role="status">
        {note && (
          <>
            <strong>{note.name}.</strong> {note.watch}
          </>
        )}
      </p>
    </fieldset>
  );
});
