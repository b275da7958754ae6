/** Go: go.mod `require` lines and blocks (`// indirect` recorded as scope). */
import { badInput, type Declared, type ManifestFormat } from './manifest-support.js';

const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'require', 'replace', 'exclude', 'retract', 'godebug', 'tool', 'ignore']);

function requirement(body: string, line: number, path: string): Declared {
  const comment = body.indexOf('//');
  const indirect = comment >= 0 && body.slice(comment).includes('indirect');
  const parts = (comment >= 0 ? body.slice(0, comment) : body).trim().split(/\s+/);
  const [mod, version] = parts;
  if (parts.length !== 2 || !mod || !version || !version.startsWith('v')) {
    throw badInput(path, `invalid go.mod require "${body.trim().slice(0, 80)}"`, line);
  }
  return { name: mod.replace(/^"|"$/g, ''), version, line, ...(indirect ? { scope: 'indirect' } : {}) };
}

export const goModFormat: ManifestFormat = {
  name: 'go-mod',
  ecosystem: 'go',
  kind: 'manifest',
  matches: (base) => base === 'go.mod',
  extract(text, path) {
    const out: Declared[] = [];
    const lines = text.split('\n');
    let block: string | undefined;
    let blockLine = 0;
    for (let i = 0; i < lines.length; i++) {
      const raw = (lines[i] ?? '').replace(/\r$/, '');
      const t = raw.trim();
      if (t === '' || t.startsWith('//')) continue;
      if (block !== undefined) {
        if (t === ')') block = undefined;
        else if (block === 'require') out.push(requirement(t, i + 1, path));
        continue;
      }
      const word = t.split(/[\s(]/)[0] ?? '';
      if (!DIRECTIVES.has(word)) throw badInput(path, `invalid go.mod: unknown directive "${word.slice(0, 40)}"`, i + 1);
      const rest = t.slice(word.length).trim();
      if (rest.startsWith('(')) {
        block = word;
        blockLine = i + 1;
      } else if (word === 'require') out.push(requirement(rest, i + 1, path));
    }
    if (block !== undefined) throw badInput(path, `invalid go.mod: "${block} (" block is never closed`, blockLine);
    return out;
  },
};
