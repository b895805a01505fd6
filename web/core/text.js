// Text helpers every other module shares. No DOM: these run in Node's tests too.

// Lone surrogates become U+FFFD, as Python's "surrogatepass"-free encoders expect.
export const wellFormed = (text) => String(text ?? "")
  .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

// "{name}" from params, as the strings file writes it; an unknown key stays as written.
export const format = (text, params) => text.replace(/\{(\w+)\}/g,
  (all, key) => (Object.hasOwn(params, key) ? String(params[key]) : all));

// Cyrillic in Latin letters, as ICAO Doc 9303 (passports) writes it: a download named
// after "Ирина Петровна" is irina-petrovna-..., not the fallback.
const CYRILLIC = Object.fromEntries([..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"].map((letter, i) => [letter,
  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
    "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia", "i", "i", "ie", "g"][i]]));

export const slug = (text) => wellFormed(text).toLowerCase().replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? "")
  .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
  .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);

// A string that takes a number: one text, or the CLDR plural forms of the page's
// language ({ one, few, many, other }), picked as Python's Babel picks them, then
// filled with params ({ count } unless given).
export function plural(forms, count, language, params = { count }) {
  if (typeof forms === "string") return format(forms, params);
  const category = new Intl.PluralRules(language || "en").select(count);
  return format(forms[category] ?? forms.other, params);
}

// Maps without a prototype: a field called "constructor" is just a field.
export function valuesOf(source) {
  const map = Object.create(null);
  for (const [key, value] of Object.entries(source || {})) if (typeof value === "string") map[key] = value;
  return map;
}
