/**
 * The offline build: `npm run build:single` writes ONE self-contained page,
 * dist-single/ice-maze-lab.html, that opens from file:// with no server and trains.
 *
 * 1. The worker is bundled alone (src/worker/training.worker.ts → one classic script, an IIFE),
 *    and so is the comparison worker (src/worker/compare.worker.ts).
 * 2. The app is built with `vite build --mode single` (vite.config.ts), the workers' code passed
 *    in through `define` as `__ICE_MAZE_WORKER_SOURCE__` and `__ICE_MAZE_COMPARE_WORKER_SOURCE__`:
 *    in that mode `src/app/create-worker.ts` starts each from a `blob:` URL made of its text. One JS chunk, one CSS file, every
 *    asset inlined, nothing written to disk.
 * 3. The page's script and stylesheet go inline, and a Content-Security-Policy is written with
 *    the sha256 of each: no 'unsafe-inline', no 'unsafe-eval', nothing from any origin, workers
 *    only from `blob:`.
 *
 * The normal build (`npm run build`) is untouched: its worker stays a separate chunk, its policy
 * is vite.config.ts's `CONTENT_SECURITY_POLICY`.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { SINGLE_FILE_MODE } from '../vite.config';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the page goes. */
export const SINGLE_FILE_DIR = join(ROOT, 'dist-single');
export const SINGLE_FILE_NAME = 'ice-maze-lab.html';
const WORKER_ENTRY = 'src/worker/training.worker.ts';
/** The comparison worker, inlined the same way as `__ICE_MAZE_COMPARE_WORKER_SOURCE__`. */
const COMPARE_WORKER_ENTRY = 'src/worker/compare.worker.ts';
/** The sweep pool's worker, inlined the same way as `__ICE_MAZE_SWEEP_WORKER_SOURCE__`. */
const SWEEP_WORKER_ENTRY = 'src/worker/sweep.worker.ts';

/** sha256 of a text's UTF-8 bytes, as a CSP source: `'sha256-…'`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The single page's policy. `default-src 'none'` refuses everything not listed: scripts and
 * styles only the inline ones with these hashes, workers only from `blob:` (the inlined worker),
 * images only `data:` (the icon) and `blob:` (the PNG export draws the grid through an `<img>`).
 */
export function singleFilePolicy(scriptHashes: string[], styleHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    'worker-src blob:',
    `style-src ${styleHashes.length > 0 ? styleHashes.join(' ') : "'none'"}`,
    'img-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The outputs of a `write: false` build. */
function outputsOf(result: Awaited<ReturnType<typeof build>>): Rollup.OutputBundle[string][] {
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((r) => {
    if (!('output' in r)) throw new Error('Expected a build result, got a watcher.');
    return r.output;
  });
}

const only = <T>(items: T[], what: string): T => {
  if (items.length !== 1) throw new Error(`Expected one ${what}, found ${items.length}.`);
  return items[0]!;
};

/**
 * Step 1: the worker as one classic script (an IIFE in strict mode). Not an ES module: a module
 * worker from a `blob:` URL fails in a file:// page (opaque origin) in Chromium.
 */
async function bundleWorker(entry: string): Promise<string> {
  const outputs = outputsOf(
    await build({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        rolldownOptions: {
          input: join(ROOT, entry),
          output: { format: 'iife', codeSplitting: false },
        },
      },
    }),
  );
  const chunk = only(
    outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk'),
    'worker chunk',
  );
  if (/\bimport\.meta\b|^\s*(import|export)\b/m.test(chunk.code))
    throw new Error('The worker bundle uses module syntax: it must be a classic script.');
  return chunk.code;
}

/** Step 2: the app in single mode, with the workers' code defined in. */
async function bundleApp(
  workerCode: string,
  compareWorkerCode: string,
  sweepWorkerCode: string,
): Promise<{ html: string; js: string; css: string }> {
  const outputs = outputsOf(
    await build({
      root: ROOT,
      mode: SINGLE_FILE_MODE,
      logLevel: 'warn',
      publicDir: false,
      define: {
        __ICE_MAZE_WORKER_SOURCE__: JSON.stringify(workerCode),
        __ICE_MAZE_COMPARE_WORKER_SOURCE__: JSON.stringify(compareWorkerCode),
        __ICE_MAZE_SWEEP_WORKER_SOURCE__: JSON.stringify(sweepWorkerCode),
      },
      build: {
        write: false,
        cssCodeSplit: false,
        modulePreload: false,
        assetsInlineLimit: () => true,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    }),
  );
  const html = only(
    outputs.filter((o) => o.type === 'asset' && o.fileName.endsWith('.html')),
    'HTML page',
  ) as Rollup.OutputAsset;
  const entry = only(
    outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry),
    'entry chunk',
  );
  const styles = outputs.filter(
    (o): o is Rollup.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.css'),
  );
  if (styles.length > 1)
    throw new Error(`Expected at most one stylesheet, found ${styles.length}.`);
  if (
    entry.code.includes('training.worker') ||
    entry.code.includes('compare.worker') ||
    entry.code.includes('sweep.worker')
  )
    throw new Error('The single-file app still refers to a worker chunk.');
  if (!entry.code.includes('URL.revokeObjectURL(self.location.href)'))
    throw new Error('The single-file app does not carry the inlined worker.');
  return {
    html: String(html.source),
    js: entry.code,
    css: styles[0] ? String(styles[0].source) : '',
  };
}

/**
 * Makes script text safe inside `<script>…</script>`: `</script` would close the element early,
 * so it becomes `<\/script`, the same text in JS strings, template literals and regular
 * expressions (unicode ones too). `<!--` could start the parser's escaped states and has no
 * rewrite valid in every JS context, so it is refused, as are CR (the HTML parser turns it into
 * LF, and the hash would no longer match) and NUL.
 */
export function inlineScriptText(js: string): string {
  if (/[\r\0]/.test(js)) throw new Error('The script holds a CR or NUL character.');
  if (js.includes('<!--')) throw new Error('The script holds "<!--": it cannot be inlined as is.');
  return js.replace(/<(\/script)/gi, '<\\$1');
}

/** Style text for `<style>…</style>` (refused when it could close the element early). */
export function inlineStyleText(css: string): string {
  if (/<\/style/i.test(css) || /[\r\0]/.test(css))
    throw new Error('The stylesheet cannot be inlined as it is.');
  return css;
}

/** Step 3: the page with its script and style inline and the policy that allows exactly those. */
export function inlinePage(html: string, js: string, css: string): string {
  const script = inlineScriptText(js);
  const style = inlineStyleText(css);
  let out = html;
  const scripts = out.match(/<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g) ?? [];
  only(scripts, 'external script in the page');
  out = out.replace(scripts[0]!, () => `<script type="module">${script}</script>`);
  const links = out.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
  if (links.length > 1) throw new Error('Expected at most one stylesheet link.');
  if (links[0]) out = out.replace(links[0], () => (style ? `<style>${style}</style>` : ''));
  else if (style) out = out.replace('</head>', () => `<style>${style}</style>\n  </head>`);
  if (
    /\b(src|href)="(?!data:)[^"]*"/.test(out.replace(/<script type="module">[\s\S]*<\/script>/, ''))
  )
    throw new Error('The page still loads a file.');

  const policy = singleFilePolicy([cspHash(script)], style ? [cspHash(style)] : []);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  // After the charset (which must come first), before any script or style.
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(out);
  if (!charset) throw new Error('The page has no <meta charset>.');
  const at = charset.index + charset[0].length;
  return `${out.slice(0, at)}\n    ${meta}${out.slice(at)}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const worker = await bundleWorker(WORKER_ENTRY);
  const compareWorker = await bundleWorker(COMPARE_WORKER_ENTRY);
  const sweepWorker = await bundleWorker(SWEEP_WORKER_ENTRY);
  const { html, js, css } = await bundleApp(worker, compareWorker, sweepWorker);
  const page = inlinePage(html, js, css);
  await rm(SINGLE_FILE_DIR, { recursive: true, force: true });
  await mkdir(SINGLE_FILE_DIR, { recursive: true });
  const file = join(SINGLE_FILE_DIR, SINGLE_FILE_NAME);
  await writeFile(file, page, 'utf8');
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `${relative(process.cwd(), file)}  ${kb(Buffer.byteLength(page))} ` +
      `(workers ${kb(worker.length)} + ${kb(compareWorker.length)} + ${kb(sweepWorker.length)}, script ${kb(js.length)}, style ${kb(css.length)}) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
