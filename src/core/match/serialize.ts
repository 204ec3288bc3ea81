// Compact binary form of MatcherData for IndexedDB: a header, one UTF-8 string table (NUL-separated),
// then the typed arrays, each 4-byte aligned. No JSON of objects: deserialising is one TextDecoder
// call, one split and a few typed-array copies.
import type { MatcherData } from './hash-index';

const MAGIC = 0x4d585443; // "CTXM"
const VERSION = 6; // 4: multi-token patterns keyed by their first two tokens; 5: entCountry; 6: 30-bit token hashes, patCoreLen

type Arr = Int32Array | Uint32Array | Uint8Array;
const FIELDS: [keyof MatcherData, 'i32' | 'u32' | 'u8'][] = [
  ['entId', 'i32'],
  ['entName', 'i32'],
  ['entType', 'u8'],
  ['entLang', 'i32'],
  ['entCountry', 'i32'],
  ['entTitleOff', 'i32'],
  ['entTitles', 'i32'],
  ['entCtxOff', 'i32'],
  ['entCtx', 'i32'],
  ['entAliasOff', 'i32'],
  ['entAliases', 'i32'],
  ['patEnt', 'i32'],
  ['patStr', 'i32'],
  ['patFlags', 'u8'],
  ['patTokOff', 'i32'],
  ['patTok', 'u32'],
  ['patCoreLen', 'i32'],
  ['tblKey', 'u32'],
  ['tblStart', 'i32'],
  ['tblCount', 'i32'],
  ['lowerBloom', 'u8'],
];

const pad4 = (n: number): number => (n + 3) & ~3;

export function encodeData(d: MatcherData): Uint8Array {
  const str = new TextEncoder().encode(d.strings.join('\u0000'));
  let size = 16 + pad4(str.length) + 4;
  for (const [k] of FIELDS) size += 4 + pad4((d[k] as Arr).byteLength);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, d.aliasCount, true);
  dv.setUint32(12, d.strings.length, true);
  let o = 16;
  dv.setUint32(o, str.length, true);
  o += 4;
  out.set(str, o);
  o += pad4(str.length);
  for (const [k] of FIELDS) {
    const a = d[k] as Arr;
    dv.setUint32(o, a.byteLength, true);
    o += 4;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), o);
    o += pad4(a.byteLength);
  }
  return out;
}

function base64ToBytes(s: string): Uint8Array {
  if (typeof atob === 'function') {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  throw new Error('no base64 decoder');
}

export function bytesToBase64(b: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < b.length; i += 8192) bin += String.fromCharCode(...b.subarray(i, i + 8192));
  return btoa(bin);
}

export function decodeData(input: Uint8Array | string): MatcherData {
  const bytes = typeof input === 'string' ? base64ToBytes(input) : input;
  // copy into an aligned buffer when needed (IndexedDB may hand back a view)
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 20 || dv.getUint32(0, true) !== MAGIC) throw new Error('not a serialised matcher');
  if (dv.getUint32(4, true) !== VERSION) throw new Error('matcher format version mismatch');
  const aliasCount = dv.getUint32(8, true);
  const nStrings = dv.getUint32(12, true);
  let o = 16;
  const slen = dv.getUint32(o, true);
  o += 4;
  const joined = new TextDecoder().decode(buf.subarray(o, o + slen));
  o += pad4(slen);
  const strings = nStrings === 0 ? [] : joined.split('\u0000');
  if (strings.length !== nStrings) throw new Error('corrupt string table');
  const d: Record<string, unknown> = { strings, aliasCount };
  for (const [k, t] of FIELDS) {
    if (o + 4 > buf.byteLength) throw new Error('truncated matcher');
    const len = dv.getUint32(o, true);
    o += 4;
    if (o + len > buf.byteLength) throw new Error('truncated matcher');
    const slice = buf.buffer.slice(buf.byteOffset + o, buf.byteOffset + o + len);
    d[k] = t === 'u8' ? new Uint8Array(slice) : t === 'u32' ? new Uint32Array(slice) : new Int32Array(slice);
    o += pad4(len);
  }
  return d as unknown as MatcherData;
}
