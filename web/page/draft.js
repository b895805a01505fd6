// "Check my draft" on its page: the form wired to the checks in core/draft.js.
// Nothing typed leaves the page; it is only ever set as textContent.
import { $, Listeners } from "./dom.js";
import { createChecker } from "../core/draft.js";
import { format } from "../core/text.js";

const ROOT = new URL("../", import.meta.url).href;
const STYLES = `${ROOT}stylesheets/draft.css`;

function styled() {
  let link = document.querySelector("link[data-mir-draft-styles]");
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLES });
    link.dataset.mirDraftStyles = "";
    document.head.append(link);
  }
  return new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
}

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

function render(checker, root, channelNames) {
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
    findings.length === 1 ? ui.count_one : format(ui.count_many, { count: findings.length });
  if (!draft) { // refused: too long to check
    sizeLine.textContent = "";
    preview.hidden = true;
    list.append(findingItem(ui, findings[0], 0, text));
    return;
  }

  const s = checker.sizesOf(draft);
  const parts = [format(ui.sizes.words, { value: s.words })];
  if (chosen === "voicemail") parts.push(format(ui.sizes.spoken_seconds, { value: s.spoken_seconds }));
  if (s.subject_chars !== null) parts.push(format(ui.sizes.subject_chars, { value: s.subject_chars }));
  if (chosen === "sms") parts.push(format(ui.sizes.sms, { value: s.sms_characters, segments: s.sms_segments }));
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

async function fetched(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export class DraftPage {
  // `loaded(api)` is told once the rules have arrived and the checks can run.
  constructor(root, loaded = () => {}) {
    this.root = root;
    this.loaded = loaded;
    this.listeners = new Listeners();
    this.checker = null;
    this.loading = null;
    this.frame = 0;
  }

  // For the tests and for anyone's console: the same checks, on any text.
  get api() {
    const { checker } = this;
    return { rules: checker.rules, checkDraft: checker.checkDraft, guessChannel: checker.guessChannel,
      sizes: checker.sizes, ruleMatches: checker.ruleMatches, setAsideNote: checker.setAsideNote };
  }

  // The rules and the hyphenation patterns, fetched when the reader first reaches for
  // the form (a focus, a touch, a key), not with the page. Should they not arrive, the
  // note for readers without JavaScript shows again, and the next touch asks again.
  load() {
    const { root } = this;
    this.loading ??= Promise.all([fetched(root.dataset.mirDraftRules), fetched(root.dataset.mirDraftHyphenation)])
      .then(([rules, hyphenation]) => {
        this.checker = createChecker(rules, hyphenation);
        this.noscript.hidden = true;
        this.loaded(this.api);
        return this.checker;
      }, () => {
        this.loading = null;
        this.noscript.hidden = false;
        return null;
      });
    return this.loading;
  }

  async start() {
    const { root } = this;
    await styled();
    this.noscript = root.parentElement.querySelector("[data-mir-draft-noscript]") ?? el("p");
    const channel = $("[data-mir-draft-channel]", root);
    const situation = $("[data-mir-draft-situation]", root);
    const channelNames = Object.fromEntries([...channel.options].map((o) => [o.value, o.textContent]));
    const params = new URLSearchParams(window.location.search);
    if ([...channel.options].some((o) => o.value && o.value === params.get("channel"))) {
      channel.value = params.get("channel");
    }
    if ([...situation.options].some((o) => o.value && o.value === params.get("playbook"))) {
      situation.value = params.get("playbook");
    }
    // One check per frame, however fast the typing, once the rules are here.
    const show = () => { this.frame = 0; if (this.checker) render(this.checker, root, channelNames); };
    const update = () => {
      if (this.frame) return;
      this.frame = -1;
      this.load().then((checker) => {
        if (checker && this.frame === -1) this.frame = requestAnimationFrame(show);
        else if (!checker) this.frame = 0;
      });
    };
    for (const control of root.querySelectorAll("textarea, select")) {
      this.listeners.on(control, "input", update);
      this.listeners.on(control, "change", update);
    }
    for (const type of ["focusin", "pointerdown", "keydown"]) {
      this.listeners.on(root, type, update);
    }
    root.hidden = false;
    this.noscript.hidden = true;
  }

  destroy() {
    if (this.frame > 0) cancelAnimationFrame(this.frame);
    this.frame = -2;
    this.listeners.destroy();
  }
}
