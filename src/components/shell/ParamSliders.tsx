import { memo } from 'react';
import { PARAM_LIMITS, type QParams } from '../../rl/params';
import { useLab } from './lab-context';
import { Disclosure } from './Disclosure';
import { Slider } from './Slider';
import { Hideable, isShown } from './Hideable';
import type { HideableId } from '../../shared/hideable';
import { PARAM_URL_KEYS } from '../../shared/url/url-state';

/** The hyperparameter controls a teacher's link can hide, one by one (by their link keys). */
const PARAM_HIDEABLES: readonly HideableId[] = PARAM_URL_KEYS;

type NumericParam = Exclude<keyof QParams, 'tieBreak' | 'epsilon'>;

/** Slider ranges for the hyperparameters (the exact field allows the whole `PARAM_LIMITS`). */
const SLIDERS: Record<
  NumericParam,
  { min: number; max: number; step: number; hint: string; digits: number; short?: string }
> = {
  alpha: {
    short: 'α',
    min: 0.01,
    max: 1,
    step: 0.01,
    digits: 2,
    hint: 'How far each update moves Q(s,a) toward the TD target.',
  },
  gamma: {
    short: 'γ',
    min: 0,
    max: 1,
    step: 0.01,
    digits: 3,
    hint: 'How much a reward one step later is worth: the return is r + γ·r′ + γ²·r″ …',
  },
  epsilonDecay: {
    min: 0,
    max: 0.001,
    step: 0.00001,
    digits: 5,
    hint: 'Subtracted from ε after every step.',
  },
  minEpsilon: {
    min: 0,
    max: 0.5,
    step: 0.01,
    digits: 2,
    hint: 'ε never decays below this.',
  },
};

/** One hyperparameter's slider; re-renders only when that parameter changes. */
export const ParamSlider = memo(function ParamSlider({ name }: { name: NumericParam }) {
  const value = useLab((s) => s.params[name]);
  const setParams = useLab((s) => s.setParams);
  const spec = SLIDERS[name];
  const limit = PARAM_LIMITS[name];
  return (
    <Slider
      label={limit.label}
      {...(spec.short ? { short: spec.short } : {})}
      value={value}
      min={spec.min}
      max={spec.max}
      step={spec.step}
      limitMin={limit.min}
      limitMax={limit.max}
      hint={spec.hint}
      format={(v) => v.toFixed(spec.digits)}
      onChange={(v) => setParams({ [name]: v })}
      {...(name === 'alpha' ? { target: 'alpha' as const } : {})}
      {...(name === 'epsilonDecay' ? { target: 'decay' as const } : {})}
      {...(name === 'alpha'
        ? { term: 'alpha' as const }
        : name === 'gamma'
          ? { term: 'gamma' as const }
          : {})}
    />
  );
});

/**
 * ε as it is now: it decays while training, so this slider follows the live value (and is the
 * one control that re-renders with snapshots). Setting it sets the current ε.
 */
export const EpsilonSlider = memo(function EpsilonSlider() {
  const epsilon = useLab((s) => Math.round(s.epsilon * 1000) / 1000);
  const setParams = useLab((s) => s.setParams);
  const limit = PARAM_LIMITS.epsilon;
  return (
    <Slider
      label={limit.label}
      short="ε"
      value={epsilon}
      min={0}
      max={1}
      step={0.01}
      hint="The chance of a random (exploring) action instead of the greedy one. Decays every step."
      format={(v) => v.toFixed(3)}
      onChange={(v) => setParams({ epsilon: v })}
      term="epsilon"
      target="epsilon"
    />
  );
});

/** The tie rule of the greedy action. */
export const TieBreakSwitch = memo(function TieBreakSwitch() {
  const tieBreak = useLab((s) => s.params.tieBreak);
  const setParams = useLab((s) => s.setParams);
  return (
    <label className="inline-field">
      <input
        type="checkbox"
        checked={tieBreak === 'random'}
        onChange={(e) => setParams({ tieBreak: e.target.checked ? 'random' : 'first' })}
      />
      Break ties at random (the lesson: lowest action, numpy's argmax)
    </label>
  );
});

/**
 * All hyperparameter controls (those a teacher's link leaves; none: no fieldset): α, γ, ε and
 * ε decay in the bar, Minimum ε and the tie rule under "More". Selects booleans, so snapshots
 * never re-render it.
 */
export const ParamSliders = memo(function ParamSliders() {
  const anyShown = useLab((s) => PARAM_HIDEABLES.some((id) => isShown(s, id)));
  const moreShown = useLab((s) => isShown(s, 'min_eps') || isShown(s, 'ties'));
  if (!anyShown) return null;
  return (
    <fieldset className="params">
      <legend className="visually-hidden">Hyperparameters</legend>
      <Hideable id="alpha">
        <ParamSlider name="alpha" />
      </Hideable>
      <Hideable id="gamma">
        <ParamSlider name="gamma" />
      </Hideable>
      <Hideable id="eps">
        <EpsilonSlider />
      </Hideable>
      <Hideable id="decay">
        <ParamSlider name="epsilonDecay" />
      </Hideable>
      {moreShown && (
        <Disclosure label="More" className="params-more" title="Minimum ε and the tie rule">
          <Hideable id="min_eps">
            <ParamSlider name="minEpsilon" />
          </Hideable>
          <Hideable id="ties">
            <TieBreakSwitch />
          </Hideable>
        </Disclosure>
      )}
    </fieldset>
  );
});
