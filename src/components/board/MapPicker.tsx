import { memo, useId, useMemo, useRef, useState } from 'react';
import { FormField } from './FormField';
import { RewardControls } from './RewardControls';
import { parseRate, rateText } from './rate-text';
import { defaultMaxSteps } from '../../rl/env-basics';
import { isMapName, MAPS, type MapName } from '../../rl/maps';
import { checkLimit, describeLimit, RUN_LIMITS, type Limit } from '../../rl/params';
import type { LabState } from '../../store/lab-store';
import { RANDOM_MAP_LIMITS } from '../../rl/params';
import { parseDecimal } from '../../shared/url/link-values';
import { mapRows, parseMapSpec } from '../../shared/url/map-spec';
import type { RunSettings } from '../../worker/protocol';
import { useLab } from '../shell/lab-context';
import { timeLimitRule } from '../dock/glossary/lesson-figures';

/** What the map select offers. */
type MapMode = MapName | 'random' | 'custom';

/** The form as typed: text is kept as written, so a refusal never loses it. */
export interface MapForm {
  mode: MapMode;
  size: string;
  p: string;
  mapSeed: string;
  rows: string;
  isSlippery: boolean;
  successRate: string;
  /** Empty: Gymnasium's time limit for the map's size. */
  maxSteps: string;
}

type Field = 'size' | 'p' | 'mapSeed' | 'rows' | 'successRate' | 'maxSteps';

/** The environment part of a run, as the form would apply it. */
interface MapChoice {
  map: string[];
  mapName: MapName | 'custom';
  isSlippery: boolean;
  successRate: number;
  maxSteps: number;
}

/** The checked form: a message per bad field, and the choice when there is none. */
interface FormCheck {
  errors: Partial<Record<Field, string>>;
  choice: MapChoice | null;
}

type LabMap = Pick<LabState, 'settings' | 'mapName'>;

/** `null` if `text` is a number within `limit`, else why not (the limit's own words). */
function numberError(limit: Limit, text: string, value = parseDecimal(text.trim())): string | null {
  if (Number.isNaN(value)) return `${limit.label} must be ${describeLimit(limit)}.`;
  return checkLimit(limit, value);
}

function maxStepsText(settings: RunSettings): string {
  const rows = settings.map;
  return settings.maxSteps === defaultMaxSteps(rows.length, rows[0]?.length ?? 0)
    ? ''
    : String(settings.maxSteps);
}

/** The form describing the lab's current map and ice. */
function formFromLab({ settings, mapName }: LabMap): MapForm {
  return {
    mode: mapName,
    size: '8',
    p: '0.8',
    mapSeed: '0',
    rows: mapName === 'custom' ? settings.map.join(',') : '',
    isSlippery: settings.isSlippery,
    successRate: rateText(settings.successRate),
    maxSteps: maxStepsText(settings),
  };
}

/** The rows the form's map fields describe, and their errors. */
function checkMap(form: MapForm): { rows: string[] | null; errors: FormCheck['errors'] } {
  if (isMapName(form.mode)) return { rows: [...MAPS[form.mode]], errors: {} };
  if (form.mode === 'custom') {
    if (form.rows.trim() === '')
      return {
        rows: null,
        errors: { rows: 'Type the rows of the map, e.g. SFFF,FHFH,FFFH,HFFG.' },
      };
    const spec = parseMapSpec(form.rows);
    if (typeof spec === 'string') return { rows: null, errors: { rows: spec } };
    // Rows only: "4x4" or "random" typed here would be a different way of picking a map.
    if (spec.kind !== 'custom')
      return {
        rows: null,
        errors: { rows: 'Type rows of S, F, H and G, e.g. SFFF,FHFH,FFFH,HFFG.' },
      };
    return { rows: spec.rows, errors: {} };
  }
  const errors: FormCheck['errors'] = {};
  const size = numberError(RANDOM_MAP_LIMITS.size, form.size);
  const p = numberError(RANDOM_MAP_LIMITS.p, form.p);
  const seed = numberError(RANDOM_MAP_LIMITS.seed, form.mapSeed);
  if (size) errors.size = size;
  if (p) errors.p = p;
  if (seed) errors.mapSeed = seed;
  if (size || p || seed) return { rows: null, errors };
  return {
    rows: mapRows({
      kind: 'random',
      size: parseDecimal(form.size.trim()),
      p: parseDecimal(form.p.trim()),
      seed: parseDecimal(form.mapSeed.trim()),
    }),
    errors,
  };
}

/** Checks every field with the limits of `rl/params` and the map rules of `rl/maps`. */
export function checkMapForm(form: MapForm): FormCheck {
  const { rows, errors } = checkMap(form);
  const rate = parseRate(form.successRate);
  // The rate matters only on slippery ice; a hidden bad value does not block Apply.
  const rateError = form.isSlippery
    ? numberError(RUN_LIMITS.successRate, form.successRate, rate)
    : null;
  if (rateError) errors.successRate = rateError;
  const steps = form.maxSteps.trim();
  const stepsError = steps === '' ? null : numberError(RUN_LIMITS.maxSteps, steps);
  if (stepsError) errors.maxSteps = stepsError;
  if (!rows || Object.keys(errors).length > 0) return { errors, choice: null };
  return {
    errors,
    choice: {
      map: rows,
      mapName: isMapName(form.mode) ? form.mode : 'custom',
      isSlippery: form.isSlippery,
      successRate: Number.isNaN(rate) || rateError !== null ? 1 / 3 : rate,
      maxSteps: steps === '' ? defaultMaxSteps(rows.length, rows[0]!.length) : parseDecimal(steps),
    },
  };
}

function sameRows(a: readonly string[] | null | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((r, i) => r === b[i]);
}

/**
 * The form after the lab changed from `prev` to `next` (a preset, another control, this form's
 * own Apply): a field follows the lab only where the lab's value changed and the form does not
 * already say it, so text being typed elsewhere in the form is kept.
 */
function followLab(form: MapForm, prev: LabMap, next: LabMap): MapForm {
  const out = { ...form };
  const a = prev.settings;
  const b = next.settings;
  const mapChanged = !sameRows(a.map, b.map);
  if (mapChanged && !sameRows(checkMap(form).rows, b.map)) {
    out.mode = next.mapName;
    if (next.mapName === 'custom') out.rows = b.map.join(',');
  }
  if (a.isSlippery !== b.isSlippery) out.isSlippery = b.isSlippery;
  if (a.successRate !== b.successRate && parseRate(form.successRate) !== b.successRate)
    out.successRate = rateText(b.successRate);
  if (mapChanged || a.maxSteps !== b.maxSteps) {
    const typed = form.maxSteps.trim();
    const shown =
      typed === '' ? defaultMaxSteps(b.map.length, b.map[0]?.length ?? 0) : Number(typed);
    if (shown !== b.maxSteps) out.maxSteps = maxStepsText(b);
  }
  return out;
}

/** "4 by 4: 4 holes", a line on the map Apply would start. */
function describeRows(rows: readonly string[]): string {
  const holes = rows.join('').split('H').length - 1;
  return `${rows.length} by ${rows[0]!.length}: ${holes} hole${holes === 1 ? '' : 's'}`;
}

/**
 * The map and the ice: a Gymnasium map, a seeded random one or rows typed in, slippery or not.
 * Everything is checked as it is typed (with the core's own messages); Apply starts a new run,
 * and does nothing while a field is wrong. Typed text is never thrown away.
 */
export const MapSettings = memo(function MapSettings() {
  const settings = useLab((s) => s.settings);
  const mapName = useLab((s) => s.mapName);
  const applySettings = useLab((s) => s.applySettings);
  const id = useId();
  const [form, setForm] = useState<MapForm>(() => formFromLab({ settings, mapName }));
  const [seen, setSeen] = useState<LabMap>({ settings, mapName });
  const [status, setStatus] = useState('');
  const formRef = useRef<HTMLFieldSetElement>(null);

  // Follow the lab when it changes (React's "adjust state on a prop change", during render).
  if (seen.settings !== settings || seen.mapName !== mapName) {
    setSeen({ settings, mapName });
    setForm(followLab(form, seen, { settings, mapName }));
  }

  const check = useMemo(() => checkMapForm(form), [form]);
  const edit = (change: Partial<MapForm>) => {
    setStatus('');
    setForm((f) => ({ ...f, ...change }));
  };

  const apply = () => {
    if (!check.choice) {
      setStatus('Nothing was applied: correct the field whose message is shown first.');
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const { mapName: name, ...env } = check.choice;
    if (applySettings({ ...settings, ...env }, name)) setStatus('Applied: a new run started.');
  };

  return (
    <fieldset className="map-picker" ref={formRef}>
      <legend id={`${id}-legend`}>Map</legend>
      <div className="map-picker-field">
        {/* Named by the legend: a second visible "Map" right under it would only repeat it. */}
        <select
          id={`${id}-map`}
          aria-labelledby={`${id}-legend`}
          value={form.mode}
          onChange={(e) => {
            const mode = e.target.value as MapMode;
            // Custom starts from the map on screen, to edit rather than type from nothing.
            edit(
              mode === 'custom' && form.rows.trim() === ''
                ? { mode, rows: settings.map.join(',') }
                : { mode },
            );
          }}
        >
          <option value="4x4">4x4 (Gymnasium)</option>
          <option value="8x8">8x8 (Gymnasium)</option>
          <option value="random">Random</option>
          <option value="custom">Custom</option>
        </select>
      </div>

      {form.mode === 'random' && (
        <div className="map-picker-random">
          <FormField
            id={`${id}-size`}
            label={RANDOM_MAP_LIMITS.size.label}
            value={form.size}
            error={check.errors.size}
            inputMode="numeric"
            hint={`A square map, ${RANDOM_MAP_LIMITS.size.min} to ${RANDOM_MAP_LIMITS.size.max} tiles a side.`}
            onChange={(size) => edit({ size })}
          />
          <FormField
            id={`${id}-p`}
            label={RANDOM_MAP_LIMITS.p.label}
            value={form.p}
            error={check.errors.p}
            inputMode="decimal"
            hint="Each tile is frozen with probability p, else a hole (the goal stays reachable)."
            onChange={(p) => edit({ p })}
          />
          <FormField
            id={`${id}-seed`}
            label={RANDOM_MAP_LIMITS.seed.label}
            value={form.mapSeed}
            error={check.errors.mapSeed}
            inputMode="numeric"
            hint="The same seed draws the same map."
            onChange={(mapSeed) => edit({ mapSeed })}
          />
        </div>
      )}

      {form.mode === 'custom' && (
        <FormField
          id={`${id}-rows`}
          label="Rows"
          value={form.rows}
          error={check.errors.rows}
          placeholder="SFFF,FHFH,FFFH,HFFG"
          hint="Rows separated by commas: S start, F frozen, H hole, G goal."
          onChange={(rows) => edit({ rows })}
        />
      )}

      <label className="inline-field">
        <input
          type="checkbox"
          checked={form.isSlippery}
          onChange={(e) => edit({ isSlippery: e.target.checked })}
        />
        Slippery ice
      </label>
      {form.isSlippery && (
        <FormField
          id={`${id}-rate`}
          label={RUN_LIMITS.successRate.label}
          value={form.successRate}
          error={check.errors.successRate}
          inputMode="decimal"
          hint="The chance a move goes where it is aimed; else it slides to one side. Gymnasium: 1/3."
          onChange={(successRate) => edit({ successRate })}
        />
      )}
      <FormField
        id={`${id}-steps`}
        label={RUN_LIMITS.maxSteps.label}
        value={form.maxSteps}
        error={check.errors.maxSteps}
        inputMode="numeric"
        placeholder={check.choice ? `${check.choice.maxSteps} (Gymnasium)` : 'Gymnasium’s'}
        hint={`Steps per episode. Empty: ${timeLimitRule()}.`}
        onChange={(maxSteps) => edit({ maxSteps })}
      />

      {check.choice && (
        <p className="hint">Apply would start on a map of {describeRows(check.choice.map)}.</p>
      )}
      <p className="map-picker-note">Applying a new map starts a new run.</p>
      <button type="button" onClick={apply}>
        Apply
      </button>
      <p className="map-picker-status" role="status">
        {status}
      </p>
    </fieldset>
  );
});

/**
 * What the map chip opens: the map settings (a new map starts a new run) and, beside them, the
 * rewards and the ice, which change live.
 */
export const MapPicker = memo(function MapPicker() {
  return (
    <>
      <MapSettings />
      <RewardControls />
    </>
  );
});
