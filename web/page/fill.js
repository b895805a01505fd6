// The fill-in on a page of templates: the bar, the "Fill in the blanks" panel and
// what typing does to the cards. The focus view, the missing-blanks dialog and each
// card's actions are in fill-actions.js, loaded on first use. make_it_right/html/card.py
// and panel.py write the markup; typed text only becomes textContent, a value or
// encoded text. One instance per page; destroy() takes every listener off.
import { $, $$, Listeners, emit, make, setText } from "./dom.js";
import { anotherClient } from "../core/cases.js";
import { POLICY } from "../core/policy.js";
import { format, plural, wellFormed } from "../core/text.js";
import { resolve, strip } from "../core/fill.js";

let later = null; // fill-actions.min.js, once loaded
let loading = null;

// The focus view and the actions' code (with the encoders), fetched the first time a
// reader touches, keys or focuses anything in the fill-in; sure to be there by a click.
export function loadActions() {
  loading ??= import(new URL("fill-actions.min.js", import.meta.url).href).then(
    (module) => { later = module; return module; },
    (error) => { loading = null; throw error; }); // the next press tries again
  return loading;
}

// On <html> while the focus view is open: the cards behind it are not drawn. (A
// `:has(.mir-focus[open])` rule restyled all of them on every keystroke in the view:
// 7.3 ms a key at 500 cards, 1.5 ms with the class.)
const FOCUS_OPEN = "mir-focus-open";
// On <html> while the bar is shown (scroll padding under it). An `html:has(.mir-bar…)`
// rule made every change of text anywhere restyle the page: 6.5 ms a key at 500 cards.
const BAR_SHOWN = "mir-bar-shown";

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
  #front;
  #guard;
  #guardBox;
  #keepBox;
  #identity;
  #identityBase;
  #info;
  #kit;
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
  #stale;
  #statuses;
  #opened;
  #toggle;
  #ui;
  #users;

  constructor(panel, store, tabs) {
    this.panel = panel;
    this.store = store;
    this.tabs = tabs;
    this.listeners = new Listeners();
    const data = JSON.parse(panel.dataset.mirData); // make_it_right/browser_data.py
    this.#ui = data.ui;
    this.#aboutNames = new Set(data.about);
    this.#nameFrom = data.caseFrom;
    this.#identity = new Set(data.identity);
    this.#identityBase = null; // { id, name, value }: an identity blank's value when the reader entered it
    this.#guard = null;        // { from, to, name, old }: the case split off by the last guard
    this.#actions = data.actions; // rules.yml `actions`
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
    this.#statuses = [this.#bar, this.#focus].map((where) => $("[data-mir-status]", where));
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
    // While the focus view is open, a key updates only what it shows (its own copies and
    // the card it stands for: `#front`, by field); the cards behind it are not drawn, so
    // the fields typed (`#stale`) catch up when it closes.
    this.#front = null;
    this.#stale = new Set();
    this.#offerTimer = 0;
    this.#onInput = (event) => this.#input(event.target);
    this.#kit = this.#makeKit();

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
    this.#more = null; // each card's "More" menu (more.js, with the actions' code), from its first click
    this.refresh();
    this.#bar.hidden = false;
    document.documentElement.classList.add(BAR_SHOWN);
    panel.hidden = false;
    if (!store.works) this.#announce(this.#ui.no_storage);
    if (location.hash === "#mir-fields") this.#openPanel();
  }

  destroy() {
    this.store.flush();
    this.listeners.destroy();
    document.documentElement.classList.remove(FOCUS_OPEN, BAR_SHOWN);
    this.#more?.destroy();
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

  // Where every email goes, above its text: nobody yet, or the addresses typed, read by
  // the address parser that comes with the actions' code.
  #showRecipients() {
    if (!["@to", "@cc"].some((name) => this.#active.values[name]?.trim())) this.#setRecipients(this.#ui.to_nobody);
    else this.#use((module, kit) => this.#setRecipients(module.recipientLines(kit)));
  }

  #setRecipients(text) { for (const line of $$(".mir-card__to")) setText(line, text); }

  #update(name) {
    if (name === "@to" || name === "@cc") this.#showRecipients();
    if (this.#front) {
      for (const span of this.#front.get(name) || []) this.#show(span);
      this.#countLeft(this.#focused);
      this.#stale.add(name);
    } else {
      for (const span of this.#blanks.get(name) || []) this.#show(span);
      for (const card of this.#users.get(name) || []) this.#countLeft(card);
    }
    this.#updateBar();
  }

  #catchUp() {
    const names = [...this.#stale];
    this.#stale.clear();
    for (const name of names) this.#update(name);
  }

  // A renamed case takes its old name off the status line ("Now filling in for Client 2").
  #rename(name) {
    const old = format(this.#ui.switched, { case: this.#active.name });
    for (const status of this.#statuses) if (status.textContent === old) status.textContent = "";
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
    const field = target.closest(".mir-field");
    if (box.previousElementSibling !== field) field.after(box); // not on every key: a move is a relayout
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
    this.store.saveSoon();
  }

  refresh() {
    for (const [name, items] of this.#inputs) {
      for (const input of items) if (input.value !== (this.#mapOf(name)[name] || "")) input.value = this.#mapOf(name)[name] || "";
    }
    if (this.#guard && this.#guard.to !== this.#active.id) this.#dropGuard();
    this.#showRecipients();
    this.#stale.clear();
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
    this.#front = null;
    this.#catchUp();
    this.#part("fields").replaceChildren();
    this.#part("preview").replaceChildren();
  }

  // The focus view and the actions' code at once if it has arrived, else when it has.
  #use(run) {
    if (later) return run(later, this.#kit);
    return loadActions().then((module) => run(module, this.#kit), () => this.#announce(this.#ui.action_failed));
  }

  #openFocus(card, target) { return this.#use((module, kit) => module.openFocus(kit, card, target)); }

  // What fill-actions.js may use of the panel.
  #makeKit() {
    const self = this; // for the getters: private names are readable anywhere in the class body
    return {
      ui: this.#ui, panel: this.panel, store: this.store, focus: this.#focus, dialog: this.#dialog,
      remindAt: this.#remindAt, labels: this.#labels, info: this.#info, markers: this.#markers,
      blanks: this.#blanks, inputs: this.#inputs, onInput: this.#onInput,
      get active() { return self.#active; },
      get focused() { return self.#focused; },
      // Added to an index while the view is open, taken out when it closes.
      index: (map, key, item) => { add(map, key, item); this.#added.push([map, key, item]); },
      setFocused: (card) => { this.#focused = card; this.#opened.add(card); },
      setFront: (front) => { this.#front = front; },
      showFocus: () => { this.#focus.showModal(); document.documentElement.classList.add(FOCUS_OPEN); },
      mapOf: (name) => this.#mapOf(name),
      valueOf: (name) => this.#valueOf(name),
      missing: (card) => this.#missing(card),
      announce: (text, offer) => this.#announce(text, offer),
      part: (name) => this.#part(name),
      openPanel: (name) => this.#openPanel(name),
      clearFocus: () => this.#clearFocus(),
      showRecipients: () => this.#showRecipients(),
      countLeft: (card) => this.#countLeft(card),
      // The client menu
      menu: this.#menu, bar: this.#bar, nameFrom: this.#nameFrom,
      get menuFrom() { return self.#menuFrom; },
      set menuFrom(opener) { self.#menuFrom = opener; },
      closeMenu: (refocus) => this.#closeMenu(refocus),
      changed: (text) => this.#changed(text),
      caseCommand: (what) => this.#caseCommand(what),
    };
  }

  async #run(card, event) {
    const control = event.target.closest("[data-mir-action]");
    if (!card || !control) return;
    const action = control.dataset.mirAction;
    if (control.tagName === "A") event.preventDefault();
    const policy = this.#actions[action];
    if (!policy) return;
    this.#opened.add(card);
    this.#updateBar();
    const done = await this.#use(async (module, kit) => {
      const handler = module.HANDLERS[action];
      if (!handler || (policy.asks && !await module.confirmed(kit, card, action))) return false;
      await handler(kit, card, control);
      return true;
    });
    if (!done) return;
    emit("action", { action, template: card.dataset.template });
    // The guide's plan marks what was copied or sent, for this client.
    if (policy.marks && this.store.markDone(card.dataset.template)) { this.#save(); this.#emitCase(); }
  }

  // -- the client menu: "Client: …" in the bar and the focus view --------------------

  #closeMenu(refocus = true) {
    const opener = this.#menuFrom;
    this.#menu.hidden = true;
    this.#menuFrom = null;
    if (!opener) return;
    opener.setAttribute("aria-expanded", "false");
    if (refocus) opener.focus();
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
    // The focus view and the actions' code start coming as soon as a reader reaches for the fill-in.
    const warm = ({ target }) => { if (target.closest?.(".mir-card__actions, [data-mir-bar], [data-mir-fields]")) loadActions().catch(() => {}); };
    for (const type of ["pointerdown", "focusin"]) on.on(document, type, warm, { passive: true });
    // The first click on a card's "More" makes the menus (they handle every click after it).
    on.on(document, "click", ({ target }) => {
      const toggle = !this.#more && target.closest?.("[data-mir-more]");
      if (toggle) this.#use((module) => { this.#more ??= new module.CardMenus(document, new URL("../", import.meta.url)); this.#more.toggle(toggle); });
    });
    on.on(store, "save-failed", () => this.#announce(store.works ? ui.save_failed : ui.no_storage));
    on.on(focus, "close", () => {
      this.#focused = null;
      this.#clearFocus();
      this.#closeMenu(false);
      $("[data-mir-bar-case]", this.#bar).after(this.#menu);
    });
    for (const opener of [$("[data-mir-bar-case]", this.#bar), $("[data-mir-focus-case]", focus)]) {
      on.on(opener, "click", () => this.#use((module, kit) => module.openMenu(kit, opener)));
    }
    on.on(this.#menu, "click", ({ target }) => {
      const control = target.closest("button");
      if (control) this.#use((module, kit) => module.menuCommand(kit, control));
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
    // A reload, a closed tab or another app right after a key keeps what was typed.
    on.on(window, "pagehide", () => store.flush());
    on.on(document, "visibilitychange", () => { if (document.hidden) store.flush(); });
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
