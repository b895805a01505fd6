// Recipients as make_it_right/render.py reads them: several, separated by commas or
// semicolons, each an address or `Name <address>`; IDN domains as punycode; a line
// break or control character refuses the whole line. web/test/address.test.js holds
// both to tests/engine/golden/outputs.json, written from Python's own functions.
import { wellFormed } from "./text.js";

const LINE = 76; // RFC 2047: a header line with encoded words is at most 76 characters
// Anything that could end a header line, or hide one, in a name or an address.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
const NAMED = /^([\s\S]*)<([^<>]*)>$/;
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;
const PHONE = /^\+[0-9]([0-9 ().-]*[0-9])?$/;

const utf8 = (text) => new TextEncoder().encode(text);
const bytes = (text) => utf8(text).length;
const base64 = (text) => btoa(Array.from(utf8(text), (b) => String.fromCharCode(b)).join(""));
const encodedWord = (text) => `=?UTF-8?B?${base64(text)}?=`;
// The most UTF-8 bytes whose encoded word fits `line` characters.
const wordBytes = (line) => Math.floor((line - "=?UTF-8?B??=".length) / 4) * 3;

// A non-ASCII domain label as punycode, by the platform's own IDNA (the URL parser);
// ASCII labels stay exactly as typed, as Python's "idna" codec leaves them.
function asciiDomain(domain) {
  if (!domain) return "";
  try {
    return domain.split(".").map((label) => ([...label].every((c) => c.charCodeAt(0) < 128) ? label
      : new URL(`http://${label}`).hostname)).join(".");
  } catch {
    return "";
  }
}

// One plain address, its domain in ASCII, or null.
export function checkedAddress(text) {
  const address = text.trim();
  const at = address.lastIndexOf("@");
  if (at < 0) return null;
  const local = address.slice(0, at);
  const plain = `${local}@${asciiDomain(address.slice(at + 1))}`;
  return LOCAL.test(local) && ADDRESS.test(plain) ? plain : null;
}

function splitOutsideQuotes(text) {
  const items = [];
  let current = "", quoted = false, escaped = false;
  for (const char of text) {
    if (escaped) escaped = false;
    else if (char === "\\" && quoted) escaped = true;
    else if (char === '"') quoted = !quoted;
    else if ((char === "," || char === ";") && !quoted) { items.push(current); current = ""; continue; }
    current += char;
  }
  return [...items, current].filter((item) => item.trim());
}

// A typed To line as { boxes: [{ name, address }], bad: [what was typed] }.
export function mailboxes(text) {
  const line = wellFormed(text);
  if (CONTROL.test(line)) return { boxes: [], bad: [line] };
  const boxes = [], bad = [];
  for (const item of splitOutsideQuotes(line)) {
    const named = NAMED.exec(item.trim());
    let name = named ? named[1].trim() : "";
    if (name.length >= 2 && name[0] === '"' && name.at(-1) === '"') name = name.slice(1, -1).replace(/\\(.)/g, "$1");
    const address = checkedAddress(named ? named[2] : item);
    if (address) boxes.push({ name: name.split(/\s+/).filter(Boolean).join(" "), address });
    else bad.push(item.trim());
  }
  return { boxes, bad };
}

// How a mailbox reads to a person: `Priya Shah <priya@example.com>`, or the bare address.
export const mailboxText = ({ name, address }) => (name ? `${name} <${address}>` : address);

// A display name cut into pieces that each fit one encoded word, after a space where
// one is near (the space stays at the end of the piece before).
function nameChunks(name) {
  const room = wordBytes(LINE - 1), chunks = [];
  let chunk = "";
  for (const word of name.match(/\S+\s*/g) || []) {
    if (chunk && bytes(chunk + word) > room) { chunks.push(chunk); chunk = ""; }
    for (const char of word) {
      if (chunk && bytes(chunk + char) > room) { chunks.push(chunk); chunk = ""; }
      chunk += char;
    }
  }
  return [...chunks, chunk];
}

function tokens({ name, address }) {
  if (!name) return [address];
  if (/^[\x20-\x7e]*$/.test(name) && name.length <= 60) {
    return [`"${name.replace(/[\\"]/g, "\\$&")}"`, `<${address}>`];
  }
  return [...nameChunks(name).map(encodedWord), `<${address}>`];
}

// `To: a, "Name" <b>` folded at spaces so lines stay within 76 characters where the
// words allow (an address is never split).
export function addressHeader(header, boxes) {
  const words = boxes.flatMap((box, i) => {
    const own = tokens(box);
    if (i < boxes.length - 1) own[own.length - 1] += ",";
    return own;
  });
  const lines = [];
  let line = `${header}:`;
  for (const word of words) {
    if (line.length + 1 + word.length > LINE && line !== `${header}:`) { lines.push(line); line = ""; }
    line += ` ${word}`;
  }
  return [...lines, line].join("\r\n");
}

// Phone numbers with their country code, separated by commas, as RFC 5724's
// global numbers: { path: "+447700900123,+15550109999", bad: [what was typed] }.
export function smsRecipients(text) {
  const numbers = [], bad = [];
  for (const number of wellFormed(text).split(",").map((n) => n.trim()).filter(Boolean)) {
    const digits = number.replace(/[^0-9]/g, "").length;
    if (PHONE.test(number) && digits >= 3 && digits <= 15) numbers.push(number.replace(/ /g, ""));
    else bad.push(number);
  }
  return { path: numbers.join(","), bad };
}
