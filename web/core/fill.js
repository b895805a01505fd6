// A template's document filled with the reader's values, as make_it_right/render.py
// fills it: the same resolution (typed, else fallback, else left out), the same
// one-line subject. The page fills its cards' blanks with resolve() and copies
// them with oneLine(); web/test/fill.test.js fills every template's document, as
// Python lays it out, both ways.
import { format, wellFormed } from "./text.js";

// Python's str.isspace() and \s: JavaScript's \s differs (U+FEFF, U+001C–U+001F).
const SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const EDGES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "g");
const BREAKS = new RegExp(`[${SPACE}]*[\\r\\n]+[${SPACE}]*`, "g");

export const strip = (text) => text.replace(EDGES, "");

// A subject on one line: line breaks and the space around them become one space.
export const oneLine = (text) => strip(text.replace(BREAKS, " "));

// What a blank reads: the value typed, else its fallback; null when neither
// (a required blank left empty, or a phrase to leave out).
export function resolve(typed, fallback) {
  const value = strip(wellFormed(typed ?? ""));
  if (value) return value;
  return fallback ?? null;
}

// Parts: a string, { blank: name } or { omit: name, parts: [...] }.
export function substitute(parts, values) {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else if ("blank" in part) out += values[part.blank];
    else if (values[part.omit]) out += substitute(part.parts, values);
  }
  return out;
}

export class MissingFields extends Error {
  constructor(labels) {
    super(`fill in: ${labels.join(", ")}`);
    this.labels = labels;
  }
}

// document: { fields: [{ name, label, fallback, leaveOut }], subject: parts | null,
//   blocks: [{ title, parts }], subjectLine: "Subject: {subject}" }
export function fill(document, typed) {
  const values = Object.create(null);
  const missing = [];
  for (const field of document.fields) {
    const value = resolve(typed[field.name], field.fallback);
    if (value !== null) values[field.name] = value;
    else if (field.leaveOut) values[field.name] = "";
    else missing.push(field.label);
  }
  if (missing.length) throw new MissingFields(missing);
  const body = `${document.blocks.map((b) => {
    const text = substitute(b.parts, values);
    return b.title ? `${b.title}\n${text}` : text;
  }).join("\n\n")}\n`;
  if (document.subject === null) return { subject: null, body, text: body };
  const subject = oneLine(substitute(document.subject, values));
  return { subject, body, text: `${format(document.subjectLine, { subject })}\n\n${body}` };
}
