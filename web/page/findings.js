// How "Check my draft" shows a checked draft: the line of sizes, the findings listed and
// marked in the draft. Bundled with the checks (checks.js), which arrive on first use.
// Nothing typed is ever set but as textContent.
import { format, plural } from "../core/text.js";

const ROOT = new URL("../", import.meta.url).href;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A finding's link, "page.md#anchor" in the docs, as this site serves it.
function pageUrl(link) {
  const [page, anchor] = link.split("#");
  const path = page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
  return `${ROOT}${path}${anchor ? `#${anchor}` : ""}`;
}

function findingItem(ui, f, i, text) {
  const item = el("li", `mir-draft__finding mir-draft__finding--${f.category}`);
  item.id = `mir-draft-f${i + 1}`;
  item.append(el("strong", "mir-draft__category", ui.categories[f.category]));
  if (f._from !== undefined) {
    item.append(" ", el("q", "mir-draft__quote", text.slice(f._from, f._to)));
  }
  item.append(" ", el("span", "mir-draft__message", f.message));
  if (f.instead) {
    const better = el("span", "mir-draft__instead");
    better.append(el("em", "", ui.instead), " ", f.instead);
    item.append(" ", better);
  }
  if (f.link) {
    const why = el("a", "mir-draft__link", ui.link);
    why.href = pageUrl(f.link);
    item.append(" ", why);
  }
  return item;
}

export function render(checker, root, channelNames) {
  const R = checker.rules;
  const ui = R.strings;
  const area = root.querySelector("[data-mir-draft-text]");
  const channel = root.querySelector("[data-mir-draft-channel]");
  const situation = root.querySelector("[data-mir-draft-situation]");
  const text = area.value;
  const guessed = root.querySelector("[data-mir-draft-guessed]");
  const chosen = channel.value || checker.guessChannel(text);
  guessed.textContent = channel.value || !text.trim() ? "" :
    format(ui.guessed, { channel: channelNames[chosen] });
  const { draft, findings } = checker.check(text, chosen, situation.value);
  const note = root.querySelector("[data-mir-draft-set-aside]");
  const count = root.querySelector("[data-mir-draft-count]");
  const list = root.querySelector("[data-mir-draft-list]");
  const preview = root.querySelector("[data-mir-draft-preview]");
  const sizeLine = root.querySelector("[data-mir-draft-sizes]");
  list.replaceChildren();
  preview.replaceChildren();
  note.textContent = draft ? checker.noteOf(draft) ?? "" : "";
  if (!text.trim()) {
    count.textContent = ui.empty;
    sizeLine.textContent = "";
    preview.hidden = true;
    return;
  }
  count.textContent = !findings.length ? ui.none :
    findings.length === 1 ? ui.count_one : plural(ui.count_many, findings.length, document.documentElement.lang);
  if (!draft) { // refused: too long to check
    sizeLine.textContent = "";
    preview.hidden = true;
    list.append(findingItem(ui, findings[0], 0, text));
    return;
  }

  const s = checker.sizesOf(draft);
  const lang = document.documentElement.lang;
  const counted = (forms, value) => plural(forms, value, lang, { value });
  const parts = [counted(ui.sizes.words, s.words)];
  const { size } = R.channels[chosen];
  if (size === "spoken-seconds") parts.push(counted(ui.sizes.spoken_seconds, s.spoken_seconds));
  if (s.subject_chars !== null) parts.push(counted(ui.sizes.subject_chars, s.subject_chars));
  if (size === "sms-characters") parts.push(format(ui.sizes.sms, { value: s.sms_characters, segments: s.sms_segments }));
  if (s.reading_ease !== null) parts.push(format(ui.sizes.reading_ease, { value: s.reading_ease }));
  sizeLine.textContent = parts.join(" · ");

  findings.forEach((f, i) => list.append(findingItem(ui, f, i, text)));

  // The draft again, with each finding that points at text marked.
  const marked = findings.map((f, i) => ({ ...f, i })).filter((f) => f._from !== undefined)
    .sort((a, b) => a._from - b._from || b._to - a._to);
  let at = 0;
  for (const f of marked) {
    if (f._from < at) continue; // overlaps one already marked; the list still shows it
    preview.append(text.slice(at, f._from));
    const mark = el("mark", `mir-draft__mark mir-draft__mark--${f.category}`);
    const link = el("a", "", text.slice(f._from, f._to));
    link.href = `#mir-draft-f${f.i + 1}`;
    link.title = f.message;
    mark.append(link);
    preview.append(mark);
    at = f._to;
  }
  preview.append(text.slice(at));
  preview.hidden = false;
}
