// Bundles the browser code and styles (web/) into the files the site ships:
// docs/javascripts/mir.min.js, which every page loads; draft.min.js, which it loads
// where "Check my draft" is, and checks.min.js, which that imports on first use; fill.min.js, which it loads
// where a page has templates; fill-actions.min.js, which that loads when a reader first reaches for a card's
// controls; docs/stylesheets/make-it-right.css, every page's styles. `--check` builds in memory and fails, naming
// the file, when a shipped bundle differs from what its sources build to.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const check = process.argv.includes("--check");
const entries = [
  { in: "web/main.js", out: "javascripts/mir.min" },
  { in: "web/draft.js", out: "javascripts/draft.min" },
  { in: "web/checks.js", out: "javascripts/checks.min" },
  { in: "web/fill.js", out: "javascripts/fill.min" },
  { in: "web/fill-actions.js", out: "javascripts/fill-actions.min" },
  { in: "web/styles/make-it-right.css", out: "stylesheets/make-it-right" },
];

const result = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: "docs",
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  legalComments: "none",
  charset: "utf8",
  write: !check,
  logLevel: "warning",
});

if (check) {
  let stale = 0;
  for (const file of result.outputFiles) {
    const name = relative(root, file.path);
    let shipped = "";
    try { shipped = readFileSync(file.path, "utf8"); } catch { /* missing counts as stale */ }
    if (shipped !== file.text) {
      console.error(`${name}: out of date with web/; run \`make js\` and commit it`);
      stale += 1;
    }
  }
  process.exit(stale ? 1 : 0);
}
