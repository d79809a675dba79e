// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PresenterButton } from '../../src/components/shell/DisplayControls';
import { ThemeControls } from '../../src/components/shell/ThemeControls';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('PresenterButton', () => {
  it('is a toggle named "Presenter mode" that switches presenter mode on and off', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<PresenterButton />);
    const button = screen.getByRole('button', { name: 'Presenter mode' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await user.click(button);
    expect(store.getState().display.presenter).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await user.click(button);
    expect(store.getState().display.presenter).toBe(false);
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('starts pressed when the store starts in presenter mode', () => {
    renderWithLab(<PresenterButton />, { display: { presenter: true } });
    expect(
      screen.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });
});

describe('ThemeControls', () => {
  it('a Display group with the theme (System, Light, Dark) and the colour-blind palette', () => {
    renderWithLab(<ThemeControls />);
    const group = screen.getByRole('group', { name: 'Display' });
    const theme = within(group).getByRole('combobox', { name: 'Theme' });
    expect(
      within(theme)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['System', 'Light', 'Dark']);
    expect((theme as HTMLSelectElement).value).toBe('system');
    expect(
      within(group).getByRole('checkbox', { name: 'Colour-blind-safe palette' }),
    ).toHaveProperty('checked', false);
  });

  it('choosing Dark sets the theme; the checkbox switches the palette and back', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<ThemeControls />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Dark');
    expect(store.getState().display.theme).toBe('dark');
    const palette = screen.getByRole('checkbox', { name: 'Colour-blind-safe palette' });
    await user.click(palette);
    expect(store.getState().display.palette).toBe('colorblind');
    expect(palette).toHaveProperty('checked', true);
    await user.click(palette);
    expect(store.getState().display.palette).toBe('default');
    // The theme was left alone by the palette.
    expect(store.getState().display.theme).toBe('dark');
  });
});
