// Count each boundary case with Twilio's message segment calculator (an
// implementation independent of ours) and write the expected counts beside the
// cases: node tools/sms-segments/golden.cjs (run `npm ci` here first).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { SegmentedMessage } = require("sms-segments-calculator");

const golden = path.join(__dirname, "..", "..", "tests", "engine", "golden");
const { cases } = JSON.parse(fs.readFileSync(path.join(golden, "sms-segments.cases.json"), "utf8"));
const counted = cases.map(({ name, runs }) => {
  const text = runs.map(([piece, times]) => piece.repeat(times)).join("");
  const message = new SegmentedMessage(text, "auto");
  return { name, text, encoding: message.encodingName, segments: message.segmentsCount };
});
fs.writeFileSync(path.join(golden, "sms-segments.json"),
  JSON.stringify({ source: "sms-segments-calculator (Twilio), tools/sms-segments", cases: counted }, null, 1) + "\n");
console.log(`${counted.length} cases written`);
