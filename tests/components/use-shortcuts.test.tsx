// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useLabStore } from '../../src/components/shell/lab-context';
import {
  holdEarlyKeys,
  MAX_EARLY_KEYS,
  takeEarlyKeys,
} from '../../src/components/shell/early-keys';
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

/** The shortcuts alone, on or off. */
function Listening({ enabled }: { enabled: boolean }) {
  useShortcuts(useLabStore(), noop, noop, enabled);
  return null;
}

const press = (key: string) =>
  document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('keys pressed before the shortcuts’ code arrived', () => {
  it('are acted on, in order, once the shortcuts listen: → → steps twice, and only once each', () => {
    holdEarlyKeys();
    press('ArrowRight');
    press('ArrowRight');
    const { worker } = renderWithLab(<Listening enabled />);
    expect(worker.sent.filter((c) => c.type === 'step')).toHaveLength(2);
    expect(takeEarlyKeys()).toEqual([]);
  });

  it('are dropped when a teacher’s link turned the shortcuts off, and at most a few are held', () => {
    holdEarlyKeys();
    for (let i = 0; i < MAX_EARLY_KEYS + 5; i++) press('ArrowRight');
    const { worker } = renderWithLab(<Listening enabled={false} />);
    expect(worker.sent.filter((c) => c.type === 'step')).toHaveLength(0);
    expect(takeEarlyKeys()).toEqual([]);
    holdEarlyKeys();
    for (let i = 0; i < MAX_EARLY_KEYS + 5; i++) press('ArrowRight');
    expect(takeEarlyKeys()).toHaveLength(MAX_EARLY_KEYS);
  });
});
