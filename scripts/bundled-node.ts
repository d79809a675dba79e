/**
 * Runs a script as the page ships its code: bundled by Vite (the same bundler and transforms
 * as the app's worker) into one ES module, then executed by plain `node` in a child process,
 * without a TypeScript loader.
 *
 * Why not `tsx` for timing: tsx compiles each module to CommonJS, so every imported constant
 * becomes a getter call (a megamorphic property load in a hot loop), and its loader thread
 * detaches an ArrayBuffer, which switches off V8's "no buffer was ever detached" assumption
 * for the whole process: every typed-array access then reloads the array's buffer and tests
 * it. Both costs are absent from the page's bundle, so a benchmark run under tsx measures a
 * slower engine than the one a class runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'vite';

/**
 * Bundles `entry` (a path from the repository root) for Node into a temporary folder, calls `use`
 * with the bundle's path, and removes the folder afterwards.
 */
export async function withBundle<T>(
  entry: string,
  use: (file: string) => T | Promise<T>,
): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'ice-maze-bundled-'));
  const file = `${basename(entry, '.ts')}.mjs`;
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: entry,
        outDir,
        emptyOutDir: true,
        minify: false,
        rollupOptions: { output: { entryFileNames: file } },
      },
    });
    return await use(join(outDir, file));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Bundles `entry` and runs it with `args` in this process's working directory and terminal;
 * returns its exit status.
 */
export async function runBundled(entry: string, args: readonly string[]): Promise<number> {
  return withBundle(entry, (file) => {
    const child = spawnSync(process.execPath, [file, ...args], { stdio: 'inherit' });
    if (child.error) throw child.error;
    return child.status ?? 1;
  });
}
