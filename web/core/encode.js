// The formats a filled template leaves the page in: mailto:, sms:, .eml and .ics.
// make_it_right/render.py writes the same; web/test/encode.test.js holds both to
// golden files made with Python's email and urllib.
import { addressHeader } from "./address.js";
import { wellFormed } from "./text.js";

export const crlf = (text) => text.replace(/\r?\n/g, "\r\n");

// As Python's quote(safe=""): RFC 3986's unreserved characters only.
export const encode = (text) => encodeURIComponent(wellFormed(text))
  .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const list = (items) => encode(items.join(",")).replace(/%40/g, "@").replace(/%2C/g, ",");

// RFC 6068: addresses only (`to` and `cc` are mailboxes; display names have no place here).
const addressesOf = (boxes) => list(boxes.map((box) => box.address));

export const mailto = ({ subject, body, to = [], cc = [] }) => `mailto:${addressesOf(to)}?` +
  `${cc.length ? `cc=${addressesOf(cc)}&` : ""}subject=${encode(subject)}&body=${encode(crlf(body))}`;

// RFC 5724 needs a recipient: `to` is address.smsRecipients(...).path, never empty here.
export const sms = ({ body, to }) => `sms:${to}?body=${encode(body.replace(/\n$/, ""))}`;

const utf8 = (text) => new TextEncoder().encode(text);
const base64 = (text) => btoa(Array.from(utf8(text), (b) => String.fromCharCode(b)).join(""));

// Text cut into pieces of at most `size` UTF-8 bytes (`first` for the first),
// never inside a character.
function pieces(text, size, first = size) {
  const out = [];
  let piece = "";
  let bytes = 0;
  for (const char of wellFormed(text)) {
    const length = utf8(char).length;
    if (piece && bytes + length > (out.length ? size : first)) { out.push(piece); piece = ""; bytes = 0; }
    piece += char;
    bytes += length;
  }
  return [...out, piece];
}

// "Subject: " and the first word share a line of at most 76 characters (render.encoded_words).
export const encodedSubject = (subject) => pieces(subject, 45, 39).map((w) => `=?UTF-8?B?${base64(w)}?=`).join("\r\n ");

// `to`, `cc` and `from` are mailboxes ({ name, address }), as address.mailboxes reads them.
export function eml({ subject, body, to = [], cc = [], from = null, date = null }) {
  const head = ["MIME-Version: 1.0"];
  if (date) head.push(`Date: ${date.toUTCString().replace("GMT", "+0000")}`);
  if (from) head.push(addressHeader("From", [from]));
  if (to.length) head.push(addressHeader("To", to));
  if (cc.length) head.push(addressHeader("Cc", cc));
  head.push(`Subject: ${encodedSubject(subject)}`, "X-Unsent: 1",
    "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "");
  return [...head, ...(base64(crlf(wellFormed(body))).match(/.{1,76}/g) || []), ""].join("\r\n");
}

const icsText = (text) => wellFormed(text).replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");

export function ics({ uid, start, summary, description, stamp = new Date() }) {
  const time = (d) => d.replace(/[-:]/g, "").replace(/\.\d+/, "");
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Make It Right//Handbook//EN", "BEGIN:VEVENT",
    `UID:${uid}`, `DTSTAMP:${time(stamp.toISOString())}`, `DTSTART:${time(start).padEnd(15, "0").slice(0, 15)}`,
    "DURATION:PT15M", `SUMMARY:${icsText(summary)}`, `DESCRIPTION:${icsText(description)}`,
    "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(summary)}`, "TRIGGER:PT0M", "END:VALARM",
    "END:VEVENT", "END:VCALENDAR", ""].map((line) => pieces(line, 74, 75).join("\r\n ")).join("\r\n");
}
