// The whole draft corpus (tests/engine/drafts) gives the same findings, channel
// guess and sizes in Node as make_it_right/draft.py gives.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createChecker } from "../core/draft.js";
import { golden } from "./support/golden.js";

const { data, hyphenation, cases } = golden("draft");
const checker = createChecker(data, hyphenation);

test("the corpus is all there", () => assert.ok(cases.length >= 40, `${cases.length} drafts`));

for (const c of cases) {
  test(`draft ${c.name}`, () => {
    assert.deepEqual(checker.checkDraft(c.text, c.channel, c.playbook), c.findings);
    assert.equal(checker.guessChannel(c.text), c.guess);
    assert.deepEqual(checker.sizes(c.text, c.channel || c.guess), c.sizes);
  });
}
