// Every template in every register, filled with hostile values, reads in Node as
// make_it_right/render.py writes it, and leaves the page as the same mailto:, sms:
// and .eml (which Python's email parser has read back).
import assert from "node:assert/strict";
import { test } from "node:test";
import { MissingFields, fill } from "../core/fill.js";
import { eml, mailto, sms } from "../core/encode.js";
import { mailboxes, smsRecipients } from "../core/address.js";
import { golden } from "./support/golden.js";

const { recipients, templates } = golden("render");
const date = new Date(recipients.date);
// Typed as a reader would, read as the page reads them.
const [to, cc, [from]] = [recipients.to, recipients.cc, recipients.sender].map((text) => mailboxes(text).boxes);
const phones = smsRecipients(recipients.sms).path;

test("the pack is all there", () => {
  assert.ok(templates.length >= 40, `${templates.length} template documents`);
});

for (const { template, register, document, cases } of templates) {
  test(`${template} (${register}) fills and encodes as Python does`, () => {
    cases.forEach(({ values, expect }, i) => {
      const where = `${template} ${register} values #${i}`;
      if (expect.missing) {
        assert.throws(() => fill(document, values), (error) => error instanceof MissingFields &&
          JSON.stringify(error.labels) === JSON.stringify(expect.missing), where);
        return;
      }
      const message = fill(document, values);
      assert.equal(message.text, expect.text, where);
      assert.equal(message.subject, expect.subject, where);
      if (expect.mailto !== undefined) {
        assert.equal(mailto({ ...message, to, cc }), expect.mailto, where);
        assert.equal(eml({ ...message, to, cc, from, date }), expect.eml, where);
      }
      if (expect.sms !== undefined) assert.equal(sms({ ...message, to: phones }), expect.sms, where);
    });
  });
}
