// Quick structural check of packs/starter/*.json parts while they are being written.
// The real validation is the valibot schema in src/core/pack; this only catches slips early.
import fs from 'node:fs';
import path from 'node:path';
const TYPES = ['person','organization','agency','place','group','law','substance','publisher','other'];
const dir = 'packs/starter';
const files = process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(dir).filter(f => f.endsWith('.json')).map(f => path.join(dir, f));
const ids = new Map(); let errors = 0; let count = 0;
const err = (f, i, msg) => { errors++; console.log(`${f} [${i}]: ${msg}`); };
for (const f of files) {
  let arr;
  try { arr = JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) { err(f, '-', 'bad JSON: ' + e.message); continue; }
  if (!Array.isArray(arr)) { err(f, '-', 'not an array'); continue; }
  arr.forEach((e, i) => {
    count++;
    const at = `${i} ${e?.id}`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(e.id ?? '')) err(f, at, 'bad id');
    if (ids.has(e.id)) err(f, at, `duplicate id (also in ${ids.get(e.id)})`); else ids.set(e.id, f);
    for (const k of ['name','description','summary','lang']) if (typeof e[k] !== 'string' || !e[k].trim()) err(f, at, `missing ${k}`);
    if (!TYPES.includes(e.type)) err(f, at, 'bad type ' + e.type);
    if (!Array.isArray(e.aliases)) err(f, at, 'aliases not array');
    else if (e.aliases.includes(e.name)) err(f, at, 'alias repeats name');
    if (!Array.isArray(e.sources) || e.sources.length < 1) err(f, at, 'needs >= 1 source');
    else e.sources.forEach((s, j) => {
      if (!/^https?:\/\/[^\s]+$/.test(s.url ?? '')) err(f, at, `source ${j} bad url`);
      if (!s.title || !s.publisher) err(f, at, `source ${j} needs title and publisher`);
      if (s.date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date)) err(f, at, `source ${j} bad date`);
    });
    if (!Array.isArray(e.facts) || e.facts.length < 2 || e.facts.length > 5) err(f, at, 'needs 2-5 facts');
    else e.facts.forEach((x, j) => {
      if (!x.label || !x.value || !Array.isArray(x.sourceIds)) err(f, at, `fact ${j} malformed`);
      else if (x.sourceIds.some(n => !Number.isInteger(n) || n < 0 || n >= (e.sources?.length ?? 0))) err(f, at, `fact ${j} sourceIds out of range`);
    });
    if (e.summary && e.summary.length > 700) err(f, at, 'summary > 700 chars');
    if (e.description && e.description.length > 140) err(f, at, 'description > 140 chars');
    if (e.asOf && !/^\d{4}-\d{2}(-\d{2})?$/.test(e.asOf)) err(f, at, 'bad asOf');
    if (e.type === 'publisher' && !(e.domains?.length)) err(f, at, 'publisher needs domains');
  });
}
console.log(`${count} entities in ${files.length} file(s), ${errors} problem(s)`);
process.exit(errors ? 1 : 0);
