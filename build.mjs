// Builds dist/chrome and dist/firefox from one manifest.json and one set of sources.
//   node build.mjs            one build + store zips
//   node build.mjs --watch    rebuild on change (no zips)
//   node build.mjs --package  build + store zips + the source zip AMO asks for
// Everything that differs between the browsers is in `manifestFor()` below; the code is the same.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { writeZip, dirEntries } from './scripts/zip.mjs';

const root = path.dirname(new URL(import.meta.url).pathname);
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const BROWSERS = ['chrome', 'firefox'];

export const GECKO_ID = 'context-overlays@context-overlays.org';
// 140: first Firefox with the CSS Custom Highlight API (our default painter) and with
// `data_collection_permissions`, which AMO requires for new extensions.
export const FIREFOX_MIN_VERSION = '140.0';

export function manifestFor(browser, source = readManifest()) {
  const m = structuredClone(source);
  m.version = pkg.version;
  if (browser === 'firefox') {
    // Firefox MV3 has no service workers for extensions: the same bundle runs as a background script.
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the browser: no telemetry, no remote lookups unless the reader turns them on.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learned data_collection_permissions in 142 (web-ext lint warns otherwise).
      gecko_android: { strict_min_version: '142.0' },
    };
  } else {
    m.background = { service_worker: 'background.js' };
    m.minimum_chrome_version = '120';
    delete m.browser_specific_settings;
  }
  return m;
}

function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
}

const entryPoints = Object.fromEntries(
  Object.entries({
    background: 'src/background/index.ts',
    content: 'src/content/index.ts',
    popup: 'src/popup/index.tsx',
    options: 'src/options/index.tsx',
  }).filter(([, file]) => fs.existsSync(path.join(root, file))),
);

function staticCopies(outdir) {
  fs.mkdirSync(outdir, { recursive: true });
  for (const f of ['popup.html', 'options.html']) {
    const src = path.join(root, 'src', f.replace('.html', ''), f);
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(outdir, f));
  }
  fs.cpSync(path.join(root, 'icons'), path.join(outdir, 'icons'), {
    recursive: true,
    filter: (s) => !s.endsWith('.svg'),
  });
  fs.cpSync(path.join(root, '_locales'), path.join(outdir, '_locales'), { recursive: true });
  fs.mkdirSync(path.join(outdir, 'packs'), { recursive: true });
  fs.writeFileSync(path.join(outdir, 'packs', 'starter.json'), JSON.stringify(assembleStarterPack()));
}

/** packs/starter/*.json are arrays of entities; the shipped pack is them in one file, sorted by id. */
export function assembleStarterPack() {
  const dir = path.join(root, 'packs', 'starter');
  const entities = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    format: 'context-overlays-pack',
    formatVersion: 1,
    pack: {
      id: 'starter',
      name: 'Starter pack',
      version: pkg.version,
      license: 'CC-BY-SA-4.0',
      description: 'People, organisations, agencies, places, groups and publishers a news reader meets every day.',
    },
    entities,
  };
}

function writeManifests(outdir, browser) {
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2));
}

// Preact's dangerouslySetInnerHTML branch is the only HTML sink in our bundles (`el.innerHTML =
// props.__html`). We never use that prop (test/unit/project-rules.test.ts forbids it), so turn the
// branch into a text write: knowledge text can never become markup, and AMO's linter has no
// UNSAFE_VAR_ASSIGNMENT to flag. The build fails if a Preact update changes the shape.
const noHtmlSink = {
  name: 'no-html-sink',
  setup(build) {
    build.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, async (args) => {
      const src = await fs.promises.readFile(args.path, 'utf8');
      let n = 0;
      const out = src.replace(/(\b[\w$]+)\.innerHTML=([\w$]+)\.__html/g, (_m, el, v) => (n++, `${el}.textContent=${v}.__html`));
      if (n !== 1) throw new Error(`no-html-sink: expected 1 innerHTML sink in ${args.path}, found ${n}`);
      return { contents: out, loader: 'js' };
    });
  },
};

async function buildBrowser(browser) {
  const outdir = path.join(root, 'dist', browser);
  fs.rmSync(outdir, { recursive: true, force: true });
  staticCopies(outdir);
  writeManifests(outdir, browser);
  const options = {
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    // iife: content scripts and Chrome's classic service worker both need a plain script.
    format: 'iife',
    target: ['chrome120', 'firefox140'],
    minify: !watch,
    sourcemap: watch ? 'inline' : false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __BROWSER__: JSON.stringify(browser), __DEV__: JSON.stringify(watch) },
    logLevel: 'warning',
    metafile: true,
    plugins: [noHtmlSink],
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    return null;
  }
  const result = await esbuild.build(options);
  return result.metafile;
}

function zipName(browser) {
  return path.join(root, 'dist', `context-overlays-${browser}-${pkg.version}.zip`);
}

function sourceZip() {
  // AMO reviewers rebuild from this: every tracked file, built with the README's two commands.
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const entries = files
    .filter((f) => fs.existsSync(path.join(root, f)))
    .map((f) => ({ name: f, data: fs.readFileSync(path.join(root, f)) }));
  const out = path.join(root, 'dist', `context-overlays-source-${pkg.version}.zip`);
  writeZip(out, entries);
  return out;
}

async function main() {
  const sizes = {};
  for (const browser of BROWSERS) {
    const meta = await buildBrowser(browser);
    if (meta) {
      for (const [file, info] of Object.entries(meta.outputs)) {
        if (browser === 'chrome') sizes[path.basename(file)] = info.bytes;
      }
      writeZip(zipName(browser), dirEntries(path.join(root, 'dist', browser)));
    }
  }
  if (watch) {
    console.log('watching src/ … (reload the extension in the browser after a rebuild)');
    for (const b of BROWSERS) {
      fs.watch(path.join(root, 'packs', 'starter'), () => staticCopies(path.join(root, 'dist', b)));
    }
    return;
  }
  fs.writeFileSync(path.join(root, 'dist', 'bundle-sizes.json'), JSON.stringify(sizes, null, 2));
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `built dist/chrome and dist/firefox (${Object.entries(sizes)
      .map(([f, n]) => `${f} ${kb(n)}`)
      .join(', ')})`,
  );
  console.log(`store zips: ${BROWSERS.map((b) => path.relative(root, zipName(b))).join(', ')}`);
  if (args.has('--package')) console.log(`source zip: ${path.relative(root, sourceZip())}`);
  console.log('Load unpacked: Chrome → chrome://extensions → "Load unpacked" → dist/chrome;');
  console.log('               Firefox → about:debugging#/runtime/this-firefox → "Load Temporary Add-on" → dist/firefox/manifest.json');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await main();
}
