// Runs every benchmark: bundles bench/*.bench.ts with esbuild (platform node, ESM) into
// node_modules/.cache/bench/ and runs each with node in turn, then runs bench/*-browser.mjs.
// Output is streamed; exits non-zero if any benchmark fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const outDir = path.join(root, 'node_modules/.cache/bench');
fs.mkdirSync(outDir, { recursive: true });

const only = process.argv.slice(2);
const pick = (f) => only.length === 0 || only.some((o) => f.includes(o));
const files = fs.readdirSync(benchDir).sort();
const tsBenches = files.filter((f) => f.endsWith('.bench.ts') && pick(f));
const browserBenches = files.filter((f) => f.endsWith('-browser.mjs') && pick(f));

function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const failed = [];
for (const f of tsBenches) {
  const out = path.join(outDir, f.replace(/\.ts$/, '.mjs'));
  console.log(`\n=== ${f} ===`);
  try {
    await esbuild.build({
      entryPoints: [path.join(benchDir, f)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Syntax minification, as build.mjs's `minify` does for the extension: it inlines the numeric constants
      // across modules (V8 in Node 20 otherwise reads each from the module on every use and checks its type),
      // so the benchmark runs the matcher as it ships. Names and whitespace stay, for readable profiles.
      minifySyntax: true,
      outfile: out,
      logLevel: 'warning',
      // CommonJS dependencies bundled into ESM may call require()
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  } catch (e) {
    console.error(`bundling ${f} failed: ${e.message}`);
    failed.push(f);
    continue;
  }
  const code = await run(out);
  if (code !== 0) failed.push(f);
}
for (const f of browserBenches) {
  console.log(`\n=== ${f} ===`);
  const code = await run(path.join(benchDir, f));
  if (code !== 0) failed.push(f);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nall benchmarks done (${tsBenches.length + browserBenches.length})`);
