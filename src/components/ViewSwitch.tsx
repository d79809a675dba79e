import { memo } from 'react';
import type { GridView } from '../store/lab-store';
import { useLab } from './lab-context';
import { lessonTarget } from './lesson/targets';

const VIEWS: { view: GridView; label: string; title: string }[] = [
  { view: 'v', label: 'V(s)', title: 'State values: V(s) = max over a of Q(s,a)' },
  { view: 'q', label: 'Q(s,a)', title: 'Action values: one triangle per action' },
  {
    view: 'a',
    label: 'A(s,a)',
    title: 'Advantages: A(s,a) = Q(s,a) − V(s), 0 at the greedy action',
  },
];

/** Radio group choosing what the grid colours. */
export const ViewSwitch = memo(function ViewSwitch() {
  const view = useLab((s) => s.view);
  const setView = useLab((s) => s.setView);
  return (
    <fieldset className="view-switch" {...lessonTarget('view')}>
      <legend>Show</legend>
      {VIEWS.map((v) => (
        <label key={v.view} title={v.title} className={view === v.view ? 'active' : undefined}>
          <input
            type="radio"
            name="grid-view"
            value={v.view}
            checked={view === v.view}
            onChange={() => setView(v.view)}
          />
          {v.label}
        </label>
      ))}
    </fieldset>
  );
});
