// The fill-in on a page of templates: the bar, the "Fill in the blanks" panel, the
// focus view, the missing-blanks dialog and each card's actions. make_it_right/html/card.py
// and panel.py write the markup; typed text only becomes textContent, a value or
// encoded text. One instance per page; destroy() takes every listener off.
import { $, $$, Listeners, emit, make, setText } from "./dom.js";
import { CardMenus } from "./more.js";
import { mailboxes, mailboxText, smsRecipients } from "../core/address.js";
import { anotherClient } from "../core/cases.js";
import { eml, ics, mailto, sms } from "../core/encode.js";
import { POLICY, nextMorning } from "../core/policy.js";
import { format, plural, slug, wellFormed } from "../core/text.js";
import { oneLine, resolve, strip } from "../core/fill.js";

// On <html> while the focus view is open: the cards behind it are not drawn. (A
// `:has(.mir-focus[open])` rule restyled all of them on every keystroke in the view:
// 7.3 ms a key at 500 cards, 1.5 ms with the class.)
const FOCUS_OPEN = "mir-focus-open";

function textOf(node) {
  let out = "";
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out += child.data;
    else if (child.nodeType === 1 && !child.hidden && !child.classList.contains("mir-omit--out")) out += textOf(child);
  }
  return out;
}

// A card's text as shown: { subject, body, text } (text is what Copy puts on the clipboard).
export function message(card, subjectLine) {
  const part = (selector) => { const el = $(selector, card); return el && textOf(el); };
  const body = `${part(".mir-card__body")}\n`;
  const subject = part(".mir-card__subject-text");
  if (subject === null) return { body, text: body };
  const line = oneLine(subject);
  return { subject: line, body, text: `${format(subjectLine, { subject: line })}\n\n${body}` };
}

function download(name, content, type) {
  const link = make("a", { href: URL.createObjectURL(new Blob([content], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), POLICY.revokeMs);
}

const add = (map, key, item) => { const items = map.get(key); if (items) items.push(item); else map.set(key, [item]); };

export class FillInPanel {
  #aboutNames;
  #actions;
  #added;
  #bar;
  #blanks;
  #body;
  #cards;
  #caseName;
  #dialog;
  #focus;
  #focused;
  #guard;
  #guardBox;
  #keepBox;
  #identity;
  #identityBase;
  #info;
  #inputs;
  #labels;
  #markers;
  #menu;
  #menuFrom;
  #more;
  #nameFrom;
  #offerTimer;
  #onInput;
  #pick;
  #remindAt;
  #required;
  #opened;
  #toggle;
  #ui;
  #users;

  constructor(panel, store, tabs) {
    this.panel = panel;
    this.store = store;
    this.tabs = tabs;
    this.listeners = new Listeners();
    this.#ui = JSON.parse(panel.dataset.mirStrings);
    this.#aboutNames = new Set(JSON.parse(panel.dataset.mirAbout));
    this.#nameFrom = JSON.parse(panel.dataset.mirCaseFrom);
    this.#identity = new Set(JSON.parse(panel.dataset.mirIdentity));
    this.#identityBase = null; // { id, name, value }: an identity blank's value when the reader entered it
    this.#guard = null;        // { from, to, name, old }: the case split off by the last guard
    this.#actions = JSON.parse(panel.dataset.mirActions); // rules.yml `actions`
    this.#bar = $("[data-mir-bar]");
    this.#menu = $("[data-mir-case-menu]", this.#bar);
    this.#menuFrom = null; // the "Client: …" button that opened the menu
    this.#body = $("[data-mir-body]", panel);
    this.#toggle = $("[data-mir-toggle]", panel);
    this.#dialog = $("[data-mir-dialog]", panel);
    this.#focus = $("[data-mir-focus]", panel);
    this.#pick = $("[data-mir-case-pick]", panel);
    this.#caseName = $("[data-mir-case-name]", panel);
    this.#remindAt = $("[data-mir-remind-at]", this.#focus);
    this.#cards = $$(".mir-card");
    this.#labels = new Map($$(".mir-field[data-field]", panel).map((f) => [f.dataset.field, f.dataset.label]));
    // Indexed by field: a keystroke touches only the inputs, blanks and cards that use it.
    this.#inputs = new Map();
    this.#blanks = new Map();
    this.#users = new Map();
    this.#info = new Map();
    this.#markers = new WeakMap();
    this.#required = new Set();
    this.#opened = new Set(); // the cards the reader has opened or used: the bar counts their blanks
    this.#added = [];      // what the focus view added to the indexes, to take out on close
    this.#focused = null;  // the card the focus view shows
    this.#offerTimer = 0;
    this.#onInput = (event) => this.#input(event.target);

    store.load();
    for (const input of $$("[name]", panel)) add(this.#inputs, input.name, input);
    for (const card of this.#cards) {
      for (const name of new Set($$(".mir-blank", card).map((span) => span.dataset.field))) add(this.#users, name, card);
      this.#indexText(card);
      const actions = $(".mir-card__actions", card);
      const email = Boolean($("[href^=mailto]", actions));
      const text = Boolean($("[href^=sms]", actions));
      this.#info.set(card, { actions, left: $("[data-mir-left]", card), email, text, registers: Boolean(card.dataset.registers) });
      // Every email shows where it goes, above its text and in its focus view.
      if (email) $(".mir-card__text", card).before(make("p", { className: "mir-card__to" }));
    }
    this.#wire();
    this.#more = new CardMenus(document, new URL("../", import.meta.url));
    this.refresh();
    this.#bar.hidden = false;
    panel.hidden = false;
    if (!store.works) this.#announce(this.#ui.no_storage);
    if (location.hash === "#mir-fields") this.#openPanel();
  }

  destroy() {
    this.listeners.destroy();
    document.documentElement.classList.remove(FOCUS_OPEN);
    this.#more.destroy();
    clearTimeout(this.#offerTimer);
    for (const old of $$("body > .mir-skip")) old.remove();
  }

  // -- values --------------------------------------------------------------------

  get #active() { return this.store.active; }

  #mapOf(name) { return this.#aboutNames.has(name) || name === "@from" ? this.store.about : this.#active.values; }

  #valueOf(name) { return strip(this.#mapOf(name)[name] || ""); }

  #save() { this.store.save(); }

  // -- showing -------------------------------------------------------------------

  #indexText(root) {
    for (const span of $$(".mir-blank, .mir-omit", root)) {
      if (span.dataset.field && !this.#markers.has(span)) this.#markers.set(span, span.textContent);
      add(this.#blanks, span.dataset.field || span.dataset.omit, span);
    }
  }

  // Only the case's register's greeting and sign-off show, count and copy.
  #applyRegister() {
    const register = this.#active.values["@register"] || "friendly";
    for (const words of $$(".mir-register")) words.hidden = words.dataset.register !== register;
    this.#required = new Set();
    for (const card of this.#cards) {
      const shown = $$(".mir-blank", card).filter((span) => !span.closest("[hidden]"));
      const needs = shown.filter((span) => span.hasAttribute("data-required")).map((span) => span.dataset.field);
      needs.forEach((name) => this.#required.add(name));
      Object.assign(this.#info.get(card), { fields: [...new Set(shown.map((span) => span.dataset.field))], needs: [...new Set(needs)] });
    }
  }

  #announce(text, offer) {
    const where = this.#focus.open ? this.#focus : this.#bar;
    for (const button of $$("[data-mir-offer]")) button.hidden = true;
    const status = $("[data-mir-status]", where);
    status.textContent = "";
    status.textContent = text;
    emit("announce", { text });
    if (!offer) return;
    const button = $("[data-mir-offer]", where);
    button.textContent = offer.label;
    button.hidden = false;
    button.onclick = () => { button.hidden = true; offer.run(); };
    clearTimeout(this.#offerTimer);
    this.#offerTimer = setTimeout(() => { button.hidden = true; }, POLICY.offerMs);
  }

  #show(span) {
    if (!span.dataset.field) {
      span.classList.toggle("mir-omit--out", !this.#valueOf(span.dataset.omit));
      return;
    }
    const { fallback } = span.dataset;
    const value = this.#valueOf(span.dataset.field);
    const text = resolve(value, fallback) ?? this.#markers.get(span);
    if (span.textContent !== text) span.textContent = text;
    span.classList.toggle("mir-blank--filled", Boolean(value));
    span.classList.toggle("mir-blank--fallback", !value && fallback !== undefined);
  }

  #missing(card) { return this.#info.get(card).needs.filter((name) => !this.#valueOf(name)); }

  #leftText(count) {
    const ui = this.#ui;
    return count ? count === 1 ? ui.left_one : plural(ui.left_many, count, document.documentElement.lang) : ui.all_filled;
  }

  #countLeft(card) {
    const text = this.#leftText(this.#missing(card).length);
    setText(this.#info.get(card).left, text);
    if (this.#focused === card) setText($("[data-mir-focus-actions] [data-mir-left]", this.#focus), text);
  }

  #updateBar() {
    const needed = this.#opened.size ? new Set([...this.#opened].flatMap((card) => this.#info.get(card).needs)) : this.#required;
    setText($("[data-mir-bar-left]", this.#bar), this.#leftText([...needed].filter((name) => !this.#valueOf(name)).length));
    for (const where of [this.#bar, this.#focus]) {
      setText($("[data-mir-bar-case], [data-mir-focus-case]", where), format(this.#ui.bar_case, { case: this.#active.name }));
    }
  }

  #showRecipients() {
    const ui = this.#ui;
    const [to, cc] = ["@to", "@cc"].map((name) => mailboxes(this.#active.values[name]).boxes.map(mailboxText).join(", "));
    const lines = [to ? format(ui.to_line, { to }) : ui.to_nobody, ...(cc ? [format(ui.cc_line, { cc })] : [])];
    for (const line of $$(".mir-card__to")) setText(line, lines.join("\n"));
  }

  #update(name) {
    if (name === "@to" || name === "@cc") this.#showRecipients();
    for (const span of this.#blanks.get(name) || []) this.#show(span);
    for (const card of this.#users.get(name) || []) this.#countLeft(card);
    this.#updateBar();
  }

  // A renamed case takes its old name off the status line ("Now filling in for Client 2").
  #rename(name) {
    const old = format(this.#ui.switched, { case: this.#active.name });
    for (const status of $$("[data-mir-status]")) if (status.textContent === old) status.textContent = "";
    this.#active.name = name;
    setText($(`option[value="${CSS.escape(this.#active.id)}"]`, this.#pick), name);
  }

  // A case is named after its client until the reader names it.
  #autoName(name) {
    if (!this.#active.auto || !this.#nameFrom.includes(name)) return false;
    const named = this.#nameFrom.map((n) => (this.#active.values[n] || "").trim()).find(Boolean);
    this.#rename(named || this.#active.name);
    this.#caseName.value = this.#active.name;
    return Boolean(named);
  }

  // -- where a client's values live: asked in place, the first time a case is named

  #askKeep(target) {
    const ui = this.#ui;
    if (!this.store.shouldAskKeep() || this.#guard) return;
    let box = this.#keepBox;
    if (!box) {
      box = make("div", { className: "mir-keep", role: "group" });
      box.setAttribute("aria-label", ui.keep_question);
      box.append(make("p", { className: "mir-keep__question", textContent: ui.keep_question }),
        make("p", { className: "mir-keep__detail", textContent: ui.keep_detail }));
      for (const [keep, label] of [["1", ui.keep_yes], ["", ui.keep_no]]) {
        const button = make("button", { type: "button", className: `md-button${keep ? "" : " md-button--primary"}`, textContent: label });
        button.dataset.mirKeep = keep;
        box.append(button);
      }
      this.listeners.on(box, "click", ({ target: control }) => {
        const keep = control.closest("[data-mir-keep]")?.dataset.mirKeep;
        if (keep !== undefined) this.#answerKeep(keep === "1");
      });
      this.#keepBox = box;
    }
    box.hidden = false;
    target.closest(".mir-field").after(box);
  }

  #answerKeep(keep) {
    const input = this.#keepBox.previousElementSibling?.querySelector("[name]");
    this.#keepBox.hidden = true;
    this.store.askedKeep();
    const box = $('[data-mir-remember="cases"]', this.panel);
    box.checked = keep;
    this.#remember(box);
    input?.focus();
  }

  // -- the client boundary: another client's name or address never lands silently
  // in a case that already has one; it starts a new case, and the reader is asked.

  #enterIdentity(target, fresh = false) {
    const { name } = target;
    if (!this.#identity.has(name)) return;
    const base = this.#identityBase;
    if (!fresh && base?.id === this.#active.id && base.name === name) return;
    this.#identityBase = { id: this.#active.id, name, value: this.#valueOf(name) };
  }

  // True when `value` is not the case's value for `name` being extended or trimmed.
  #crosses(name, value) {
    if (!this.#identity.has(name)) return false;
    this.#enterIdentity({ name });
    return anotherClient(this.#identityBase.value, value);
  }

  #split(target, value) {
    const from = this.#active;
    // The way of greeting goes along (the blanks in view depend on it); nothing else does.
    const made = this.store.splitOff({ [target.name]: value });
    this.#guard = { from: from.id, to: made.id, name: target.name, old: from.name };
    this.#identityBase = { id: made.id, name: target.name, value: "" };
    this.refresh();
    this.#autoName(target.name);
    this.#askGuard(target);
  }

  #askGuard(target) {
    const ui = this.#ui;
    if (!this.#guardBox) {
      const box = make("div", { className: "mir-guard", role: "group" });
      const question = make("p", { className: "mir-guard__question" });
      const keep = make("button", { type: "button", className: "md-button md-button--primary" });
      const undo = make("button", { type: "button", className: "md-button" });
      keep.dataset.mirGuard = "new";
      undo.dataset.mirGuard = "correct";
      box.append(question, keep, undo);
      this.listeners.on(box, "click", ({ target: control }) => {
        const what = control.closest("[data-mir-guard]")?.dataset.mirGuard;
        if (what) this.#answerGuard(what);
      });
      this.#guardBox = box;
    }
    const box = this.#guardBox;
    box.hidden = false;
    const question = format(ui.guard_question, { new: this.#active.name, old: this.#guard.old });
    setText($(".mir-guard__question", box), question);
    setText($("[data-mir-guard=new]", box), ui.guard_new);
    setText($("[data-mir-guard=correct]", box), format(ui.guard_correct, { old: this.#guard.old }));
    box.setAttribute("aria-label", question);
    if (target) {
      target.closest(".mir-field").after(box);
      this.#announce(question);
    }
  }

  #dropGuard() {
    this.#guard = null;
    if (this.#guardBox) this.#guardBox.hidden = true;
  }

  #answerGuard(what) {
    const guard = this.#guard, store = this.store;
    const input = this.#guardBox.previousElementSibling?.querySelector("[name]");
    this.#dropGuard();
    if (what === "correct" && guard) {
      if (store.mergeBack(guard.from, guard.to)) {
        this.#identityBase = { id: guard.from, name: guard.name, value: this.#valueOf(guard.name) };
        this.#autoName(guard.name);
        this.#changed(format(this.#ui.guard_corrected, { old: guard.old }));
      }
    }
    input?.focus();
  }

  #input(target) {
    const { name } = target;
    const value = wellFormed(target.value);
    if (this.#crosses(name, value)) this.#split(target, value);
    if (value) this.#mapOf(name)[name] = value;
    else delete this.#mapOf(name)[name];
    for (const other of this.#inputs.get(name)) if (other !== target && other.value !== target.value) other.value = target.value;
    if (this.#autoName(name) && !this.#guard) this.#askKeep(target);
    if (this.#guard?.to === this.#active.id && this.#guard.name === name) this.#askGuard();
    if (name === "@register") {
      this.#applyRegister();
      this.#cards.forEach((card) => this.#countLeft(card));
      if (this.#focus.open) this.#openFocus(this.#focused, name);
    }
    this.#update(name);
    this.#active.page = location.pathname;
    this.#save();
  }

  refresh() {
    for (const [name, items] of this.#inputs) {
      for (const input of items) if (input.value !== (this.#mapOf(name)[name] || "")) input.value = this.#mapOf(name)[name] || "";
    }
    if (this.#guard && this.#guard.to !== this.#active.id) this.#dropGuard();
    this.#showRecipients();
    for (const items of this.#blanks.values()) items.forEach((span) => this.#show(span));
    this.#applyRegister();
    this.#cards.forEach((card) => this.#countLeft(card));
    this.#pick.replaceChildren(...this.store.cases.map((c) => new Option(c.name, c.id, false, c === this.#active)));
    this.#caseName.value = this.#active.name;
    for (const box of $$("[data-mir-remember]", this.panel)) box.checked = this.store.remembered(box.dataset.mirRemember);
    this.#updateBar();
    this.#emitCase();
  }

  #emitCase() { emit("case", { case: this.#active }); }

  // Saved, the panel redrawn, and the news (a strings key) on the status line.
  #changed(text) {
    this.#save();
    this.refresh();
    if (text) this.#announce(format(text, { case: this.#active.name }));
  }

  #openPanel(name) {
    this.#body.hidden = false;
    this.#toggle.setAttribute("aria-expanded", "true");
    const fields = $$(".mir-fields__grid [name]:not([name^='@'])", this.panel);
    (fields.find((i) => (name ? i.name === name : !i.value.trim())) || fields[0])?.focus();
  }

  // -- the focus view ------------------------------------------------------------

  #part(name) { return $(`[data-mir-focus-${name}]`, this.#focus); }

  #clearFocus() {
    for (const [map, key, item] of this.#added) map.get(key).splice(map.get(key).indexOf(item), 1);
    this.#added = [];
    this.#part("fields").replaceChildren();
    this.#part("preview").replaceChildren();
  }

  #focusField(name) {
    const copy = $(`.mir-field[data-field="${CSS.escape(name)}"]`, this.panel).cloneNode(true);
    for (const el of $$("[id], [for], [aria-describedby]", copy)) {
      for (const key of ["id", "for", "aria-describedby"]) if (el.hasAttribute(key)) el.setAttribute(key, `mir-x-${el.getAttribute(key)}`);
    }
    // This template's own notes: what it says when the blank is left empty may differ.
    const own = $(`dt[data-field="${CSS.escape(name)}"] + dd`, this.#focused);
    if (own) $(".mir-field__hint", copy).replaceChildren(...own.cloneNode(true).childNodes);
    const input = $("[name]", copy);
    input.value = this.#mapOf(name)[name] || "";
    input.addEventListener("input", this.#onInput); // taken off with the copy, on close
    add(this.#inputs, name, input);
    this.#added.push([this.#inputs, name, input]);
    return copy;
  }

  #openFocus(card, target) {
    const ui = this.#ui, focus = this.#focus;
    const data = this.#info.get(card);
    this.#clearFocus();
    this.#focused = card;
    this.#opened.add(card);
    setText(this.#part("title"), format(ui.focus_label, { title: card.dataset.title }));
    focus.setAttribute("aria-label", this.#part("title").textContent);
    const names = [...(data.email ? ["@to", "@cc"] : []), ...(data.text ? ["@sms"] : []),
      ...(data.registers ? ["@register"] : []), ...data.fields];
    this.#part("fields").replaceChildren(...names.map((name) => this.#focusField(name)));
    const preview = $(".mir-card__text", card).cloneNode(true);
    for (const span of $$(".mir-blank, .mir-omit", preview)) {
      const key = span.dataset.field || span.dataset.omit;
      this.#markers.set(span, this.#markers.get($(`.mir-blank[data-field="${key}"]`, card)));
      add(this.#blanks, key, span);
      this.#added.push([this.#blanks, key, span]);
    }
    this.#part("preview").replaceChildren(...(data.email ? [make("p", { className: "mir-card__to" })] : []), preview);
    // Under each blank, the line of text it lands in (shown on a phone, where the preview is a tap away).
    for (const field of $$(".mir-field[data-field]", this.#part("fields"))) {
      const span = $$(`.mir-blank[data-field="${CSS.escape(field.dataset.field)}"]`, preview).find((s) => !s.closest("[hidden]"));
      if (span) field.append(this.#landsIn(span, preview, card));
    }
    this.#showRecipients();
    const counter = make("span", { className: "mir-card__left" });
    counter.setAttribute("data-mir-left", "");
    // An email's subject and body can also be copied apart, for mail apps that take them apart.
    const parts = data.email ? ["subject", "body"].map((part) => {
      const button = make("button", { type: "button", className: "md-button", textContent: ui[`copy_${part}`] });
      Object.assign(button.dataset, { mirAction: "copy", mirPart: part });
      return button;
    }) : [];
    this.#part("actions").replaceChildren(...$$("[data-mir-action]:not([data-mir-action=fill])", data.actions).map((c) => c.cloneNode(true)), ...parts, counter);
    this.#part("actions").setAttribute("aria-label", format(ui.actions_label, { title: card.dataset.title }));
    this.#part("reminder").hidden = !card.dataset.remind;
    if (!this.#remindAt.value) this.#remindAt.value = nextMorning();
    focus.classList.remove("mir-focus--preview");
    setText(this.#part("toggle"), ui.show_preview);
    setText($("[data-mir-status]", focus), "");
    if (!focus.open) {
      focus.showModal();
      document.documentElement.classList.add(FOCUS_OPEN);
    }
    this.#countLeft(card);
    if (target === "ics") return this.#remindAt.focus();
    if (target === "@register" || target === "@sms") return $(`[name='${target}']`, this.#part("fields")).focus();
    // The first empty blank in the order the text uses them, optional or not.
    const first = data.fields.find((name) => !this.#valueOf(name)) || data.fields[0];
    const input = $(`[name="${CSS.escape(first || "")}"]`, this.#part("fields"));
    return (input || this.#part("toggle")).focus();
  }

  // The line around a blank, from the newline before it to the one after, as live markers.
  #landsIn(span, root, card) {
    const texts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode);
    const inside = texts.filter((t) => span.contains(t));
    const range = document.createRange();
    range.selectNode(span);
    const shown = (t) => !t.parentElement.closest("[hidden]");
    for (let i = texts.indexOf(inside[0]) - 1; i >= 0; i -= 1) {
      const at = shown(texts[i]) ? texts[i].data.lastIndexOf("\n") : -1;
      range.setStart(texts[i], at + 1);
      if (at >= 0) break;
    }
    for (let i = texts.indexOf(inside.at(-1)) + 1; i < texts.length; i += 1) {
      const at = shown(texts[i]) ? texts[i].data.indexOf("\n") : -1;
      range.setEnd(texts[i], at >= 0 ? at : texts[i].length);
      if (at >= 0) break;
    }
    const line = make("p", { className: "mir-field__lands" });
    line.append(range.cloneContents());
    for (const copy of $$(".mir-blank, .mir-omit", line)) {
      const key = copy.dataset.field || copy.dataset.omit;
      if (copy.dataset.field) this.#markers.set(copy, this.#markers.get($(`.mir-blank[data-field="${CSS.escape(key)}"]`, card)));
      add(this.#blanks, key, copy);
      this.#added.push([this.#blanks, key, copy]);
    }
    return line;
  }

  // -- actions -------------------------------------------------------------------

  #confirmed(card, action) {
    const dialog = this.#dialog, ui = this.#ui;
    const empty = this.#missing(card);
    if (!empty.length) return true;
    $("[data-mir-missing]", dialog).replaceChildren(...empty.map((name) => make("li", { textContent: this.#labels.get(name) })));
    setText($("[data-mir-anyway]", dialog), ui.anyway[action]);
    dialog.returnValue = "";
    const from = document.activeElement;
    dialog.showModal();
    return new Promise((done) => dialog.addEventListener("close", () => {
      done(dialog.returnValue === "go");
      if (dialog.returnValue === "go") return;
      // Escape leaves the reader where they were; "Go back and fill them in" takes them to the blank.
      if (dialog.returnValue !== "fill") { from?.focus(); return; }
      setTimeout(() => {
        const input = this.#focus.open && $(`[name="${empty[0]}"]`, this.#part("fields"));
        if (input) input.focus(); else this.#openPanel(empty[0]);
      });
    }, { once: true }));
  }

  #recipients() {
    const [to, cc, from] = [this.#active.values["@to"], this.#active.values["@cc"], this.store.about["@from"]].map(mailboxes);
    const bad = [...to.bad, ...cc.bad, ...from.bad];
    if (bad.length) this.#announce(format(this.#ui.bad_address, { address: bad[0] }));
    return { to: to.boxes, cc: cc.boxes, from: from.boxes[0] || null };
  }

  #message(card) { return message(card, this.#ui.subject); }

  #saveFile(card, extension, content, type) {
    const file = `${slug(this.#active.name) || this.#ui.file_fallback}-${card.dataset.template}.${extension}`;
    download(file, content, type);
    this.#announce(format(this.#ui.downloaded, { file }));
  }

  async #copy(card, control) {
    const ui = this.#ui;
    const shown = this.#message(card);
    const text = shown[control.dataset.mirPart || "text"];
    try {
      await navigator.clipboard.writeText(text);
      this.#announce(format(ui.copied, { title: card.dataset.title }));
      const label = control.textContent;
      control.textContent = ui.copied_button;
      setTimeout(() => { control.textContent = label; }, POLICY.copiedMs);
    } catch {
      const group = control.closest("[role=group]") || control.parentElement;
      let box = group.nextElementSibling;
      if (!box?.matches(".mir-copy-fallback")) {
        box = make("div", { className: "mir-copy-fallback" });
        const id = `mir-copy-${Date.now()}`;
        box.append(make("label", { htmlFor: id, textContent: ui.copy_fallback }),
          make("textarea", { id, readOnly: true, rows: 6 }));
        group.after(box);
      }
      this.#announce(ui.copy_failed);
      const area = $("textarea", box);
      area.value = text;
      area.focus();
      area.select();
    }
  }

  #mailto(card, control) {
    const url = mailto({ ...this.#message(card), ...this.#recipients() });
    if (url.length > POLICY.longLinkChars) {
      return this.#announce(format(this.#ui.long_link, { count: url.length }),
        { label: this.#ui.actions.eml, run: () => this.#eml(card) });
    }
    window.location.href = control.href = url;
    return undefined;
  }

  // RFC 5724 has no link without a recipient: with no number yet, ask for one in place.
  #sms(card, control) {
    const { path, bad } = smsRecipients(this.#active.values["@sms"]);
    if (!path) {
      this.#openFocus(card, "@sms");
      return this.#announce(bad.length ? format(this.#ui.bad_phone, { number: bad[0] }) : this.#ui.sms_needs_number);
    }
    window.location.href = control.href = sms({ ...this.#message(card), to: path });
    return undefined;
  }

  #eml(card) {
    this.#saveFile(card, "eml", eml({ ...this.#message(card), ...this.#recipients(), date: new Date() }), "message/rfc822");
  }

  #txt(card) { this.#saveFile(card, "txt", this.#message(card).text, "text/plain;charset=utf-8"); }

  #ics(card) {
    const ui = this.#ui;
    if (!this.#focus.open || !this.#remindAt.value) return this.#openFocus(card, "ics");
    const description = card.dataset.remind.split(" ")
      .map((name) => `${this.#labels.get(name)}: ${this.#valueOf(name) || ui.reminder_empty}`).join("\n");
    return this.#saveFile(card, "ics", ics({ uid: `${Date.now()}-${card.dataset.template}@make-it-right`, start: this.#remindAt.value,
      summary: format(ui.reminder_title, { case: this.#active.name, title: card.dataset.title }), description }), "text/calendar");
  }

  #print(card) {
    if (this.#focus.open) this.#focus.close();
    card.classList.add("mir-print-target");
    document.body.classList.add("mir-printing");
    addEventListener("afterprint", () => {
      card.classList.remove("mir-print-target");
      document.body.classList.remove("mir-printing");
    }, { once: true });
    window.print();
  }

  // Each action in rules.yml, by name: what its button does.
  #handlers = {
    fill: (card) => this.#openFocus(card), copy: this.#copy, mailto: this.#mailto, sms: this.#sms,
    eml: this.#eml, txt: this.#txt, print: this.#print, ics: this.#ics,
  };

  async #run(card, event) {
    const control = event.target.closest("[data-mir-action]");
    if (!card || !control) return;
    const action = control.dataset.mirAction;
    if (control.tagName === "A") event.preventDefault();
    const policy = this.#actions[action];
    const handler = this.#handlers[action];
    if (!policy || !handler) return;
    this.#opened.add(card);
    this.#updateBar();
    if (policy.asks && !await this.#confirmed(card, action)) return;
    await handler.call(this, card, control);
    emit("action", { action, template: card.dataset.template });
    // The guide's plan marks what was copied or sent, for this client.
    if (policy.marks && this.store.markDone(card.dataset.template)) { this.#save(); this.#emitCase(); }
  }

  // -- the client menu: "Client: …" in the bar and the focus view --------------------

  #openMenu(opener) {
    const menu = this.#menu;
    if (this.#menuFrom === opener) return this.#closeMenu();
    this.#closeMenu(false);
    // In the focus view the menu moves into the dialog: the page behind it is inert.
    (opener.closest(".mir-focus__case") || opener).after(menu);
    $("[data-mir-case-list]", menu).replaceChildren(...this.store.cases.map((c) => {
      const button = make("button", { type: "button", className: "md-button", textContent: c.name });
      button.dataset.mirSwitch = c.id;
      if (c === this.#active) button.setAttribute("aria-current", "true");
      const item = make("li");
      item.append(button);
      return item;
    }));
    $("[data-mir-menu-name]", menu).value = this.#active.name;
    menu.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    this.#menuFrom = opener;
    return $("[aria-current]", menu)?.focus();
  }

  #closeMenu(refocus = true) {
    const opener = this.#menuFrom;
    this.#menu.hidden = true;
    this.#menuFrom = null;
    if (!opener) return;
    opener.setAttribute("aria-expanded", "false");
    if (refocus) opener.focus();
  }

  #menuCommand(control) {
    const ui = this.#ui, store = this.store;
    const id = control.dataset.mirSwitch;
    const what = control.dataset.mirMenu;
    if (!id && !what) return;
    const inFocus = this.#focus.open;
    this.#closeMenu();
    if (id) {
      store.select(id);
      this.#changed(ui.switched);
    } else if (what === "clear") {
      this.#caseCommand("clear");
    } else if (what === "about") {
      this.#openAbout(control.closest(".mir-focus") ? $("[data-mir-focus-case]", this.#focus) : $("[data-mir-bar-case]", this.#bar));
    } else if (inFocus) {
      this.#part("new").click();
    } else {
      store.add();
      this.#changed(ui.switched);
      // A new client starts with their name.
      this.#openPanel(this.#nameFrom.find((name) => this.#inputs.has(name)));
    }
  }

  // "About me" on its own: its fieldset moves into a small dialog, and back on close,
  // so the same inputs (and their listeners) serve both; focus returns to "Client: …".
  #openAbout(from) {
    const dialog = $("[data-mir-about-dialog]", this.panel);
    const group = $("[data-mir-about-group]", this.panel);
    const home = group.nextElementSibling;
    $("[data-mir-about-slot]", dialog).append(group);
    dialog.showModal();
    $("input", group)?.focus();
    dialog.addEventListener("close", () => {
      home.before(group);
      from?.focus();
    }, { once: true });
  }

  // -- the panel's own controls ----------------------------------------------------

  #caseCommand(what) {
    const store = this.store, ui = this.#ui;
    if (what === "new" || what === "duplicate") {
      store.add(what === "duplicate");
      this.#changed(ui.switched);
      this.#caseName.focus();
      this.#caseName.select();
      return;
    }
    const before = store.snapshot();
    const { name } = this.#active;
    this.tabs.send({ type: "clear", id: this.#active.id });
    if (what === "clear") store.clear();
    else store.remove();
    this.#changed();
    this.#announce(format(what === "clear" ? ui.cleared : ui.deleted, { case: name }), {
      label: ui.undo,
      run: () => { store.restore(JSON.parse(before)); this.#changed(ui.restored); },
    });
  }

  #remember(box) {
    const what = box.dataset.mirRemember;
    const kept = this.store.remember(what, box.checked);
    if (!kept) {
      box.checked = this.store.remembered(what);
      this.#announce(this.store.works ? this.#ui.save_failed : this.#ui.no_storage);
      return;
    }
    this.#announce(this.#ui[`${what === "me" ? "me_" : ""}${box.checked ? "remembered" : "forgotten"}`]);
  }

  #wire() {
    const on = this.listeners, store = this.store, ui = this.#ui, focus = this.#focus, panel = this.panel;
    on.on(window, "click", (event) => {
      if (!event.target.closest?.(".mir-skip")) return;
      event.preventDefault();
      event.stopPropagation();
      this.#openPanel();
    }, true);
    on.on(store, "save-failed", () => this.#announce(store.works ? ui.save_failed : ui.no_storage));
    on.on(focus, "close", () => {
      this.#focused = null;
      this.#clearFocus();
      this.#closeMenu(false);
      $("[data-mir-bar-case]", this.#bar).after(this.#menu);
    });
    for (const opener of [$("[data-mir-bar-case]", this.#bar), $("[data-mir-focus-case]", focus)]) {
      on.on(opener, "click", () => this.#openMenu(opener));
    }
    on.on(this.#menu, "click", ({ target }) => {
      const control = target.closest("button");
      if (control) this.#menuCommand(control);
    });
    on.on(this.#menu, "keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      this.#closeMenu();
    });
    on.on(document, "click", ({ target }) => {
      if (this.#menuFrom && !this.#menu.contains(target) && !this.#menuFrom.contains(target)) this.#closeMenu(false);
    });
    on.on($("[data-mir-menu-name]", this.#menu), "input", ({ target }) => {
      this.#rename(wellFormed(target.value));
      this.#caseName.value = target.value;
      this.#active.auto = false;
      this.#updateBar();
      this.#save();
    });
    on.on(this.#part("close"), "click", () => focus.close());
    on.on(focus, "close", () => document.documentElement.classList.remove(FOCUS_OPEN));
    on.on(this.#part("new"), "click", () => {
      store.add();
      this.#changed();
      this.#openFocus(this.#focused); // clears the status line, so the news comes after it
      this.#announce(format(ui.switched, { case: this.#active.name }));
    });
    on.on(this.#part("toggle"), "click", () => {
      setText(this.#part("toggle"), focus.classList.toggle("mir-focus--preview") ? ui.show_blanks : ui.show_preview);
    });
    for (const card of this.#cards) {
      this.#info.get(card).actions.hidden = false;
      on.on(this.#info.get(card).actions, "click", (event) => this.#run(card, event));
    }
    on.on(this.#part("actions"), "click", (event) => this.#run(this.#focused, event));
    for (const items of this.#inputs.values()) for (const input of items) on.on(input, "input", this.#onInput);
    on.on(panel, "focusin", ({ target }) => { if (target.name) this.#enterIdentity(target, true); });
    on.on(this.#pick, "change", () => { store.select(this.#pick.value); this.#changed(ui.switched); });
    on.on(this.#caseName, "input", () => {
      this.#rename(wellFormed(this.#caseName.value));
      this.#active.auto = false;
      this.#updateBar();
      this.#save();
    });
    on.on($(".mir-fields__group", panel), "click", ({ target }) => {
      const what = target.closest("[data-mir-case]")?.dataset.mirCase;
      if (what) this.#caseCommand(what);
    });
    for (const box of $$("[data-mir-remember]", panel)) on.on(box, "change", () => this.#remember(box));
    on.on($("[data-mir-forget]", panel), "click", () => {
      store.forget();
      this.tabs.send({ type: "forget" });
      this.#changed();
      this.#announce(ui.forgotten_all);
    });
    on.on(this.#toggle, "click", () => {
      this.#body.hidden = !this.#body.hidden;
      this.#toggle.setAttribute("aria-expanded", String(!this.#body.hidden));
    });
    on.on($("[data-mir-open]", this.#bar), "click", () => this.#openPanel());
    document.body.prepend($("[data-mir-skip]", this.#bar));
  }
}
