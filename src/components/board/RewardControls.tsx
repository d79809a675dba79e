import { memo, useEffect, useId, useState, type FormEvent } from 'react';
import {
  checkLimit,
  REWARD_LIMITS,
  REWARD_ORDER,
  RUN_LIMITS,
  settingsRewards,
} from '../../rl/params';
import { checkNumber } from '../../rl/parse-values';
import type { RewardSchedule } from '../../rl/env-basics';
import { parseDecimal } from '../../shared/url/link-values';
import { useLab, useLabStore } from '../shell/lab-context';
import { FormField } from './FormField';
import { parseRate, rateText } from './rate-text';

/** The form's fields: the three rewards in Gymnasium's order, and the success rate. */
type Field = (typeof REWARD_ORDER)[number] | 'successRate';

type Form = Record<Field, string>;

/** The form for the run's schedule and success rate. */
function formOf(schedule: RewardSchedule, successRate: number): Form {
  return {
    goal: String(schedule[0]),
    hole: String(schedule[1]),
    frozen: String(schedule[2]),
    successRate: rateText(successRate),
  };
}

/** Each field's error (the limits' own words), or the values to set. */
export function readRewardForm(
  form: Form,
):
  | { ok: true; rewardSchedule: RewardSchedule; successRate: number }
  | { ok: false; errors: Partial<Form> } {
  const errors: Partial<Form> = {};
  const rewards = REWARD_ORDER.map((field) => {
    const read = checkNumber(REWARD_LIMITS[field], parseDecimal(form[field].trim()));
    if (!read.ok) errors[field] = read.error;
    return read.ok ? read.value : 0;
  });
  const successRate = parseRate(form.successRate);
  const rateError = checkLimit(RUN_LIMITS.successRate, successRate);
  if (rateError) errors.successRate = rateError;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rewardSchedule: [rewards[0]!, rewards[1]!, rewards[2]!], successRate };
}

/**
 * The rewards for entering the goal, a hole and a frozen tile (the start counts as frozen), and
 * the success rate of a slippery move, changed live: **Set** makes them act from the next step of
 * the run on screen, Q kept, and the change goes into the run's record, so it replays. A value out
 * of range is named beside its field and nothing changes.
 */
export const RewardControls = memo(function RewardControls() {
  const store = useLabStore();
  const schedule = useLab((s) => settingsRewards(s.settings));
  const successRate = useLab((s) => s.settings.successRate);
  const slippery = useLab((s) => s.settings.isSlippery);
  const id = useId();
  const [form, setForm] = useState<Form>(() => formOf(schedule, successRate));
  const [errors, setErrors] = useState<Partial<Form>>({});
  const [status, setStatus] = useState('');
  // A change from elsewhere (an experiment, a new run, an import) shows here too.
  useEffect(() => {
    setForm(formOf(schedule, successRate));
    setErrors({});
  }, [schedule, successRate]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readRewardForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      setStatus('Nothing changed: fix the values marked.');
      return;
    }
    setErrors({});
    store.getState().setEnv({ rewardSchedule: read.rewardSchedule, successRate: read.successRate });
    setStatus(
      `From the next step: rewards ${read.rewardSchedule.join(', ')}, success rate ${rateText(read.successRate)}; Q is kept.`,
    );
  };

  const field = (name: Field, hint?: string) => (
    <FormField
      id={`${id}-${name}`}
      label={name === 'successRate' ? RUN_LIMITS.successRate.label : REWARD_LIMITS[name].label}
      value={form[name]}
      error={errors[name]}
      inputMode="decimal"
      {...(hint ? { hint } : {})}
      onChange={(value) => setForm({ ...form, [name]: value })}
    />
  );

  return (
    <form
      className="map-picker reward-controls"
      aria-label="Rewards and ice, live"
      onSubmit={submit}
    >
      <h3>Rewards and ice, live</h3>
      <p className="hint">
        Gymnasium pays 1 for the goal and 0 elsewhere; the start counts as frozen. Set acts from the
        next step and keeps Q.
      </p>
      {field('goal')}
      {field('hole')}
      {field('frozen', 'For every step onto ice (or the start): try −0.01, a cost per step.')}
      {field(
        'successRate',
        slippery
          ? 'The chance a move goes where it is aimed. Gymnasium: 1/3.'
          : 'Only slippery ice slides: with this map’s ice every move goes where it is aimed.',
      )}
      <button type="submit">Set rewards and ice</button>
      <p className="map-picker-status" role="status">
        {status}
      </p>
    </form>
  );
});
