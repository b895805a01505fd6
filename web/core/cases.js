// The reader's cases (one per client) and "About me", kept behind an injected
// storage: { session, local }, each a Storage-like object (getItem, setItem,
// removeItem) or a function returning one (a browser may throw on mere access).
// Values stay in the tab (session) unless the reader ticked "Remember" (local).
// No DOM: web/test/cases.test.js runs it on maps.
import { POLICY } from "./policy.js";
import { format, valuesOf, wellFormed } from "./text.js";

const ABOUT = "mir:about";
const CASES = "mir:cases";
const GUIDE = "mir:guide";
const ASKED = "mir:asked-keep"; // "Keep this client on this device?" answered, in this tab
const REMEMBER = Object.freeze({ me: "mir:remember-me", cases: "mir:remember-cases" });
const OLD = ["mir:fields", "mir:remember"];
const AREAS = ["session", "local"];

// True when `typed` names someone else: not the case's value `before` (a client's
// name or address) being extended, trimmed or retyped. An empty side never does.
export function anotherClient(before, typed) {
  const [old, now] = [before, typed].map((text) => String(text || "").trim().toLowerCase());
  return Boolean(old && now) && !old.startsWith(now) && !now.startsWith(old);
}

// A write after typing waits for the browser to be idle (after the frame), at most
// POLICY.saveMs; where there is no idle callback, a timer.
const later = globalThis.requestIdleCallback
  ? { start: (run) => requestIdleCallback(run, { timeout: POLICY.saveMs }), stop: (id) => cancelIdleCallback(id) }
  : { start: (run) => setTimeout(run, POLICY.saveMs), stop: (id) => clearTimeout(id) };

const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export class CaseStore extends EventTarget {
  // words: { caseDefault: "Client {number}", caseCopy: "{case} (copy)" }
  constructor(storage, words) {
    super();
    this.storage = storage;
    this.words = words;
    this.about = Object.create(null);
    this.cases = [];
    this.active = null;
    this.works = true;   // false once the browser refused to read or write at all
    this.failing = false; // true while writes fail (no storage, or over its quota)
    this.pending = null;  // a save asked for by saveSoon(), not yet written
  }

  area(name) {
    const area = this.storage[name];
    return typeof area === "function" ? area() : area;
  }

  get(area, key) {
    try { return this.area(area).getItem(key); } catch { this.works = false; return null; }
  }

  // One write; false when the browser refused it (no storage, over the quota).
  set(area, key, value) {
    try {
      if (value === null) this.area(area).removeItem(key);
      else this.area(area).setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }

  json(area, key) {
    try { return JSON.parse(this.get(area, key)); } catch { return null; }
  }

  remembered(what) { return this.get("local", REMEMBER[what]) === "1"; }

  // Whether to ask "Keep this client on this device?": once per tab, and not when kept already.
  shouldAskKeep() { return !this.remembered("cases") && this.get("session", ASKED) !== "1"; }

  askedKeep() { this.set("session", ASKED, "1"); }

  read(key, what) { return this.json("session", key) ?? (this.remembered(what) ? this.json("local", key) : null); }

  defaultName() {
    const names = new Set(this.cases.map((c) => c.name));
    let number = this.cases.length + 1;
    while (names.has(format(this.words.caseDefault, { number }))) number += 1;
    return format(this.words.caseDefault, { number });
  }

  newCase(values = null) {
    return { id: newId(), name: this.defaultName(), auto: true, values: valuesOf(values), done: [] };
  }

  // A new case, made the active one; `copy` takes the active case's values and name.
  add(copy = false) {
    const made = this.newCase(copy ? this.active.values : null);
    if (copy) Object.assign(made, { name: format(this.words.caseCopy, { case: this.active.name }), auto: false });
    this.cases.push(made);
    this.active = made;
    return made;
  }

  // A new active case for another client, holding only `values` and the way of greeting.
  splitOff(values) {
    const from = this.active;
    const made = this.add();
    Object.assign(made.values, valuesOf(values));
    if (from.values["@register"]) made.values["@register"] = from.values["@register"];
    return made;
  }

  // A split taken back: what was typed into the new case goes to the first, the new one goes.
  mergeBack(fromId, madeId) {
    const from = this.cases.find((c) => c.id === fromId);
    const made = this.cases.find((c) => c.id === madeId);
    if (!from || !made || from === made) return false;
    Object.assign(from.values, made.values);
    this.remove(made);
    this.active = from;
    return true;
  }

  select(id) { this.active = this.cases.find((c) => c.id === id) || this.active; }

  // A cleared case keeps no trace of its client: values, the name it was given
  // (typed or taken from them) and the marks of what was sent.
  clear(c = this.active) {
    c.values = Object.create(null);
    c.done = [];
    c.auto = true;
    c.name = null;
    c.name = this.defaultName();
  }

  remove(c = this.active) {
    this.cases.splice(this.cases.indexOf(c), 1);
    if (!this.cases.length) this.cases.push(this.newCase());
    [this.active] = this.cases;
  }

  markDone(template) {
    if (this.active.done.includes(template)) return false;
    this.active.done.push(template);
    return true;
  }

  snapshot() { return JSON.stringify({ active: this.active?.id, cases: this.cases }); }

  restore(all) {
    this.cases = all.cases.filter((c) => c && typeof c.id === "string")
      .map((c) => ({ id: c.id, name: wellFormed(c.name), auto: c.auto === true, values: valuesOf(c.values),
        done: [...(c.done || [])].filter((d) => typeof d === "string"), page: c.page }));
    this.active = this.cases.find((c) => c.id === all.active);
  }

  load() {
    this.flush(); // what was typed a moment ago is not read over
    const me = this.read(ABOUT, "me");
    const all = this.read(CASES, "cases");
    if (me) this.about = valuesOf(me);
    if (Array.isArray(all?.cases)) this.restore(all);
    if (!this.cases.length) this.cases.push(this.newCase());
    if (!this.cases.includes(this.active)) [this.active] = this.cases;
  }

  // The active case as stored, without loading: for pages without templates.
  storedCase() {
    const all = this.read(CASES, "cases");
    return all?.cases?.find?.((c) => c?.id === all.active);
  }

  // Writes everything; announces a change of fortune: "save-failed" when writes
  // start failing, "save-works" when they work again. True if all were kept.
  save() {
    if (this.pending !== null) { later.stop(this.pending); this.pending = null; }
    const me = JSON.stringify(this.about);
    const all = this.snapshot();
    const results = [this.set("session", ABOUT, me), this.set("session", CASES, all)];
    if (this.remembered("me")) results.push(this.set("local", ABOUT, me));
    if (this.remembered("cases")) results.push(this.set("local", CASES, all));
    this.report(results.every(Boolean));
    return !this.failing;
  }

  // One save for a burst of keys, after the frame that shows them. The page calls
  // flush() when it is hidden, left or torn down, so nothing typed is lost.
  saveSoon() {
    if (this.pending === null) this.pending = later.start(() => { this.pending = null; this.save(); });
  }

  flush() { if (this.pending !== null) this.save(); }

  report(ok) {
    if (ok === !this.failing) return;
    this.failing = !ok;
    this.dispatchEvent(new CustomEvent(ok ? "save-works" : "save-failed"));
  }

  // Tick or untick "Remember"; true only if the device now does what the box says.
  remember(what, on) {
    const key = what === "me" ? ABOUT : CASES;
    const flag = this.set("local", REMEMBER[what], on ? "1" : null);
    const value = on ? (what === "me" ? JSON.stringify(this.about) : this.snapshot()) : null;
    const kept = this.set("local", key, value);
    const ok = flag && kept;
    if (!ok && on) { this.set("local", REMEMBER[what], null); this.set("local", key, null); }
    this.report(ok);
    return ok;
  }

  // Every value and choice this site keeps, in both storages; a fresh case.
  forget() {
    for (const area of AREAS) {
      for (const key of [ABOUT, CASES, ASKED, ...Object.values(REMEMBER), ...OLD]) this.set(area, key, null);
    }
    this.about = Object.create(null);
    this.cases = [this.newCase()];
    [this.active] = this.cases;
  }

  // The decision guide's open answers, for this tab only.
  guideState() { return this.json("session", GUIDE) || []; }

  setGuideState(keys) { this.set("session", GUIDE, JSON.stringify(keys)); }
}
