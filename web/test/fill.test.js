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

test("a count picks its CLDR plural form, as Babel does in Python", async () => {
  const { plural } = await import("../core/text.js");
  const forms = { one: "Осталось {count} поле", few: "Осталось {count} поля", many: "Осталось {count} полей", other: "Осталось {count} поля" };
  assert.deepEqual([1, 3, 5, 11, 21, 22].map((n) => plural(forms, n, "ru")),
    ["Осталось 1 поле", "Осталось 3 поля", "Осталось 5 полей", "Осталось 11 полей", "Осталось 21 поле", "Осталось 22 поля"]);
  assert.equal(plural("{count} blanks left", 4, "en"), "4 blanks left");
});

test("a Cyrillic name makes a safe Latin file name", async () => {
  const { slug } = await import("../core/text.js");
  assert.equal(slug("Ирина Петровна"), "irina-petrovna");
  assert.equal(slug("ООО «Щука и Ёж»"), "ooo-shchuka-i-ezh");
  assert.equal(slug("Priya / Ortega"), "priya-ortega");
});
