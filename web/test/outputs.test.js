// The checked-in golden files the engine tier holds Python to (tests/engine/golden):
// Subject headers as render.encoded_words folds them, and text-message segments as
// an independent counter (Twilio's sms-segments-calculator) counts them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { encodedSubject } from "../core/encode.js";
import { createChecker } from "../core/draft.js";
import { golden } from "./support/golden.js";

const read = (name) => JSON.parse(readFileSync(new URL(`../../tests/engine/golden/${name}`, import.meta.url), "utf8"));
const outputs = read("outputs.json");
const segments = read("sms-segments.json");
const checker = createChecker(golden("draft").data, golden("draft").hyphenation);

for (const { subject, header } of outputs.subjects) {
  test(`Subject header for ${JSON.stringify(subject.slice(0, 20))}…`, () => {
    const line = `Subject: ${encodedSubject(subject)}`;
    assert.equal(line, header);
    for (const part of line.split("\r\n")) assert.ok(part.length <= 76, part);
  });
}

for (const c of segments.cases) {
  test(`text message segments: ${c.name}`, () => {
    assert.equal(checker.smsSize(c.text).segments, c.segments);
  });
}
