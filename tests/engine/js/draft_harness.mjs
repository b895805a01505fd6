// Runs web/core/draft.js in Node, outside a page, for the fast tier: the same
// checks the browser runs, on the data Python generates (read as JSON on stdin),
// so tests/engine compares the two without starting Chromium.
//   stdin:  {"data": …, "hyphenation": …, "jobs": [{"kind": …, …}, …]}
//   stdout: one result per job
import fs from "node:fs";
import { createChecker } from "../../../web/core/draft.js";

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const api = createChecker(input.data, input.hyphenation);

// The hostile texts tests/engine/test_draft_rules.py builds, built the same way here.
function hostile(fragments, n) {
  const fill = (unit) => unit.repeat(Math.ceil(n / Math.max(unit.length, 1))).slice(0, n);
  return [fill("a'"), fill(`${fragments.join(" ")} `), fill(fragments.join("'"))];
}

function time(source, flags, texts) {
  const re = new RegExp(source, `g${flags}`);
  let worst = 0;
  for (const text of texts) {
    let best = Infinity; // the best of up to five, in this process's CPU time: the machine is shared
    for (let run = 0; run < 5; run++) {
      const start = process.cpuUsage();
      for (const m of text.matchAll(re)) void m;
      const spent = process.cpuUsage(start);
      best = Math.min(best, (spent.user + spent.system) / 1000);
      if (best <= 25) break;
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

const run = {
  check: (job) => api.checkDraft(job.text, job.channel, job.playbook),
  note: (job) => api.setAsideNote(job.text),
  time: (job) => time(job.source, job.flags, hostile(job.fragments, job.length)),
  matches: (job) => job.texts.map((text) => api.ruleMatches(job.rule, text)),
  timeCheck: (job) => {
    const start = performance.now();
    const found = api.checkDraft(job.text, job.channel, job.playbook);
    return { ms: performance.now() - start, rules: found.map((f) => f.rule) };
  },
};
process.stdout.write(JSON.stringify(input.jobs.map((job) => run[job.kind](job))));
