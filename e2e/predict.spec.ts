import type { Page } from '@playwright/test';
import { expect, seriousViolations, openLab, openTab, test } from './fixtures';

/** The lesson's prediction checkpoint on screen. */
const checkpoint = (page: Page) => page.getByRole('region', { name: 'Predict, then see' });

test('predict, then see: a right and a wrong guess, each locked before its run and revealed with the run’s numbers; then puzzles and the printed worksheet', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openLab(page, '?chapter=3');

  // Chapter 3: which way will state 4 point? Chosen and locked with the keyboard: Left is right.
  const c3 = checkpoint(page);
  await c3.getByRole('button', { name: 'Make a prediction' }).focus();
  await page.keyboard.press('Enter');
  await c3.getByRole('radio', { name: '↑ Up' }).focus();
  await page.keyboard.press('ArrowRight'); // radios wrap: Up → Left
  await expect(c3.getByRole('radio', { name: '← Left' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(c3.getByRole('button', { name: 'Lock in my guess' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(c3.getByRole('status')).toHaveText('Locked in: ← Left. It cannot be changed now.');
  await expect(c3.getByRole('radio', { name: '↓ Down' })).toBeDisabled();
  expect(await seriousViolations(page, '.lesson-predict'), 'the locked checkpoint').toEqual([]);
  await c3.getByRole('button', { name: 'Run it and reveal' }).click();
  await expect(c3.getByRole('status')).toContainText(
    /^Right: you said Left; after 10,000 episodes the agent’s greedy action at state 4 \(row 2, column 1\) is Left\. Its Q-values there: Left 0\.\d{4}/,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Episode 10,000',
  );
  // Revealed: the guess stays as it was, and nothing can change it.
  await expect(c3.getByRole('radio', { name: '← Left' })).toBeChecked();
  await expect(c3.getByRole('radio', { name: '→ Right' })).toBeDisabled();
  await expect(c3.getByRole('button')).toHaveCount(0);

  // Chapter 5: will the agent learn with ε = 0? "Yes" is wrong: its greedy policy never gets there.
  const lesson = page.getByRole('region', { name: 'Guided lesson' });
  await lesson.getByRole('button', { name: 'Next' }).click();
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByRole('heading', { name: 'Exploration decays' })).toBeVisible();
  const c5 = checkpoint(page);
  await c5.getByRole('button', { name: 'Make a prediction' }).click();
  await c5.getByRole('radio', { name: /^Yes/ }).check();
  await c5.getByRole('button', { name: 'Lock in my guess' }).click();
  await c5.getByRole('button', { name: 'Run it and reveal' }).click();
  await expect(c5.getByRole('status')).toContainText(
    /^Not this time: with ε = 0 the agent did not learn\. After 10,000 episodes its greedy policy reaches the goal with probability 0\.0000 \(exact\)/,
    { timeout: 60_000 },
  );
  // No exploration at all: ε stayed at 0 through the run (its floor is 0 too).
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'ε 0.000',
  );
  expect(await seriousViolations(page, '.lesson-predict'), 'the revealed checkpoint').toEqual([]);

  // Puzzle 1 solved with known settings, typed and sent with the keyboard.
  await openTab(page, 'Puzzles');
  const panel = page.getByRole('tabpanel', { name: 'Puzzles' });
  const p1 = panel.getByRole('region', { name: /^Puzzle 1:/ });
  await p1.getByRole('textbox', { name: 'Discount γ' }).fill('0.5');
  await p1.getByRole('textbox', { name: 'Discount γ' }).press('Tab');
  await expect(p1.getByRole('textbox', { name: 'Seed' })).toBeFocused();
  await page.keyboard.type('1');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(p1.getByRole('status')).toContainText(
    /^Solved! After 10,000 episodes Q\(4,·\) is .*: the greedy action is Down, as asked\./,
  );

  // Puzzle 3 left unsolved: the opening rewards (the lesson's) fail and the first hint shows.
  await panel.getByRole('button', { name: '3. The short, risky path' }).click();
  await expect(page).toHaveURL(/puzzle=3/);
  const p3 = panel.getByRole('region', { name: /^Puzzle 3:/ });
  await p3.getByRole('button', { name: 'Check exactly' }).click();
  await expect(p3.getByRole('status')).toContainText(
    /^Not yet\. .*: not shorter than under the lesson’s rewards\./,
  );
  await expect(p3.getByRole('list', { name: 'Hints' })).toContainText(
    /^Hint 1: Under the lesson’s rewards waiting costs nothing/,
  );
  // A bad reward is refused with the shared parser's words, and no attempt is added.
  await p3.getByRole('textbox', { name: 'Reward for a hole' }).fill('lots');
  await p3.getByRole('button', { name: 'Check exactly' }).click();
  await expect(p3.getByRole('status')).toContainText('Reward for a hole must be from -100 to 100');
  await expect(p3.getByRole('table', { name: 'Settings you tried' }).getByRole('row')).toHaveCount(
    2,
  );
  expect(await seriousViolations(page, '.puzzles-panel'), 'the puzzles tab').toEqual([]);

  // The worksheet lists it all.
  const sheet = panel.getByRole('region', { name: 'Ice Maze Lab: my worksheet' });
  await expect(sheet.getByText('My guess: ← Left — Right')).toBeVisible();
  await expect(sheet.getByText(/^My guess: Yes: .* — Not right$/)).toBeVisible();
  await expect(
    sheet.getByText(/^Puzzle 1, Point state 4 Down: α 0\.1, γ 0\.5, seed 1 — Solved$/),
  ).toBeVisible();
  await expect(sheet.getByText(/^Puzzle 3, The short, risky path: .* — Not solved$/)).toBeVisible();

  // Printed: only the sheet, in the page's flow, nothing wider than the paper.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 900 });
  const printed = page.locator('.worksheet-print');
  await expect(printed).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  await expect(printed).toContainText('Ice Maze Lab: my worksheet');
  await expect(printed).toContainText('the greedy action is Down, as asked.');
  await expect(printed).toContainText('Not this time: with ε = 0 the agent did not learn.');
  const overflow = await page.evaluate(() => {
    const sheetBox = document.querySelector('.worksheet-print')!;
    const width = document.documentElement.clientWidth;
    const wide = [...sheetBox.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1,
    );
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.length };
  });
  expect(overflow).toEqual({ scroll: 0, wide: 0 });
  await page.screenshot({ path: test.info().outputPath('worksheet-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // One page or more, each an A4 page: the sheet flows onto as many as it needs.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  await test.info().attach('worksheet.pdf', { body: pdf, contentType: 'application/pdf' });
});

test('puzzle=key opens the teacher’s key: every checkpoint answered and every puzzle solved', async ({
  page,
}) => {
  await openLab(page, '?puzzle=key');
  const panel = page.getByRole('tabpanel', { name: 'Puzzles' });
  const key = panel.getByRole('region', { name: 'Ice Maze Lab: teacher’s key' });
  await expect(key.getByText(/^Answer: .* — Right$/)).toHaveCount(3);
  await expect(key.getByText(/ — Solved$/)).toHaveCount(3);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download the key (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ice-maze-teacher-key.json');
});
