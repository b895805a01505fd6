// The case store on maps standing in for the browser's storage: what it keeps,
// where, and what it says when the browser refuses to keep it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CaseStore, anotherClient } from "../core/cases.js";

class MapStorage {
  constructor(limit = Infinity) { this.map = new Map(); this.limit = limit; }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.limit) {
      throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
    }
    this.map.set(key, String(value));
  }
  removeItem(key) { this.map.delete(key); }
}

const words = { caseDefault: "Client {number}", caseCopy: "{case} (copy)" };
const fresh = (session = new MapStorage(), local = new MapStorage()) => {
  const store = new CaseStore({ session, local }, words);
  store.load();
  return store;
};

test("values stay in the tab unless Remember is ticked", () => {
  const session = new MapStorage();
  const local = new MapStorage();
  const store = fresh(session, local);
  store.active.values.client_name = "Priya";
  assert.equal(store.save(), true);
  assert.match(session.getItem("mir:cases"), /Priya/);
  assert.equal(local.getItem("mir:cases"), null);
  assert.equal(store.remember("cases", true), true);
  assert.match(local.getItem("mir:cases"), /Priya/);
  assert.equal(fresh(new MapStorage(), local).active.values.client_name, "Priya");
});

test("a save over the quota says so once, and again only after one worked", () => {
  const session = new MapStorage(200);
  const store = fresh(session);
  const news = [];
  store.addEventListener("save-failed", () => news.push("failed"));
  store.addEventListener("save-works", () => news.push("works"));
  store.active.values.notes = "x".repeat(500);
  assert.equal(store.save(), false);
  assert.equal(store.save(), false);
  assert.deepEqual(news, ["failed"]);
  store.active.values.notes = "short";
  assert.equal(store.save(), true);
  assert.deepEqual(news, ["failed", "works"]);
});

test("Remember over the quota is refused and leaves nothing half kept", () => {
  const local = new MapStorage(40);
  const store = fresh(new MapStorage(), local);
  store.active.values.notes = "x".repeat(100);
  assert.equal(store.remember("cases", true), false);
  assert.equal(store.remembered("cases"), false);
  assert.equal(local.getItem("mir:cases"), null);
});

test("a browser without storage still fills in, and says nothing is kept", () => {
  const broken = { getItem() { throw new Error("denied"); }, setItem() { throw new Error("denied"); },
    removeItem() { throw new Error("denied"); } };
  const store = fresh(broken, broken);
  assert.equal(store.works, false);
  assert.equal(store.cases.length, 1);
  assert.equal(store.save(), false);
});

test("clearing a client takes its values, its given name and its sent marks", () => {
  const store = fresh();
  store.add();
  Object.assign(store.active, { name: "Priya Nair (typed)", auto: false });
  store.active.values.client_name = "Priya";
  store.markDone("apology-email");
  store.clear();
  assert.deepEqual({ ...store.active.values }, {});
  assert.deepEqual(store.active.done, []);
  assert.equal(store.active.auto, true);
  assert.match(store.active.name, /^Client \d+$/);
});

test("a copy takes the values and a name of its own; a new case takes nothing", () => {
  const store = fresh();
  store.active.values.client_name = "Priya";
  store.active.name = "Priya";
  const copy = store.add(true);
  assert.equal(copy.values.client_name, "Priya");
  assert.equal(copy.name, "Priya (copy)");
  const next = store.add();
  assert.deepEqual({ ...next.values }, {});
  assert.equal(store.cases.length, 3);
});

test("forget empties both storages", () => {
  const session = new MapStorage();
  const local = new MapStorage();
  const store = fresh(session, local);
  store.about["@from"] = "me@example.com";
  store.remember("me", true);
  store.save();
  store.forget();
  assert.equal(session.map.size + local.map.size, 0);
  assert.deepEqual({ ...store.about }, {});
});

test("stored junk loads as nothing, and a field called constructor is a field", () => {
  const session = new MapStorage();
  session.setItem("mir:cases", JSON.stringify({ active: "a", cases: [null, 3, { id: "a", name: "A",
    values: { constructor: "x", n: 4 }, done: ["t", 5] }] }));
  const store = fresh(session);
  assert.equal(store.cases.length, 1);
  assert.equal(store.active.values.constructor, "x");
  assert.equal(store.active.values.n, undefined);
  assert.deepEqual(store.active.done, ["t"]);
});

test("another client is a different name or address, never an edit of the same one", () => {
  assert.equal(anotherClient("Priya", "Tomás"), true);
  assert.equal(anotherClient("priya.patel@acme.example", "tomas@ortega.example"), true);
  assert.equal(anotherClient("Priya", "T"), true, "the first letter typed over a selected name");
  for (const [before, typed] of [["Priya", "Priya Patel"], ["Priya Patel", "Priya"], ["Priya", "PRIYA"],
    ["Priya", ""], ["", "Tomás"], [undefined, "Tomás"], ["Priya", "  Priya  "]]) {
    assert.equal(anotherClient(before, typed), false, `${before} -> ${typed}`);
  }
});

test("a split-off case holds only what was typed and the way of greeting; merging takes it back", () => {
  const store = fresh();
  const priya = store.active;
  Object.assign(priya.values, { client_name: "Priya", "@to": "priya@acme.example", fix_date: "Friday", "@register": "formal" });
  const made = store.splitOff({ client_name: "Tomás" });
  assert.equal(store.active, made);
  assert.deepEqual({ ...made.values }, { client_name: "Tomás", "@register": "formal" });
  assert.equal(priya.values.client_name, "Priya");
  assert.equal(store.mergeBack(priya.id, made.id), true);
  assert.equal(store.active, priya);
  assert.equal(store.cases.length, 1);
  assert.deepEqual({ ...priya.values }, { client_name: "Tomás", "@to": "priya@acme.example", fix_date: "Friday", "@register": "formal" });
  assert.equal(store.mergeBack(priya.id, made.id), false, "a case already merged");
});

test("keys typed in a burst are saved once, soon, and flush() or load() writes them at once", async () => {
  const session = new MapStorage();
  const store = fresh(session);
  let writes = 0;
  const setItem = session.setItem.bind(session);
  session.setItem = (key, value) => { if (key === "mir:cases") writes += 1; setItem(key, value); };
  for (const value of ["P", "Pr", "Pri"]) { store.active.values.client_name = value; store.saveSoon(); }
  assert.equal(writes, 0, "nothing written while the keys come");
  await new Promise((done) => setTimeout(done, 600)); // POLICY.saveMs, and a little
  assert.equal(writes, 1);
  assert.match(session.getItem("mir:cases"), /"Pri"/);

  store.active.values.client_name = "Priya";
  store.saveSoon();
  store.flush();
  assert.match(session.getItem("mir:cases"), /"Priya"/, "flush() writes what is waiting");
  store.flush();
  assert.equal(writes, 2, "and nothing when nothing waits");

  store.active.values.client_name = "Priya P";
  store.saveSoon();
  store.load();
  assert.equal(store.active.values.client_name, "Priya P", "a load does not read over what was just typed");
  await new Promise((done) => setTimeout(done, 600));
  assert.equal(writes, 3, "the waiting save was written once, by the load");
});
