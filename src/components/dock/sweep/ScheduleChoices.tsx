import { formatRewardSchedule } from '../../../rl/parse-values';
import { scheduleWords, signed } from '../../../rl/sweep-env';
import { schedulesText, type NamedSchedule } from './sweep-form';

/** Props of `ScheduleChoices`. */
export interface ScheduleChoicesProps {
  /** "Values across" or "Values down". */
  legend: string;
  schedules: readonly NamedSchedule[];
  /** The axis's values as the form holds them: "1,0,0; 1,0,-0.01". */
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}

/**
 * A line of its own in the form (a flex item of `.sweep-form`), the boxes wrapping on a narrow
 * screen. Inline: the page's style sheets are not this folder's.
 */
const FIELDSET_STYLE = {
  flex: '1 1 100%',
  display: 'flex',
  flexWrap: 'wrap',
  gap: '4px 16px',
  margin: 0,
  // A fieldset is as wide as its widest content unless told otherwise: let the boxes wrap.
  minWidth: 0,
} as const;

/** A schedule as a person reads it: "1, −1, −0.01". */
function readable(schedule: NamedSchedule['schedule']): string {
  return schedule.map(signed).join(', ');
}

/**
 * The rewards axis's values: one checkbox per named schedule (Gymnasium's, the experiments', the
 * lab's), each named with its rewards for the goal, a hole and a frozen tile. The choice is kept as
 * the text the sweep's reader takes, in the order the schedules are listed.
 */
export function ScheduleChoices(p: ScheduleChoicesProps) {
  const chosen = new Set(scheduleWords(p.value));
  const toggle = (text: string, on: boolean) => {
    const next = p.schedules.filter((n) => {
      const t = formatRewardSchedule(n.schedule);
      return t === text ? on : chosen.has(t);
    });
    p.onChange(schedulesText(next.map((n) => n.schedule)));
  };
  return (
    <fieldset className="sweep-schedules" disabled={p.disabled} style={FIELDSET_STYLE}>
      <legend>{p.legend}</legend>
      {p.schedules.map((n) => {
        const text = formatRewardSchedule(n.schedule);
        return (
          <label key={text}>
            <input
              type="checkbox"
              checked={chosen.has(text)}
              onChange={(e) => toggle(text, e.target.checked)}
            />
            {`${n.name} (${readable(n.schedule)})`}
          </label>
        );
      })}
    </fieldset>
  );
}
