/**
 * The short form of a notice: what a collapsed notice shows. Pure, so the cut is tested without a
 * page.
 */

/**
 * Characters a collapsed notice shows at most: about two lines of the notice area at 1280 px, so
 * five notices (the store's `MAX_NOTICES`) fit in the bounded area without scrolling much.
 */
export const NOTICE_SHORT_CHARS = 160;

/** How far back from the cut a space may be to end the short form on a whole word. */
const WORD_SLACK = 40;

/**
 * The first `NOTICE_SHORT_CHARS` characters of `text`, ended at a word when a space is near and
 * followed by an ellipsis; `null` when the text is short enough to show whole.
 */
export function shortNotice(text: string): string | null {
  if (text.length <= NOTICE_SHORT_CHARS) return null;
  const cut = text.slice(0, NOTICE_SHORT_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space >= NOTICE_SHORT_CHARS - WORD_SLACK ? cut.slice(0, space) : cut}…`;
}
