import type { Locator, Page } from '@playwright/test';
import { CHAPTERS, type Chapter } from '../src/components/lesson/chapters';
import { LESSON_TARGETS } from '../src/components/lesson/target-names';
import { describeSpeed } from '../src/components/shell/speed';
import { VIEW_SWITCH_LABELS as VIEW_LABELS } from '../src/components/board/view-labels';
import { MAPS } from '../src/rl/maps';
import { expect, openLab, readStatus, test } from './fixtures';

const ACTIONS = ['Left', 'Down', 'Right', 'Up'] as const;

const lessonPanel = (page: Page) => page.getByRole('region', { name: 'Guided lesson' });
const verdictOf = (panel: Locator) => panel.locator('.lesson-verdict');

/** The number after `label` in `text` (a typographic minus reads as "-"). */
function numberAfter(text: string, label: string): number {
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`"${label}" not in: ${text}`);
  const m = /^\s*(−?-?\d+(?:\.\d+)?)/.exec(text.slice(at + label.length));
  return Number((m?.[1] ?? 'NaN').replace('−', '-'));
}

/** "Left 0.1000, Down 0.2000, Right 0.0000, Up 0.0500" read back as four numbers. */
function qRow(text: string): number[] {
  return ACTIONS.map((a) => numberAfter(text, `${a} `));
}

/** Pauses the run if it is still going (it may have finished by itself). */
async function pauseIfRunning(page: Page): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause' });
  // The run may finish between the look and the click; then there is nothing to pause.
  // A page training at 10,000 steps/s on a loaded machine may take a few seconds to answer.
  if (await pause.isVisible()) await pause.click({ timeout: 10_000 }).catch(() => undefined);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

/** Trains for a while at the chapter's speed, then pauses, so the numbers are not all zero. */
async function trainBriefly(page: Page, ms: number): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(ms);
  await pauseIfRunning(page);
}

/** Checks the lab is set up as the chapter says: map, view, speed, ε, highlight and cell. */
async function expectSetUp(page: Page, n: number, chapter: Chapter): Promise<void> {
  const panel = lessonPanel(page);
  await expect(panel.getByText(`Chapter ${n} of ${CHAPTERS.length}`)).toBeVisible();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(n));
  await expect(panel.getByRole('heading', { name: chapter.title })).toBeVisible();
  const setup = chapter.setup;
  const cells = MAPS[setup.map].join('').length;
  await expect(page.locator('.grid-host .qgrid-cell')).toHaveCount(cells);
  await expect(panel.getByText(`Map ${setup.map}, seed ${setup.seed}`)).toBeVisible();
  await expect(page.getByRole('radio', { name: VIEW_LABELS[setup.view] })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute(
    'aria-valuetext',
    describeSpeed(setup.speed),
  );
  if (setup.params?.epsilon !== undefined)
    await expect(page.getByRole('spinbutton', { name: 'Exploration ε, exact value' })).toHaveValue(
      String(setup.params.epsilon),
    );
  // Exactly the chapter's control is outlined, and the panel names it for screen readers.
  const marked = page.locator('.lesson-highlight');
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveAttribute('data-lesson-target', setup.highlight);
  await expect(panel.getByText(`Highlighted: ${LESSON_TARGETS[setup.highlight]}`)).toBeVisible();
  if (setup.cell !== null) {
    const tile = page.locator(`.grid-host .qgrid-cell[data-state="${setup.cell}"] .qgrid-tile`);
    await expect(tile).toHaveCSS('stroke-width', '10px');
    await expect(
      page.getByRole('region', { name: 'Step inspector' }).getByRole('combobox', { name: 'Cell' }),
    ).toHaveValue(String(setup.cell));
  }
}

/** Does what the chapter asks before its question, so the question has live numbers. */
async function doTheTask(page: Page, chapter: Chapter): Promise<void> {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  const before = await readStatus(page);
  switch (chapter.id) {
    case 'maze':
    case 'epsilon-greedy':
    case 'update':
      for (let i = 0; i < 5; i++) await step.click();
      await expect
        .poll(async () => (await readStatus(page)).totalSteps)
        .toBe(before.totalSteps + 5);
      break;
    case 'objectives':
    case 'q-table':
      for (let i = 0; i < 3; i++)
        await page.getByRole('button', { name: 'Step episode', exact: true }).click();
      await expect.poll(async () => (await readStatus(page)).episode).toBe(before.episode + 3);
      break;
    case 'decay':
      await trainBriefly(page, 1500);
      expect((await readStatus(page)).epsilon).toBeLessThan(before.epsilon);
      break;
    case 'state-value':
    case 'advantage':
      await trainBriefly(page, 1500);
      break;
    case 'training-loop': {
      await page.getByRole('button', { name: 'Play' }).click();
      const gallery = page.getByRole('list', { name: 'Gallery' });
      await expect.poll(() => gallery.getByRole('button').count()).toBeGreaterThan(1);
      await pauseIfRunning(page);
      break;
    }
    case 'evaluation':
      await page.getByRole('button', { name: 'Run greedy episode', exact: true }).click();
      break;
    default:
      throw new Error(`no task for chapter ${chapter.id}`);
  }
}

/** The right answer, computed from the numbers the question and the page show. */
async function answerFromPage(page: Page, chapter: Chapter, prompt: string): Promise<string> {
  switch (chapter.question) {
    case 'greedy-action': {
      const row = qRow(prompt.slice(prompt.indexOf('Its Q-values now:')));
      return ACTIONS[row.indexOf(Math.max(...row))]!;
    }
    case 'q-update': {
      // Q ← Q + α·(r + γ·max Q(s′) − Q)
      const action = /took (\w+)/.exec(prompt)![1]!;
      const q = numberAfter(prompt, `Q(s,${action}) = `);
      const next = numberAfter(prompt, 'max_a′ Q(s′,a′) = ');
      const r = numberAfter(prompt, 'with reward ');
      const alpha = numberAfter(prompt, 'α = ');
      const gamma = numberAfter(prompt, 'γ = ');
      return (q + alpha * (r + gamma * next - q)).toFixed(4);
    }
    case 'state-value':
      return Math.max(...qRow(prompt.slice(prompt.indexOf('Q-values')))).toFixed(4);
    case 'advantage': {
      const row = qRow(prompt.slice(prompt.indexOf('Q-values')));
      const action = /A\(s,(\w+)\)\?/.exec(prompt)![1]! as (typeof ACTIONS)[number];
      return (row[ACTIONS.indexOf(action)]! - Math.max(...row)).toFixed(4);
    }
    case 'explore-exploit': {
      // The inspector redraws on its own schedule: wait until it tells the step the question asks
      // about (a loaded machine showed the step before it, and the test answered for that one).
      const [, step, episode] = /\(step (\d+) of episode ([\d,]+)\)/.exec(prompt)!;
      const told = page
        .getByRole('region', { name: 'Step inspector' })
        .getByText(/in state \d+ the agent chose/);
      await expect(told).toContainText(`Episode ${episode}, step ${step}:`);
      return (await told.textContent())?.includes('at random (exploring')
        ? 'Exploring'
        : 'Exploiting';
    }
    case 'why-decay':
      return 'At first Q knows nothing';
    case 'frame-count': {
      const episodes = Number(/trains ([\d,]+) episodes/.exec(prompt)![1]!.replace(/,/g, ''));
      const every = Number(/multiple of ([\d,]+)/.exec(prompt)![1]!.replace(/,/g, ''));
      let frames = 0;
      for (let e = 0; e < episodes; e++) if (e % every === 0 || e === episodes - 1) frames++;
      return String(frames);
    }
    default:
      throw new Error(`chapter ${chapter.id} has no question`);
  }
}

/** Gives `answer` (a choice's label starts with it, or it is typed) and presses Check. */
async function answer(panel: Locator, choice: boolean, text: string): Promise<void> {
  if (choice) await panel.getByRole('radio', { name: text }).check();
  else await panel.getByRole('textbox', { name: 'Your answer' }).fill(text);
  await panel.getByRole('button', { name: 'Check' }).click();
}

test('the guided lesson walks every chapter, each set up as it says, each question checked live', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openLab(page);
  await page.getByRole('button', { name: 'Guided lesson' }).click();
  const panel = lessonPanel(page);
  let wrongShown = false;
  for (const [i, chapter] of CHAPTERS.entries()) {
    const n = i + 1;
    await expect(page).toHaveURL(new RegExp(`[?&]chapter=${n}(&|$)`));
    await expectSetUp(page, n, chapter);
    await doTheTask(page, chapter);
    if (chapter.question) {
      await panel.getByRole('button', { name: 'Ask me' }).click();
      const prompt = (await panel.locator('.lesson-question').textContent()) ?? '';
      const choice = (await panel.getByRole('radio').count()) > 0;
      const right = await answerFromPage(page, chapter, prompt);
      if (!wrongShown && !choice) {
        // One wrong answer: the explanation quotes the numbers all the same.
        await answer(panel, false, String(Number(right) + 1));
        await expect(verdictOf(panel)).toHaveText(/^Not quite: you answered/);
        await expect(verdictOf(panel)).toHaveText(/the answer is −?[\d.]+\. \S/);
        wrongShown = true;
      }
      await answer(panel, choice, right);
      await expect(verdictOf(panel), `chapter ${n}: ${prompt}`).toHaveText(/^Right/);
      if (chapter.question === 'why-decay') {
        const { epsilon } = await readStatus(page);
        await expect(verdictOf(panel)).toContainText(`ε is ${epsilon.toFixed(3)} now`);
      }
    }
    if (n < CHAPTERS.length) await panel.getByRole('button', { name: 'Next' }).click();
  }
  expect(wrongShown).toBe(true);
  await panel.getByRole('button', { name: 'Finish the lesson' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.locator('.lesson-highlight')).toHaveCount(0);
  await expect(page).not.toHaveURL(/chapter=/);
});

test('a link to ?chapter=N opens chapter N set up, and a bad one says so and changes nothing', async ({
  page,
}) => {
  const n = CHAPTERS.findIndex((c) => c.id === 'advantage') + 1;
  await openLab(page, `?chapter=${n}`);
  await expectSetUp(page, n, CHAPTERS[n - 1]!);

  await openLab(page, '?chapter=zero&alpha=0.5');
  await expect(page.getByRole('alert').filter({ hasText: 'chapter' })).toHaveText(
    /The link's chapter="zero" was ignored: Lesson chapter must be a whole number from 1 to \d+/,
  );
  await expect(lessonPanel(page)).toHaveCount(0);
  await expect(page.getByRole('spinbutton', { name: 'Learning rate α, exact value' })).toHaveValue(
    '0.5',
  );
});

test('the lesson asks before replacing a run, keeps it if told, and Escape leaves it', async ({
  page,
}) => {
  await openLab(page, '?map=8x8');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await readStatus(page)).totalSteps).toBe(1);
  await page.getByRole('button', { name: 'Guided lesson' }).click();
  const panel = lessonPanel(page);
  await expect(panel.getByRole('alert')).toContainText('fresh run on the 4x4 map, seed 0');
  await panel.getByRole('button', { name: 'Keep my run' }).click();
  await expect(page.locator('.grid-host .qgrid-cell')).toHaveCount(64);
  expect((await readStatus(page)).totalSteps).toBe(1);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Guided lesson' })).toBeFocused();
  expect((await readStatus(page)).totalSteps).toBe(1);
});

test.describe('on a 1280x720 screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('every chapter keeps Next and its highlighted control on screen', async ({ page }) => {
    test.setTimeout(120_000);
    await openLab(page);
    await page.getByRole('button', { name: 'Guided lesson' }).click();
    const panel = lessonPanel(page);
    for (const [i, chapter] of CHAPTERS.entries()) {
      const n = i + 1;
      await expect(panel.getByRole('heading', { name: chapter.title })).toBeVisible();
      const next = panel.getByRole('button', {
        name: n < CHAPTERS.length ? 'Next' : 'Finish the lesson',
      });
      const back = panel.getByRole('button', { name: 'Back' });
      await expect(next, `chapter ${n}: Next`).toBeInViewport({ ratio: 1 });
      await expect(back, `chapter ${n}: Back`).toBeInViewport({ ratio: 1 });
      const marked = page.locator('.lesson-highlight');
      await expect(marked).toHaveAttribute('data-lesson-target', chapter.setup.highlight);
      await expect(marked, `chapter ${n}: ${chapter.setup.highlight}`).toBeInViewport();
      if (n < CHAPTERS.length) await next.click();
    }
  });
});
