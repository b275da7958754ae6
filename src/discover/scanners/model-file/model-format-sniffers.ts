/**
 * Recognising model weight formats from their first bytes (signatures doc §6). Only the head of
 * a file is ever read; every parser is bounds-checked and gives up quietly on truncation.
 */

export type ModelFormat = 'gguf' | 'ggml' | 'safetensors' | 'onnx' | 'pytorch-zip' | 'pickle' | 'keras-h5' | 'keras-zip' | 'tflite' | 'lfs-pointer';

export interface SniffResult {
  readonly format: ModelFormat;
  /** Facts from the header (`general.name`, `version`, `tensors`, `producer` …). */
  readonly facts: Readonly<Record<string, string>>;
}

const ascii = (b: Uint8Array, from: number, len: number): string => String.fromCharCode(...b.subarray(from, from + len));
const startsWith = (b: Uint8Array, s: string, at = 0): boolean => b.length >= at + s.length && ascii(b, at, s.length) === s;

/** Little-endian reader that returns undefined past the end of the buffer. */
class Reader {
  pos = 0;
  readonly #view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(n: number): boolean {
    return this.pos + n <= this.bytes.length;
  }
  u32(): number | undefined {
    if (!this.has(4)) return undefined;
    const v = this.#view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(): number | undefined {
    if (!this.has(8)) return undefined;
    const v = this.#view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(v);
  }
  str(): string | undefined {
    const n = this.u64();
    if (n === undefined || n > 1 << 20 || !this.has(n)) return undefined;
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
  skip(n: number): boolean {
    if (!this.has(n)) return false;
    this.pos += n;
    return true;
  }
}

/** GGUF scalar sizes by value type id; 8 = string, 9 = array. */
const GGUF_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const GGUF_KEYS = new Set(['general.name', 'general.architecture', 'general.license', 'general.basename', 'general.size_label']);

function skipGgufValue(r: Reader, type: number, depth = 0): boolean {
  if (type === 8) return r.str() !== undefined;
  if (type === 9) {
    if (depth > 2) return false;
    const inner = r.u32();
    const count = r.u64();
    if (inner === undefined || count === undefined) return false;
    const size = GGUF_SIZES[inner];
    if (size !== undefined) return r.skip(size * count);
    for (let i = 0; i < count; i++) if (!skipGgufValue(r, inner, depth + 1)) return false;
    return true;
  }
  const size = GGUF_SIZES[type];
  return size !== undefined && r.skip(size);
}

/** GGUF: `GGUF`, u32 version, u64 tensor count, u64 kv count, then typed key/values. */
function sniffGguf(b: Uint8Array): SniffResult {
  const r = new Reader(b);
  r.pos = 4;
  const facts: Record<string, string> = {};
  const version = r.u32();
  const tensors = r.u64();
  const kvs = r.u64();
  if (version !== undefined) facts['version'] = String(version);
  if (tensors !== undefined) facts['tensors'] = String(tensors);
  for (let i = 0; kvs !== undefined && i < kvs && i < 10_000; i++) {
    const key = r.str();
    const type = r.u32();
    if (key === undefined || type === undefined) break;
    if (type === 8 && GGUF_KEYS.has(key)) {
      const v = r.str();
      if (v === undefined) break;
      facts[key] = v.slice(0, 200);
    } else if (!skipGgufValue(r, type)) break;
  }
  return { format: 'gguf', facts };
}

/** safetensors: u64 header length, then that many bytes of JSON. */
function sniffSafetensors(b: Uint8Array): SniffResult | undefined {
  const r = new Reader(b);
  const n = r.u64();
  if (n === undefined || n < 2 || n > 100 * 1024 * 1024 || b[8] !== 0x7b /* { */) return undefined;
  const facts: Record<string, string> = { headerBytes: String(n) };
  if (b.length >= 8 + n) {
    try {
      const header = JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + n))) as Record<string, unknown>;
      const tensors = Object.keys(header).filter((k) => k !== '__metadata__');
      facts['tensors'] = String(tensors.length);
      const dtypes = new Set(tensors.map((t) => (header[t] as { dtype?: unknown } | null)?.dtype).filter((d): d is string => typeof d === 'string'));
      if (dtypes.size > 0) facts['dtype'] = [...dtypes].sort().join(',');
      const meta = header['__metadata__'];
      if (meta && typeof meta === 'object') for (const [k, v] of Object.entries(meta).slice(0, 10)) if (typeof v === 'string') facts[`metadata.${k}`] = v.slice(0, 200);
    } catch {
      return undefined;
    }
  }
  return { format: 'safetensors', facts };
}

/** ONNX ModelProto: field 1 (ir_version, varint) first; producer_name is field 2 (string). */
function sniffOnnx(b: Uint8Array): SniffResult | undefined {
  if (b[0] !== 0x08) return undefined;
  let i = 0;
  const facts: Record<string, string> = {};
  const varint = (): number | undefined => {
    let v = 0;
    for (let shift = 0; shift < 35 && i < b.length; shift += 7) {
      const byte = b[i++] ?? 0;
      v += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return v;
    }
    return undefined;
  };
  for (let fields = 0; fields < 8 && i < b.length; fields++) {
    const tag = varint();
    if (tag === undefined) break;
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const v = varint();
      if (v === undefined) break;
      if (field === 1) facts['irVersion'] = String(v);
    } else if (wire === 2) {
      const len = varint();
      if (len === undefined || i + len > b.length) break;
      if (field === 2) facts['producer'] = new TextDecoder().decode(b.subarray(i, i + len)).slice(0, 100);
      if (field === 3) facts['producerVersion'] = new TextDecoder().decode(b.subarray(i, i + len)).slice(0, 50);
      i += len;
    } else break;
  }
  return facts['irVersion'] !== undefined ? { format: 'onnx', facts } : undefined;
}

/** Callables a malicious pickle reaches for (GLOBAL `module\nname` or STACK_GLOBAL strings). */
const DANGEROUS_PICKLE_REFS: ReadonlyArray<[string, string]> = [
  ['os\nsystem', 'os.system'], ['posix\nsystem', 'os.system'], ['nt\nsystem', 'os.system'], ['subprocess', 'subprocess'],
  ['builtins\neval', 'builtins.eval'], ['builtins\nexec', 'builtins.exec'], ['__builtin__\neval', 'builtins.eval'],
  ['\x8c\x02os\x94\x8c\x06system', 'os.system'], ['\x8c\x05posix\x94\x8c\x06system', 'os.system'], ['\x8c\x08builtins\x94\x8c\x04exec', 'builtins.exec'],
  ['\x8c\x08builtins\x94\x8c\x04eval', 'builtins.eval'], ['runpy', 'runpy'], ['webbrowser', 'webbrowser'],
];

/** Dangerous imports visible in a pickle's bytes (the head only). */
export function dangerousPickleRefs(b: Uint8Array): string[] {
  const end = Math.min(b.length, 1 << 16);
  let text = '';
  for (let i = 0; i < end; i += 4096) text += String.fromCharCode(...b.subarray(i, Math.min(end, i + 4096)));
  return [...new Set(DANGEROUS_PICKLE_REFS.filter(([needle]) => text.includes(needle)).map(([, label]) => label))];
}

/**
 * Identify a model file format from its head bytes and file name. `undefined` when the bytes
 * are not a model format we recognise (so a random `.bin` is not reported).
 */
export function sniffModelFormat(head: Uint8Array, path: string): SniffResult | undefined {
  const lower = path.toLowerCase();
  if (startsWith(head, 'version https://git-lfs.github.com/spec/v1')) {
    const text = new TextDecoder().decode(head.subarray(0, 512));
    const facts: Record<string, string> = {};
    for (const line of text.split('\n')) {
      if (line.startsWith('oid ')) facts['oid'] = line.slice(4).trim().slice(0, 80);
      if (line.startsWith('size ')) facts['size'] = line.slice(5).trim().slice(0, 20);
    }
    return { format: 'lfs-pointer', facts };
  }
  if (startsWith(head, 'GGUF')) return sniffGguf(head);
  if (startsWith(head, 'lmgg') || startsWith(head, 'fmgg') || startsWith(head, 'tjgg') || startsWith(head, 'ggml') || startsWith(head, 'ggjt')) return { format: 'ggml', facts: {} };
  if (startsWith(head, 'PK\x03\x04')) {
    const firstName = ascii(head, 30, Math.min(200, Math.max(0, head.length - 30)));
    if (lower.endsWith('.keras')) return { format: 'keras-zip', facts: {} };
    if (firstName.includes('.pkl') || firstName.includes('data/') || /\.(?:pt|pth|ckpt|bin)$/.test(lower)) return { format: 'pytorch-zip', facts: {} };
    return undefined;
  }
  if (head[0] === 0x80 && (head[1] ?? 0) >= 2 && (head[1] ?? 0) <= 5) return { format: 'pickle', facts: { protocol: String(head[1]) } };
  if (startsWith(head, '\x89HDF\r\n\x1a\n')) return { format: 'keras-h5', facts: {} };
  if (startsWith(head, 'TFL3', 4)) return { format: 'tflite', facts: {} };
  if (lower.endsWith('.safetensors')) return sniffSafetensors(head);
  if (lower.endsWith('.onnx')) return sniffOnnx(head);
  // joblib/pickle files compressed with zlib start 0x78; scikit-learn dumps are pickles inside.
  if ((lower.endsWith('.joblib') || lower.endsWith('.pkl')) && head[0] === 0x78) return { format: 'pickle', facts: { compressed: 'zlib' } };
  return undefined;
}

/** Formats whose loading runs pickle (code execution on load). */
export function isPickleBased(format: ModelFormat, path: string): boolean {
  if (format === 'pickle' || format === 'pytorch-zip') return true;
  if (format !== 'lfs-pointer') return false;
  const lower = path.toLowerCase();
  return /\.(?:pt|pth|ckpt|pkl|pickle|joblib|dill|sav)$/.test(lower) || /(?:^|\/)pytorch_model[^/]*\.bin$/.test(lower);
}
