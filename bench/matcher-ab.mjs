// Same-process A/B of the matcher's scan: `node bench/matcher-ab.mjs <git-ref> [rounds]`.
// Checks the ref out into a temporary git worktree, bundles its matcher and the working tree's into one
// program (esbuild, syntax-minified as bench/run.mjs does), builds both on the matcher bench's pack and text
// (bench/matcher-data.ts) and scans the text with each in turn, 3 warm-up runs then 21 timed runs each,
// alternating which goes first. Running both in one process cancels most of this VM's drift from minute to
// minute, which is larger than most single changes. Prints, per round, the medians and fastest runs and the
// median of the per-run ratios (ref time / working-tree time: above 1 means the working tree is faster).
// Not part of `npm run bench` (its file name matches neither of run.mjs's patterns).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [ref, roundsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: node bench/matcher-ab.mjs <git-ref> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 3);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matcher-ab-'));
const worktree = path.join(tmp, 'base');
execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], { cwd: root, stdio: 'ignore' });
try {
  const entry = path.join(root, 'node_modules/.cache/bench/matcher-ab.entry.ts');
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(
    entry,
    `import { runAB } from ${JSON.stringify(path.join(root, 'bench/matcher-ab.ts'))};\n` +
      `import * as base from ${JSON.stringify(path.join(worktree, 'src/core/match'))};\n` +
      `import * as work from ${JSON.stringify(path.join(root, 'src/core/match'))};\n` +
      `runAB(base, work, ${JSON.stringify(ref)});\n`,
  );
  const out = path.join(root, 'node_modules/.cache/bench/matcher-ab.mjs');
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', minifySyntax: true, outfile: out, logLevel: 'warning' });
  for (let i = 0; i < rounds; i++) {
    const r = spawnSync(process.execPath, [out], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
  fs.rmSync(tmp, { recursive: true, force: true });
}
