import { expect, openDisclosure, openLab, openTab, readStatus, test } from './fixtures';

test('the N and |δ| layers, by button and by key 4 and 5, each with its own legend', async ({
  page,
}) => {
  await openLab(page);
  const grid = page.getByRole('grid', { name: /Ice Maze 4 by 4/ });
  const legend = page.locator('.legend-host svg');
  await page.getByRole('radio', { name: 'N(s,a)' }).check();
  await expect(grid).toHaveAttribute('aria-label', 'Ice Maze 4 by 4, view: visit counts N');
  // Nothing visited yet: the degenerate legend still draws and says so.
  await expect(legend).toHaveAttribute('aria-label', /logarithmic colour scale from 0 to 0/);
  await expect(legend).toHaveAttribute('aria-label', /all values 0/);
  await page.keyboard.press('5');
  await expect(grid).toHaveAttribute('aria-label', /latest TD error sizes/);
  await expect(page.getByRole('radio', { name: '|δ(s,a)|' })).toBeChecked();
  await expect(legend).toHaveAttribute('aria-label', /^\|δ\(s,a\)\|, latest TD error/);
  await page.keyboard.press('4');
  await expect(page.getByRole('radio', { name: 'N(s,a)' })).toBeChecked();
  await expect(grid).toHaveAttribute('aria-label', /visit counts N/);
  // The link remembers the layer.
  await expect.poll(() => new URL(page.url()).search).toBe('?view=n');
  await page.keyboard.press('1');
  await expect(grid).toHaveAttribute('aria-label', /state values V/);
  await page.getByRole('radio', { name: '|δ(s,a)|' }).check();
  await expect(grid).toHaveAttribute('aria-label', /latest TD error sizes/);
  await expect.poll(() => new URL(page.url()).search).toBe('?view=td');
});

test('after 15 Steps the visited cells show N(s), and Σ N(s) is the total step count', async ({
  page,
}) => {
  await openLab(page, '?view=n');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 15; i++) await step.click();
  const status = page.getByRole('status').filter({ hasText: 'Total steps' });
  await expect(status).toContainText('Total steps 15');
  const grid = page.getByRole('grid', { name: /visit counts N/ });
  // Every non-terminal cell's title states N(s); over the board they add up to the steps taken.
  const totalOfTitles = async () => {
    const titles = await grid.locator('g.qgrid-cell title').allTextContents();
    return titles.reduce((sum, t) => sum + Number(/N\(s\) = ([\d,]+)/.exec(t)?.[1] ?? 0), 0);
  };
  await expect.poll(totalOfTitles).toBe((await readStatus(page)).totalSteps);
  // The start is visited first: its printed N(s) equals its title's, and is at least 1.
  const startTitle = await grid.locator('g.qgrid-cell[data-state="0"] title').textContent();
  const n0 = Number(/N\(s\) = ([\d,]+)/.exec(startTitle ?? '')?.[1]);
  expect(n0).toBeGreaterThanOrEqual(1);
  await expect(grid.locator('[data-overlay-state="0"] text.qgrid-value-label')).toHaveText(
    String(n0),
  );
  // The per-action counts of the start add up to N(0).
  const perAction = await grid
    .locator('[data-overlay-state="0"] text.qgrid-tri-label')
    .allTextContents();
  expect(perAction.reduce((sum, x) => sum + Number(x), 0)).toBe(n0);
});

test('a full run of 10,000 episodes at full speed ends with the convergence notice', async ({
  page,
}) => {
  await openLab(page);
  const notice = page.getByRole('status', { name: 'Convergence' });
  await expect(notice).toHaveText('');
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Finished',
    { timeout: 30_000 },
  );
  expect((await readStatus(page)).episode).toBe(10_000);
  await expect(notice).toContainText(
    /The greedy policy has not changed|Training stopped after 10,000/,
  );
  await expect(notice).toContainText(
    /(equals|differs from) the optimal policy \(value iteration\)/,
  );
  await expect(notice).toContainText(/its exact success probability is 0\.\d{4}/);
});

test("a teacher's link hides exactly the chosen controls in a fresh page", async ({
  page,
  context,
}) => {
  await openLab(page, '?seed=3');
  await openDisclosure(page, 'Menu');
  await page.getByRole('button', { name: "Teacher's link" }).click();
  const dialog = page.getByRole('dialog', { name: "Teacher's link" });
  await dialog.getByRole('checkbox', { name: 'Learning rate α slider' }).check();
  await dialog.getByRole('checkbox', { name: 'Map picker' }).check();
  await dialog.getByRole('checkbox', { name: 'Glossary' }).check();
  const link = (await dialog.locator('.teacher-link-preview code').textContent()) ?? '';
  expect(new URL(link).search).toBe('?seed=3&hide=alpha,map,glossary');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const student = await context.newPage();
  const errors: string[] = [];
  student.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  student.on('pageerror', (err) => errors.push(err.message));
  await student.goto(link);
  await expect(student.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(student.getByText('Some controls are hidden by your teacher.')).toBeVisible();
  // Hidden: gone from the accessibility tree, not just from sight.
  await expect(student.getByRole('slider', { name: 'Learning rate α' })).toHaveCount(0);
  await expect(student.getByRole('group', { name: 'Map' })).toHaveCount(0);
  await expect(student.getByRole('complementary', { name: 'Glossary' })).toHaveCount(0);
  // Everything else is there.
  await expect(student.getByRole('slider', { name: 'Discount γ' })).toBeVisible();
  await expect(student.getByRole('slider', { name: 'Speed' })).toBeVisible();
  await expect(student.getByRole('region', { name: 'Step inspector' })).toBeVisible();
  await expect(student.getByRole('radio', { name: 'N(s,a)' })).toBeVisible();
  // The link's other settings apply, and the address keeps the hide list.
  await expect.poll(() => new URL(student.url()).search).toBe('?seed=3&hide=alpha,map,glossary');
  // The teacher presenting can show everything.
  await student.getByRole('button', { name: 'Show everything' }).click();
  await expect(student.getByRole('slider', { name: 'Learning rate α' })).toBeVisible();
  await openDisclosure(student, /^Map /);
  await expect(student.getByRole('group', { name: 'Map' })).toBeVisible();
  await openTab(student, 'Glossary');
  await expect(student.getByRole('complementary', { name: 'Glossary' })).toBeVisible();
  expect(errors).toEqual([]);
  await student.close();
});

test("the Teacher's link dialog fits a projector, and keeps its buttons in view on a phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, '?seed=3');
  await openDisclosure(page, 'Menu');
  await page.getByRole('button', { name: "Teacher's link" }).click();
  const dialog = page.getByRole('dialog', { name: "Teacher's link" });
  // At 1280x720 every checkbox and every button is on screen at once.
  await expect(
    dialog.getByRole('checkbox', { name: 'View switch (V, Q, A, N, |δ|)' }),
  ).toBeInViewport();
  await expect(dialog.getByRole('checkbox', { name: 'Puzzles' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Copy student link' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  // On a phone the lists scroll under the link and its buttons, which stay in view.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  await dialog.getByRole('checkbox', { name: 'Puzzles' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Puzzles' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Copy student link' })).toBeInViewport();
  await expect(dialog.locator('.teacher-link-preview code')).toContainText('hide=puzzles');
});

test('a notice leaves the maze column’s chips, the view switch and the step inspector’s hint in reach at 1280x720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, '?seed=3&hide=foo');
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('"foo"');
  // A trial click checks that nothing lies over the target; then the real one works.
  for (const target of [
    page.getByRole('button', { name: /^Map / }),
    page.getByRole('button', { name: /^Algorithm / }),
    page.getByRole('radio', { name: 'Q(s,a)' }),
  ])
    await target.click({ trial: true, timeout: 2000 });
  await page.getByRole('radio', { name: 'Q(s,a)' }).check();
  await expect(page.getByRole('radio', { name: 'Q(s,a)' })).toBeChecked();
  // The step inspector's first words, which explain Step, are not under the notice either.
  const hint = page.getByText('Press Step to make the first update');
  const box = (await hint.boundingBox())!;
  const covered = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.notices') != null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(covered).toBe(false);
});

test('on a phone a notice sits above the playback bar: the chips, the view switch, the grid and Play stay in reach', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '?seed=3&hide=foo');
  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages).toContainText('"foo"');
  await expect(messages).toBeInViewport();
  for (const target of [
    page.getByRole('button', { name: /^Map / }),
    page.getByRole('button', { name: /^Algorithm / }),
    page.getByRole('radio', { name: 'Q(s,a)' }),
    page.getByRole('gridcell').first(),
    page.getByRole('button', { name: 'Play' }),
  ])
    await target.click({ trial: true, timeout: 2000 });
  // Scrolled down to the objectives, the notice is still in view, still above the bar.
  await page.mouse.wheel(0, 900);
  await expect(messages).toBeInViewport();
  const notice = (await messages.boundingBox())!;
  const play = (await page.getByRole('button', { name: 'Play' }).boundingBox())!;
  expect(notice.y + notice.height).toBeLessThanOrEqual(play.y);
});

test('the map chip and the algorithm chip are hidden separately', async ({ page }) => {
  const mapChip = page.getByRole('button', { name: /^Map / });
  const algorithmChip = page.getByRole('button', { name: /^Algorithm / });
  await openLab(page, '?seed=3&hide=algorithm');
  await expect(mapChip).toBeVisible();
  await expect(algorithmChip).toHaveCount(0);
  await openLab(page, '?seed=3&hide=map');
  await expect(algorithmChip).toBeVisible();
  await expect(mapChip).toHaveCount(0);
});

test('a link that hides the display controls still applies its theme; an unknown name is named', async ({
  page,
}) => {
  await openLab(page, '?theme=dark&hide=display,sliders');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'hide=' })).toContainText(
    'names "sliders", which the lab cannot hide; it was ignored',
  );
  // Only the unknown name was dropped from the address.
  await expect.poll(() => new URL(page.url()).search).toBe('?theme=dark&hide=display');
});
