// Text helpers every other module shares. No DOM: these run in Node's tests too.

// Lone surrogates become U+FFFD, as Python's "surrogatepass"-free encoders expect.
export const wellFormed = (text) => String(text ?? "")
  .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

// "{name}" from params, as the strings file writes it; an unknown key stays as written.
export const format = (text, params) => text.replace(/\{(\w+)\}/g,
  (all, key) => (Object.hasOwn(params, key) ? String(params[key]) : all));

export const slug = (text) => wellFormed(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);

// Maps without a prototype: a field called "constructor" is just a field.
export function valuesOf(source) {
  const map = Object.create(null);
  for (const [key, value] of Object.entries(source || {})) if (typeof value === "string") map[key] = value;
  return map;
}
