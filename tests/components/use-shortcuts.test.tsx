// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useLabStore } from '../../src/components/shell/lab-context';
import { OWN_KEYS_ATTRIBUTE } from '../../src/components/shell/own-keys';
import { useShortcuts } from '../../src/components/shell/useShortcuts';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

const noop = () => {};

/** A region that claims the arrows but handles none of them itself (no preventDefault). */
function Harness() {
  useShortcuts(useLabStore(), noop, noop);
  return (
    <div
      role="group"
      aria-label="Claims arrows"
      tabIndex={0}
      {...{ [OWN_KEYS_ATTRIBUTE]: 'arrows' }}
    >
      <button type="button">Inside</button>
    </div>
  );
}

describe('useShortcuts with a region that claims keys', () => {
  it('→ inside the region does not step the run; S there still does', async () => {
    const { worker } = renderWithLab(<Harness />);
    const user = userEvent.setup();
    const steps = () => worker.sent.filter((c) => c.type === 'step').length;
    screen.getByRole('button', { name: 'Inside' }).focus();
    await user.keyboard('{ArrowRight}{ArrowLeft}');
    expect(steps()).toBe(0);
    await user.keyboard('s');
    expect(steps()).toBe(1);
    // Outside the region → is Step again.
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('{ArrowRight}');
    expect(steps()).toBe(2);
  });
});
