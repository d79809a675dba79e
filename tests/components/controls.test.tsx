// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ParamSlider, ParamSliders } from '../../src/components/shell/ParamSliders';
import { PlaybackControls } from '../../src/components/shell/PlaybackControls';
import { SpeedControl } from '../../src/components/shell/SpeedControl';
import { StatusLine } from '../../src/components/shell/StatusLine';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

function Controls() {
  return (
    <>
      <PlaybackControls />
      <StatusLine />
      <SpeedControl />
      <ParamSliders />
    </>
  );
}

describe('controls', () => {
  it('Step makes exactly one update and the status line says so', async () => {
    const { store } = renderWithLab(<Controls />);
    const user = userEvent.setup();
    expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      expect.stringContaining('Total steps 0'),
    );
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    expect(screen.getByRole('status').textContent).toContain('Total steps 1');
    expect(screen.getByRole('status').textContent).toContain('Episode 0');
  });

  it('Play becomes Pause once the worker runs, and back', async () => {
    const { store, worker } = renderWithLab(<Controls />);
    const user = userEvent.setup();
    const nextFrame = () =>
      act(() => {
        worker.endpoint.advance(20);
        store.getState().snapshotDrawn();
      });
    await user.click(screen.getByRole('button', { name: 'Play' }));
    nextFrame();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Training');
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    nextFrame();
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Paused');
  });

  it('every slider has a visible label that names it', () => {
    renderWithLab(<Controls />);
    for (const name of [
      'Learning rate α',
      'Discount γ',
      'Exploration ε',
      'ε decay',
      'Minimum ε',
      'Speed',
    ]) {
      const slider = screen.getByRole('slider', { name });
      expect(slider.id).not.toBe('');
      expect(document.querySelector(`label[for="${slider.id}"]`)?.textContent).toBe(name);
    }
  });

  it('the keyboard moves the α slider and the worker uses the new value', async () => {
    const { store } = renderWithLab(<Controls />);
    const user = userEvent.setup();
    const alpha = screen.getByRole('slider', { name: 'Learning rate α' });
    alpha.focus();
    // jsdom does not implement range keyboard stepping; fire the change it would make.
    fireEvent.change(alpha, { target: { value: '0.11' } });
    expect(store.getState().params.alpha).toBe(0.11);
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    expect(store.getState().snapshot?.last?.alpha).toBe(0.11);
  });

  it('an exact value out of range is refused with a message and kept in the field', async () => {
    const { store } = renderWithLab(<Controls />);
    const user = userEvent.setup();
    const field = screen.getByRole('spinbutton', { name: 'Discount γ, exact value' });
    await user.clear(field);
    await user.type(field, '1.5{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/Discount γ: enter a number from 0 to 1/);
    expect((field as HTMLInputElement).value).toBe('1.5');
    expect(store.getState().params.gamma).toBe(0.99);
    await user.clear(field);
    await user.type(field, '0.9{Enter}');
    expect(store.getState().params.gamma).toBe(0.9);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('snapshots do not re-render the playback controls, the speed control or a parameter slider', () => {
    const counts = { playback: 0, speed: 0, alpha: 0 };
    const count =
      (key: keyof typeof counts): ProfilerOnRenderCallback =>
      () => {
        counts[key]++;
      };
    const { store, worker } = renderWithLab(
      <>
        <Profiler id="playback" onRender={count('playback')}>
          <PlaybackControls />
        </Profiler>
        <Profiler id="speed" onRender={count('speed')}>
          <SpeedControl />
        </Profiler>
        <Profiler id="alpha" onRender={count('alpha')}>
          <ParamSlider name="alpha" />
        </Profiler>
        <StatusLine />
      </>,
      { speed: 'max' },
    );
    act(() => store.getState().step());
    act(() => store.getState().snapshotDrawn());
    const before = { ...counts };
    const steps = store.getState().totalSteps;
    for (let i = 0; i < 30; i++) {
      act(() => store.getState().step());
      act(() => store.getState().snapshotDrawn());
      act(() => worker.endpoint.advance(20));
    }
    expect(store.getState().totalSteps).toBe(steps + 30);
    expect(screen.getByRole('status').textContent).toContain(`Total steps ${steps + 30}`);
    expect(counts).toEqual(before);
  });
});
