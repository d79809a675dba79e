import { expect, openLab, test } from './fixtures';

const num = (text: string | null, re: RegExp): number => Number(re.exec(text ?? '')?.[1]);

test('the inspector on a cell shows a TD error equal to TD target − Q before', async ({ page }) => {
  await openLab(page);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 6; i++) await step.click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Total steps 6',
  );
  const inspector = page.getByRole('region', { name: 'Step inspector' });
  // Click the cell where the last update happened, as a teacher would.
  const stateText = await inspector.getByText(/in state \d+ the agent chose/).textContent();
  const state = num(stateText, /in state (\d+)/);
  await page.locator(`[data-state="${state}"]`).first().click();
  await expect(inspector.getByRole('combobox', { name: 'Cell' })).toHaveValue(String(state));
  const target = await inspector.getByText(/^r \+ γ·max/).textContent();
  const error = await inspector.getByText(/^td_target − Q\(s,a\)/).textContent();
  const tdTarget = num(target, /= (-?[\d.]+)$/);
  const [, shownTarget, qBefore, tdError] =
    /= (-?[\d.]+) − (-?[\d.]+) = (-?[\d.]+)$/.exec(error ?? '')?.map(Number) ?? [];
  expect(shownTarget).toBe(tdTarget);
  expect(tdError).toBeCloseTo(tdTarget - qBefore!, 3);
});

test('the gallery holds a frame per 1,000 episodes after a 10,000-episode run', async ({
  page,
}) => {
  await openLab(page);
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  // The gallery lives in the dock's Frames tab.
  await page.getByRole('tab', { name: 'Frames' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Finished',
    { timeout: 30_000 },
  );
  const gallery = page.getByRole('list', { name: 'Gallery' });
  await expect(gallery.getByRole('button')).toHaveCount(11);
  for (const episode of ['0', '1,000', '5,000', '9,000', '9,999'])
    await expect(
      gallery.getByRole('button', { name: `Episode ${episode}`, exact: true }),
    ).toBeVisible();
  // The scrubber goes back to an early frame.
  const scrubber = page.getByRole('slider', { name: 'Frame' });
  await scrubber.fill('1');
  await expect(scrubber).toHaveAttribute('aria-valuetext', 'episode 1,000');
  await expect(page.getByRole('region', { name: 'Frames' })).toContainText('Episode 1,000 ·');
});

test('the target policy runs greedy episodes counted apart from training', async ({ page }) => {
  await openLab(page);
  await page.getByRole('tab', { name: 'Target policy' }).click();
  const panel = page.getByRole('region', { name: 'Behaviour vs target policy' });
  await panel.getByRole('button', { name: 'Run 100 greedy episodes' }).click();
  await expect(panel.getByRole('status')).toContainText('Greedy episodes: 100');
  // Training did not move.
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Total steps 0',
  );
});

test('the glossary explains α with its live value, from the button beside the slider', async ({
  page,
}) => {
  await openLab(page);
  const button = page.getByRole('button', { name: 'What is α?' }).first();
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('0.1');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});

for (const [width, height] of [
  [1440, 900],
  [1920, 1080],
] as const)
  test(`the objectives read as sentences at ${width}x${height}: labels in lines, numbers apart`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openLab(page);
    for (let i = 0; i < 3; i++)
      await page.getByRole('button', { name: 'Step episode', exact: true }).click();
    const objectives = page.getByRole('region', { name: 'Objectives' });
    await expect(objectives.locator('[data-fact="episodes"]')).toHaveText('3');
    // A label of several words never stands one word per line (at most two lines each).
    for (const label of await objectives.locator('.objectives-facts dt').all()) {
      const { lines, words } = await label.evaluate((el) => ({
        lines: Math.round(
          el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
        ),
        words: (el.textContent ?? '').trim().split(/\s+/).length,
      }));
      expect(lines, (await label.textContent()) ?? '').toBeLessThanOrEqual(Math.min(2, words));
    }
    // Each headline number ends before its words begin, or the words go under it.
    for (const headline of await objectives.locator('.objective-headline').all()) {
      const number = (await headline.locator('.objective-number').boundingBox())!;
      const caption = (await headline.locator('.objective-caption').boundingBox())!;
      const apart =
        number.x + number.width <= caption.x || caption.y >= number.y + number.height - 1;
      expect(apart, (await headline.textContent()) ?? '').toBe(true);
    }
  });
