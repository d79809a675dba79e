import type { Page } from '@playwright/test';
import { expect, seriousViolations, openDisclosure, openLab, openTab, test } from './fixtures';

const MAP_4X4 = 'SFFFFHFHFFFHHFFG';
const inspector = (page: Page) => page.getByRole('region', { name: 'Step inspector' });
const fact = (page: Page, name: string) => inspector(page).locator(`[data-fact="${name}"]`).first();

test('a step cost set while training: the inspector’s r reads −0.01 at the next step onto frozen ice', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  await openLab(page, '?speed=20');
  await page.getByRole('button', { name: 'Play' }).click();
  await openDisclosure(page, /^Map /);
  const form = page.getByRole('form', { name: 'Rewards and ice, live' });
  await form.getByRole('textbox', { name: 'Reward for a frozen tile' }).fill('-0.01');
  await form.getByRole('button', { name: 'Set rewards and ice' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'From the next step: rewards 1, 0, -0.01, success rate 1/3; Q is kept.',
  );
  await expect(page).toHaveURL(/rewards=1,0,-0.01/);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Step until a step enters frozen ice (a hole or the goal pays their own rewards).
  let checked = 0;
  for (let i = 0; i < 20 && checked === 0; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    const next = Number(await fact(page, 'next-state').textContent());
    if ('SF'.includes(MAP_4X4[next]!)) {
      await expect(fact(page, 'reward')).toHaveText('-0.01');
      checked++;
    }
  }
  expect(checked).toBe(1);
  expect(errors).toEqual([]);
});

test('a bad reward is named beside its field and changes nothing', async ({ page }) => {
  await openLab(page);
  await openDisclosure(page, /^Map /);
  const form = page.getByRole('form', { name: 'Rewards and ice, live' });
  await form.getByRole('textbox', { name: 'Reward for a hole' }).fill('-1e9');
  await form.getByRole('button', { name: 'Set rewards and ice' }).click();
  await expect(
    form.getByText('Reward for a hole must be from -100 to 100; got -1000000000.'),
  ).toBeVisible();
  await expect(page).not.toHaveURL(/rewards=/);
});

test('an experiment whose optimal policy differs shows which states change; keyboard only; axe', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Export and Import');
  const panel = page.getByRole('tabpanel', { name: 'Export and Import' });
  const button = panel.getByRole('button', { name: 'Sure-footed ice' });
  await button.focus();
  await page.keyboard.press('Enter');
  const note = panel.getByRole('status', { name: 'Experiment check' });
  await expect(note).toContainText('The optimal action changes in 5 states:');
  await expect(note.getByRole('listitem').first()).toHaveText('state 0: ← → ↓');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/success=0.8/);
  // The map chip's controls follow the experiment.
  await openDisclosure(page, /^Map /);
  await expect(
    page
      .getByRole('form', { name: 'Rewards and ice, live' })
      .getByRole('textbox', { name: 'Success rate of a move' }),
  ).toHaveValue('0.8');
  expect(await seriousViolations(page, '.reward-experiments')).toEqual([]);
  expect(await seriousViolations(page, '.reward-controls')).toEqual([]);
  // Back by keyboard: Tab from the experiment buttons reaches the way back.
  await panel.getByRole('button', { name: 'Deterministic ice, live (success rate 1)' }).focus();
  await page.keyboard.press('Tab');
  await expect(
    panel.getByRole('button', { name: 'Back to Gymnasium’s rewards and ice' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/success=/);
});
