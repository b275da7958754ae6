import ignore, { type Ignore } from 'ignore';
import type { DirEntry, DiscoverFs, FsStat } from './engine-fs-port.js';
import { describeFsError } from './engine-problems.js';

/**
 * Dependency and build folders skipped by default (`--include-vendored` scans them, except `.git`).
 * Names only: matched against a directory's own name at any depth.
 */
export const VENDORED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages', 'vendor', '.venv', 'venv', 'env', '.tox', '.nox',
  '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', '.eggs',
  'dist', 'build', 'target', 'out', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache', '.cache',
  '.gradle', '.m2', 'Pods', 'Carthage', '.terraform', '.serverless', 'coverage', '.yarn', '.pnpm-store',
]);
/** Never scanned, even with `--include-vendored`. */
const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);

/** A regular file the walker found. `rel` is relative to the root, POSIX separators. */
export interface WalkedFile {
  readonly abs: string;
  readonly rel: string;
  readonly size: number;
}

export interface WalkOptions {
  readonly includeVendored: boolean;
  /** Called once per path that could not be read; the walk goes on. */
  readonly onProblem: (path: string, message: string) => void;
  /** Called for each file or folder left out by ignore rules (for `stats.skipped`). */
  readonly onSkip: () => void;
}

interface IgnoreLayer {
  /** Folder holding the .gitignore, relative to the root ('' for the root). */
  readonly dir: string;
  readonly ig: Ignore;
  readonly parent: IgnoreLayer | undefined;
}

interface Ancestor {
  readonly id: string;
  readonly parent: Ancestor | undefined;
}

interface Frame {
  readonly id: string;
  readonly abs: string;
  readonly rel: string;
  readonly ignores: IgnoreLayer | undefined;
  readonly ancestors: Ancestor;
}

type StatOutcome = { readonly ok: true; readonly stat: FsStat } | { readonly ok: false; readonly error: unknown };

const STAT_BATCH = 64;

function join(a: string, b: string): string {
  if (a === '') return b;
  return a.endsWith('/') ? `${a}${b}` : `${a}/${b}`;
}

function dirId(s: FsStat): string {
  return `${s.dev}:${s.ino}`;
}

function hasAncestor(chain: Ancestor | undefined, id: string): boolean {
  for (let a = chain; a; a = a.parent) if (a.id === id) return true;
  return false;
}

/** Git semantics: the deepest .gitignore with an opinion wins; a negation (`!x`) re-includes. */
function isIgnored(layers: IgnoreLayer | undefined, rel: string, isDir: boolean): boolean {
  for (let l = layers; l; l = l.parent) {
    const local = l.dir === '' ? rel : rel.slice(l.dir.length + 1);
    const r = l.ig.test(isDir ? `${local}/` : local);
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return false;
}

/**
 * Walk one root depth-first and yield its files. Streaming: only the stack of folders still to
 * visit and one folder's entries are held, never the file list. Honours .gitignore at every level,
 * skips vendored folders, follows symlinks but reports loops, and reports unreadable paths once.
 */
export async function* walkFiles(fs: DiscoverFs, rootAbs: string, rootStat: FsStat, opts: WalkOptions): AsyncGenerator<WalkedFile> {
  // Folders reached through a symlink wait until every real folder is done, so a tree is
  // reported under its real path and a folder reached twice is scanned once.
  const visited = new Set<string>();
  const stack: Frame[] = [{ id: dirId(rootStat), abs: rootAbs, rel: '', ignores: undefined, ancestors: { id: dirId(rootStat), parent: undefined } }];
  const viaLink: Frame[] = [];
  while (stack.length > 0 || viaLink.length > 0) {
    const frame = (stack.length > 0 ? stack.pop() : viaLink.shift()) as Frame;
    if (visited.has(frame.id)) continue;
    visited.add(frame.id);
    let entries: readonly DirEntry[];
    try {
      entries = await fs.readdir(frame.abs);
    } catch (err) {
      opts.onProblem(frame.rel === '' ? '.' : `${frame.rel}/`, `cannot read directory: ${describeFsError(err)}`);
      continue;
    }
    const ignores = await loadGitignore(fs, frame, entries, opts);
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const candidates: { entry: DirEntry; rel: string; abs: string }[] = [];
    for (const entry of sorted) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const rel = join(frame.rel, entry.name);
      if (entry.kind === 'dir' && !opts.includeVendored && VENDORED_DIRS.has(entry.name)) {
        opts.onSkip();
        continue;
      }
      if (entry.kind !== 'symlink' && entry.kind !== 'other' && isIgnored(ignores, rel, entry.kind === 'dir')) {
        opts.onSkip();
        continue;
      }
      if (entry.kind === 'other') continue;
      candidates.push({ entry, rel, abs: join(frame.abs, entry.name) });
    }
    const subdirs: Frame[] = [];
    for (let i = 0; i < candidates.length; i += STAT_BATCH) {
      const batch = candidates.slice(i, i + STAT_BATCH);
      const stats = await Promise.all(
        batch.map((c) => fs.stat(c.abs).then((stat): StatOutcome => ({ ok: true, stat }), (error: unknown): StatOutcome => ({ ok: false, error }))),
      );
      for (let j = 0; j < batch.length; j++) {
        const c = batch[j] as (typeof batch)[number];
        const outcome = stats[j] as StatOutcome;
        if (!outcome.ok) {
          const why = describeFsError(outcome.error);
          opts.onProblem(c.rel, c.entry.kind === 'symlink' ? `broken or unreadable symbolic link: ${why}` : why);
          continue;
        }
        const st = outcome.stat;
        if (c.entry.kind === 'symlink') {
          if (st.kind === 'dir' && !opts.includeVendored && VENDORED_DIRS.has(c.entry.name)) { opts.onSkip(); continue; }
          if ((st.kind === 'dir' || st.kind === 'file') && isIgnored(ignores, c.rel, st.kind === 'dir')) { opts.onSkip(); continue; }
        }
        if (st.kind === 'file') {
          yield { abs: c.abs, rel: c.rel, size: st.size };
        } else if (st.kind === 'dir') {
          const id = dirId(st);
          if (hasAncestor(frame.ancestors, id)) {
            opts.onProblem(c.rel, 'symbolic link loop (points to a folder that contains it); not followed');
            continue;
          }
          const sub = { id, abs: c.abs, rel: c.rel, ignores, ancestors: { id, parent: frame.ancestors } };
          if (c.entry.kind === 'symlink') viaLink.push(sub);
          else subdirs.push(sub);
        }
      }
    }
    for (let k = subdirs.length - 1; k >= 0; k--) stack.push(subdirs[k] as Frame);
  }
}

async function loadGitignore(fs: DiscoverFs, frame: Frame, entries: readonly DirEntry[], opts: WalkOptions): Promise<IgnoreLayer | undefined> {
  if (!entries.some((e) => e.name === '.gitignore' && e.kind === 'file')) return frame.ignores;
  const where = join(frame.rel, '.gitignore');
  try {
    const text = new TextDecoder('utf-8').decode(await fs.readFile(join(frame.abs, '.gitignore')));
    return { dir: frame.rel, ig: ignore().add(text), parent: frame.ignores };
  } catch (err) {
    opts.onProblem(where, `cannot read .gitignore: ${describeFsError(err)}`);
    return frame.ignores;
  }
}
