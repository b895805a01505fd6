// Recipients read in the browser as Python reads them (tests/engine/golden/outputs.json,
// written by scripts/golden_outputs.py from make_it_right/render.py): the To header
// folded the same, the mailto: addresses the same, the same lines refused.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { addressHeader, mailboxes, mailboxText, smsRecipients } from "../core/address.js";

const outputs = JSON.parse(readFileSync(new URL("../../tests/engine/golden/outputs.json", import.meta.url), "utf8"));

for (const { to, header, mailto } of outputs.recipients) {
  test(`To: ${JSON.stringify(to.slice(0, 40))}`, () => {
    const { boxes, bad } = mailboxes(to);
    assert.deepEqual(bad, []);
    assert.equal(addressHeader("To", boxes), header);
    assert.equal(boxes.map((box) => box.address).join(","), mailto);
    for (const line of header.split("\r\n")) assert.ok(line.length <= 76 || !line.includes("=?"), line);
  });
}

for (const to of outputs.refusedRecipients) {
  test(`refused recipient ${JSON.stringify(to)}`, () => {
    // Python refuses these lines; the page addresses nothing from them.
    assert.deepEqual(mailboxes(to).boxes, []);
  });
}

test("a line break refuses the whole line, so no header can be smuggled in", () => {
  for (const to of ["a@example.com\r\nBcc: b@example.com", "Priya <a@example.com>\u2028Bcc: b@example.com"]) {
    assert.deepEqual(mailboxes(to).boxes, []);
  }
});

test("a mailbox shows as a person reads it", () => {
  const { boxes } = mailboxes('"Shah, Priya" <priya@example.com>; jo@bücher.de');
  assert.deepEqual(boxes.map(mailboxText), ["Shah, Priya <priya@example.com>", "jo@xn--bcher-kva.de"]);
});

for (const { to, path } of outputs.smsRecipients) {
  test(`sms: recipients ${to}`, () => assert.deepEqual(smsRecipients(to), { path, bad: [] }));
}

for (const to of outputs.refusedSmsRecipients) {
  test(`sms: refuses ${to}`, () => assert.equal(smsRecipients(to).path, ""));
}
