import type { Page } from '@playwright/test';
import { expect, openLab, seriousViolations, test } from './fixtures';

/** What each algorithm's inspector writes (its TD target's bootstrap, or its note). */
const OWN_WORDS = {
  'q-learning': /maxa′ Q\(s′,a′\)/,
  sarsa: /r \+ γ·Q\(s′,a′\)/,
  'expected-sarsa': /Σa π\(a\|s′\)·Q\(s′,a\)/,
  'double-q-learning': /A coin picked Q[₁₂]: updated Q[₁₂] toward Q[₁₂]\(s′, argmax Q[₁₂]\)/,
  'sarsa-lambda': /every pair p with e\(p\) ≠ 0 moves by α·δ·e\(p\)/,
  'q-lambda': /every pair p with e\(p\) ≠ 0 moves by α·δ·e\(p\)/,
  'dyna-q': /then n = 5 planning updates from the model/,
  'monte-carlo': /Episode over: G = r₁ \+ γ·r₂|No update until the episode ends/,
} as const;

const chip = (page: Page) => page.getByRole('button', { name: /^Algorithm / });

test('pick each algorithm in the page, train it, and see its greedy arrows and its own inspector', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A short Play budget keeps the eight runs quick.
  await openLab(page, '?episodes=1500');
  const grid = page.getByRole('grid', { name: /Ice Maze/ });
  const inspector = page.getByRole('region', { name: 'Step inspector' });
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  for (const [algorithm, words] of Object.entries(OWN_WORDS)) {
    await chip(page).click();
    await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption(algorithm);
    await page.keyboard.press('Escape');
    await expect(chip(page)).toHaveText(`Algorithm ${algorithm}`);
    // A fresh run: Q back to Q₀ = 0, every action tied on the 11 non-terminal cells.
    await expect(grid.locator('[data-greedy="tie"]')).toHaveCount(44);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
      'Finished',
      { timeout: 60_000 },
    );
    await expect(grid.locator('[data-greedy="tie"]'), algorithm).not.toHaveCount(44);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(inspector, algorithm).toContainText(words);
  }
});

test('the picker from the keyboard: open it, pick SARSA(λ), change λ live; axe finds nothing serious', async ({
  page,
}) => {
  await openLab(page);
  await chip(page).focus();
  await page.keyboard.press('Enter');
  const select = page.getByRole('combobox', { name: 'Algorithm', exact: true });
  await expect(select).toBeVisible();
  await expect(page.getByText('Another algorithm starts a fresh run: Q back to Q₀.')).toBeVisible();
  await select.focus();
  // Chromium's closed <select> moves its choice with the arrow keys. Each choice starts a fresh
  // run, and the select shows the store's algorithm: wait for each move to land before the next
  // (reading at once, a loaded machine saw the old value and pressed once too often).
  for (let i = 0; i < 8; i++) {
    const before = await select.inputValue();
    if (before === 'sarsa-lambda') break;
    await page.keyboard.press('ArrowDown');
    await expect(select).not.toHaveValue(before);
  }
  await expect(select).toHaveValue('sarsa-lambda');
  await expect(chip(page)).toHaveText('Algorithm sarsa-lambda');
  await expect(page).toHaveURL(/algorithm=sarsa-lambda/);

  const lambda = page.getByRole('textbox', { name: 'Trace decay λ' });
  await lambda.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Trace decay λ must be from 0 to 1; got 1\.5\./)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/learner=lambda:0\.5/);
  expect(await seriousViolations(page), 'the open picker').toEqual([]);

  await page.keyboard.press('Escape');
  await expect(chip(page)).toBeFocused();
});

test('a link picks the algorithm and its options; a bad one is named and ignored', async ({
  page,
}) => {
  await openLab(page, '?algorithm=dyna-q&learner=planningSteps:2&seed=3');
  await expect(chip(page)).toHaveText('Algorithm dyna-q');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Step inspector' })).toContainText(
    'then n = 2 planning updates from the model',
  );
  await openLab(page, '?algorithm=td-gammon&seed=3');
  await expect(chip(page)).toHaveText('Algorithm q-learning');
  await expect(page.getByText(/The link's algorithm="td-gammon" was ignored/)).toBeVisible();
});

test('the picker’s other options: Dyna-Q’s n, softmax τ, UCB c, the 1/N step size and Q₀ act, go into the link, and a bad one is named', async ({
  page,
}) => {
  await openLab(page, '?seed=3');
  await chip(page).click();
  const picker = page.getByRole('group', { name: /: options$/ });
  /** Types `text` into the option field `name` and applies it with Enter. */
  const setOption = async (name: string, text: string) => {
    const field = picker.getByRole('textbox', { name, exact: true });
    await field.fill(text);
    await field.press('Enter');
  };

  // Dyna-Q plans n updates after each real one: the inspector counts them.
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption('dyna-q');
  await setOption('Planning steps n', '3');
  await expect(page).toHaveURL(/learner=[^&]*planningSteps:3/);

  // Exploration by softmax, its temperature checked: 0 is refused and named, nothing changes.
  await picker.getByRole('combobox', { name: 'Exploration' }).selectOption('softmax');
  await expect(page).toHaveURL(/exploration:softmax/);
  await setOption('Temperature τ', '0');
  await expect(picker.getByText(/^Temperature τ must be/)).toBeVisible();
  await expect(page).not.toHaveURL(/temperature:0(?![.\d])/);
  await setOption('Temperature τ', '0.5');
  await expect(page).toHaveURL(/temperature:0\.5/);
  await expect(picker.getByText(/^Temperature τ must be/)).toHaveCount(0);

  // UCB replaces softmax: its constant c takes the field's place.
  await picker.getByRole('combobox', { name: 'Exploration' }).selectOption('ucb');
  await expect(picker.getByRole('textbox', { name: 'Temperature τ' })).toHaveCount(0);
  await setOption('UCB constant c', '2');
  await expect(page).toHaveURL(/exploration:ucb/);
  await expect(page).toHaveURL(/ucbC:2/);

  // The step size 1/N(s, a), then Q₀ = 1: a fresh run whose every value starts at 1.
  await picker.getByRole('combobox', { name: 'Step size' }).selectOption('visits');
  await expect(page).toHaveURL(/alphaSchedule:visits/);
  await setOption('Initial Q', '1');
  await expect(page).toHaveURL(/initialQ:1/);
  await page.keyboard.press('Escape');
  const grid = page.getByRole('grid', { name: /Ice Maze/ });
  await expect(grid.getByRole('gridcell', { name: /^state 0, start, V 1\.00,/ })).toBeVisible();

  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Step inspector' })).toContainText(
    'then n = 3 planning updates from the model',
  );
  expect(await seriousViolations(page)).toEqual([]);
});

test('Expected SARSA under softmax and UCB: the inspector writes the policy at s′ and its expectation', async ({
  page,
}) => {
  const inspector = page.getByRole('region', { name: 'Step inspector' });
  await openLab(
    page,
    '?algorithm=expected-sarsa&learner=exploration:softmax,temperature:0.5&seed=3',
  );
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // From the start no step ends the episode; at Q = 0 softmax is uniform.
  await expect(inspector).toContainText(
    'Under softmax with τ = 0.5: π(a|s′) = exp(Q(s′,a)/τ) / Σ_b exp(Q(s′,b)/τ) = (0.250, 0.250, 0.250, 0.250)',
  );
  await openLab(page, '?algorithm=expected-sarsa&learner=exploration:ucb,ucbC:2&seed=3');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // UCB tries an untried action first: at s′, with nothing tried, Left.
  await expect(inspector).toContainText(
    'Under UCB with c = 2 the policy at s′ is one action, Left',
  );
});
