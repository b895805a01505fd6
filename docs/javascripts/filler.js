/* The fill-in: make_it_right/card.py and panel.py write the markup, render.py the
 * same formats. Typed text only becomes textContent, a value or encoded text. */
(() => {
  "use strict";

  const ABOUT = "mir:about";
  const CASES = "mir:cases";
  const REMEMBER = { me: "mir:remember-me", cases: "mir:remember-cases" };
  const OLD = ["mir:fields", "mir:remember"];
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
  const make = (tag, props) => Object.assign(document.createElement(tag), props);

  const wellFormed = (text) => String(text ?? "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  const format = (text, params) => text.replace(/\{(\w+)\}/g, (all, key) => (Object.hasOwn(params, key) ? String(params[key]) : all));
  const crlf = (text) => text.replace(/\r?\n/g, "\r\n");
  // As Python's quote(safe=""): RFC 3986's unreserved characters only.
  const encode = (text) => encodeURIComponent(wellFormed(text))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;
  function addresses(text) {
    const all = String(text || "").split(/[,;]/).map((a) => a.trim()).filter(Boolean);
    return [all.filter((a) => ADDRESS.test(a)), all.filter((a) => !ADDRESS.test(a))];
  }
  const list = (items) => encode(items.join(",")).replace(/%40/g, "@").replace(/%2C/g, ",");
  const mailto = ({ subject, body, to = [], cc = [] }) => `mailto:${list(to.slice(0, 1))}?` +
    `${cc.length ? `cc=${list(cc)}&` : ""}subject=${encode(subject)}&body=${encode(crlf(body))}`;
  const sms = ({ body }) => `sms:?body=${encode(body.replace(/\n$/, ""))}`;

  const utf8 = (text) => new TextEncoder().encode(text);
  const base64 = (text) => btoa(Array.from(utf8(text), (b) => String.fromCharCode(b)).join(""));
  function pieces(text, size, first = size) {
    const out = [];
    let piece = "";
    let bytes = 0;
    for (const char of wellFormed(text)) {
      const length = utf8(char).length;
      if (piece && bytes + length > (out.length ? size : first)) { out.push(piece); piece = ""; bytes = 0; }
      piece += char;
      bytes += length;
    }
    return [...out, piece];
  }
  const encodedSubject = (subject) => pieces(subject, 45).map((w) => `=?UTF-8?B?${base64(w)}?=`).join("\r\n ");

  function eml({ subject, body, to = [], cc = [], from = "", date = null }) {
    const head = ["MIME-Version: 1.0"];
    if (date) head.push(`Date: ${date.toUTCString().replace("GMT", "+0000")}`);
    if (from) head.push(`From: ${from}`);
    if (to.length) head.push(`To: ${to[0]}`);
    if (cc.length) head.push(`Cc: ${cc.join(", ")}`);
    head.push(`Subject: ${encodedSubject(subject)}`, "X-Unsent: 1",
      "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "");
    return [...head, ...(base64(crlf(wellFormed(body))).match(/.{1,76}/g) || []), ""].join("\r\n");
  }

  const icsText = (text) => wellFormed(text).replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
  function ics({ uid, start, summary, description, stamp = new Date() }) {
    const time = (d) => d.replace(/[-:]/g, "").replace(/\.\d+/, "");
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Make It Right//Handbook//EN", "BEGIN:VEVENT",
      `UID:${uid}`, `DTSTAMP:${time(stamp.toISOString())}`, `DTSTART:${time(start).padEnd(15, "0").slice(0, 15)}`,
      "DURATION:PT15M", `SUMMARY:${icsText(summary)}`, `DESCRIPTION:${icsText(description)}`,
      "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(summary)}`, "TRIGGER:PT0M", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR", ""].map((line) => pieces(line, 74, 75).join("\r\n ")).join("\r\n");
  }

  const slug = (text) => wellFormed(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);

  function textOf(node) {
    let out = "";
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.data;
      else if (child.nodeType === 1 && !child.hidden && !child.classList.contains("mir-omit--out")) out += textOf(child);
    }
    return out;
  }
  function message(card) {
    const part = (selector) => { const el = $(selector, card); return el && textOf(el); };
    const body = `${part(".mir-card__body")}\n`;
    const subject = part(".mir-card__subject-text");
    if (subject === null) return { body, text: body };
    const line = subject.replace(/\s*[\r\n]+\s*/g, " ").trim();
    return { subject: line, body, text: `${format(ui.subject, { subject: line })}\n\n${body}` };
  }

  window.MakeItRight = Object.freeze({ message, mailto, sms, eml, ics, encodedSubject, wellFormed, format, slug, addresses });

  let works = true;
  const store = {
    get(area, key) { try { return window[area].getItem(key); } catch { works = false; return null; } },
    set(area, key, value) {
      try { if (value === null) window[area].removeItem(key); else window[area].setItem(key, value); } catch { works = false; }
    },
    json(area, key) { try { return JSON.parse(store.get(area, key)); } catch { return null; } },
  };
  const remembered = (what) => store.get("localStorage", REMEMBER[what]) === "1";
  const read = (key, what) => store.json("sessionStorage", key) ?? (remembered(what) ? store.json("localStorage", key) : null);
  // Maps without a prototype: a field called "constructor" is just a field.
  function valuesOf(source) {
    const map = Object.create(null);
    for (const [key, value] of Object.entries(source || {})) if (typeof value === "string") map[key] = value;
    return map;
  }

  let ui = null;
  let aboutNames = new Set();
  let about = Object.create(null);
  let cases = [];
  let active = null;
  let view = null;
  const mapOf = (name) => (aboutNames.has(name) || name === "@from" ? about : active.values);
  const valueOf = (name) => (mapOf(name)[name] || "").trim();

  // A cleared case keeps no trace of its client, the name it took from them included.
  function empty(c) {
    c.values = Object.create(null);
    if (c.auto) c.name = defaultName();
  }
  function defaultName() {
    const names = new Set(cases.map((c) => c.name));
    let number = cases.length + 1;
    while (names.has(format(ui.case_default, { number }))) number += 1;
    return format(ui.case_default, { number });
  }
  function newCase(values) {
    return { id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      name: defaultName(), auto: true, values: valuesOf(values), done: [] };
  }
  const restore = (all) => {
    cases = all.cases.filter((c) => c && typeof c.id === "string")
      .map((c) => ({ id: c.id, name: wellFormed(c.name), auto: c.auto === true, values: valuesOf(c.values), done: [...(c.done || [])].filter((d) => typeof d === "string"), page: c.page }));
    active = cases.find((c) => c.id === all.active);
  };
  function load() {
    const me = read(ABOUT, "me");
    const all = read(CASES, "cases");
    if (me) about = valuesOf(me);
    if (Array.isArray(all?.cases)) restore(all);
    if (!cases.length) cases.push(newCase());
    if (!cases.includes(active)) [active] = cases;
  }
  function save() {
    const me = JSON.stringify(about);
    const all = JSON.stringify({ active: active.id, cases });
    store.set("sessionStorage", ABOUT, me);
    store.set("sessionStorage", CASES, all);
    if (remembered("me")) store.set("localStorage", ABOUT, me);
    if (remembered("cases")) store.set("localStorage", CASES, all);
  }
  function forgetHere() {
    for (const area of ["sessionStorage", "localStorage"]) {
      for (const key of [ABOUT, CASES, ...Object.values(REMEMBER), ...OLD]) store.set(area, key, null);
    }
    about = Object.create(null);
    cases = [];
    cases.push(newCase());
    [active] = cases;
  }

  const channel = window.BroadcastChannel && new BroadcastChannel("make-it-right");
  const signal = (note) => channel?.postMessage(note);
  function received(note) {
    if (!ui || !note) return;
    if (note.type === "forget") forgetHere();
    const gone = cases.find((c) => c.id === note.id);
    if (gone) { empty(gone); save(); }
    view?.refresh();
  }
  channel?.addEventListener("message", (event) => received(event.data));
  addEventListener("click", (event) => {
    if (!view || !event.target.closest?.(".mir-skip")) return;
    event.preventDefault();
    event.stopPropagation();
    view.openPanel();
  }, true);

  function download(name, content, type) {
    const link = make("a", { href: URL.createObjectURL(new Blob([content], { type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function enhance() {
    const panel = $("[data-mir-fields]");
    for (const old of $$("body > .mir-skip")) old.remove();
    view = null;
    if (!panel) return;
    ui = JSON.parse(panel.dataset.mirStrings);
    aboutNames = new Set(JSON.parse(panel.dataset.mirAbout));
    const nameFrom = JSON.parse(panel.dataset.mirCaseFrom);
    load();
    const bar = $("[data-mir-bar]");
    const body = $("[data-mir-body]", panel);
    const toggle = $("[data-mir-toggle]", panel);
    const dialog = $("[data-mir-dialog]", panel);
    const focus = $("[data-mir-focus]", panel);
    const pick = $("[data-mir-case-pick]", panel);
    const caseName = $("[data-mir-case-name]", panel);
    const remindAt = $("[data-mir-remind-at]", focus);
    const cards = $$(".mir-card");
    const labels = new Map($$(".mir-field[data-field]", panel).map((f) => [f.dataset.field, f.dataset.label]));

    // Indexed by field: a keystroke touches only the inputs, blanks and cards that use it.
    const inputs = new Map();
    const blanks = new Map();
    const users = new Map();
    const info = new Map();
    const markers = new WeakMap();
    let required = new Set();
    let added = [];
    const add = (map, key, item) => { const items = map.get(key); if (items) items.push(item); else map.set(key, [item]); };
    function indexText(root) {
      for (const span of $$(".mir-blank, .mir-omit", root)) {
        if (span.dataset.field && !markers.has(span)) markers.set(span, span.textContent);
        add(blanks, span.dataset.field || span.dataset.omit, span);
      }
    }
    for (const input of $$("[name]", panel)) add(inputs, input.name, input);
    for (const card of cards) {
      for (const name of new Set($$(".mir-blank", card).map((span) => span.dataset.field))) add(users, name, card);
      indexText(card);
      const actions = $(".mir-card__actions", card);
      info.set(card, { actions, left: $("[data-mir-left]", card), email: Boolean($("[href^=mailto]", actions)), registers: Boolean(card.dataset.registers) });
    }
    // Only the case's register's greeting and sign-off show, count and copy.
    function applyRegister() {
      const register = active.values["@register"] || "friendly";
      for (const words of $$(".mir-register")) words.hidden = words.dataset.register !== register;
      required = new Set();
      for (const card of cards) {
        const shown = $$(".mir-blank", card).filter((span) => !span.closest("[hidden]"));
        const needs = shown.filter((span) => span.hasAttribute("data-required")).map((span) => span.dataset.field);
        needs.forEach((name) => required.add(name));
        Object.assign(info.get(card), { fields: [...new Set(shown.map((span) => span.dataset.field))], needs: [...new Set(needs)] });
      }
    }

    let timer = 0;
    function announce(text, offer) {
      const where = focus.open ? focus : bar;
      for (const button of $$("[data-mir-offer]")) button.hidden = true;
      const status = $("[data-mir-status]", where);
      status.textContent = "";
      status.textContent = text;
      if (!offer) return;
      const button = $("[data-mir-offer]", where);
      button.textContent = offer.label;
      button.hidden = false;
      button.onclick = () => { button.hidden = true; offer.run(); };
      clearTimeout(timer);
      timer = setTimeout(() => { button.hidden = true; }, 20000);
    }

    function show(span) {
      if (!span.dataset.field) return span.classList.toggle("mir-omit--out", !valueOf(span.dataset.omit));
      const value = valueOf(span.dataset.field);
      const { fallback } = span.dataset;
      const text = value || (fallback ?? markers.get(span));
      if (span.textContent !== text) span.textContent = text;
      span.classList.toggle("mir-blank--filled", Boolean(value));
      span.classList.toggle("mir-blank--fallback", !value && fallback !== undefined);
    }
    const missing = (card) => info.get(card).needs.filter((name) => !valueOf(name));
    const leftText = (count) => (count ? count === 1 ? ui.left_one : format(ui.left_many, { count }) : ui.all_filled);
    const setText = (el, text) => { if (el && el.textContent !== text) el.textContent = text; };
    let focused = null;
    function countLeft(card) {
      const text = leftText(missing(card).length);
      setText(info.get(card).left, text);
      if (focused === card) setText($("[data-mir-focus-actions] [data-mir-left]", focus), text);
    }
    function updateBar() {
      setText($("[data-mir-bar-left]", bar), leftText([...required].filter((name) => !valueOf(name)).length));
      for (const where of [bar, focus]) setText($("[data-mir-bar-case], [data-mir-focus-case]", where), format(ui.bar_case, { case: active.name }));
    }
    function update(name) {
      for (const span of blanks.get(name) || []) show(span);
      for (const card of users.get(name) || []) countLeft(card);
      updateBar();
    }
    const showName = () => setText($(`option[value="${CSS.escape(active.id)}"]`, pick), active.name);
    // A renamed case takes its old name off the status line ("Now filling in for Client 2").
    function rename(name) {
      const old = format(ui.switched, { case: active.name });
      for (const status of $$("[data-mir-status]")) if (status.textContent === old) status.textContent = "";
      active.name = name;
      showName();
    }
    function onInput({ target }) {
      const { name } = target;
      const value = wellFormed(target.value);
      if (value) mapOf(name)[name] = value;
      else delete mapOf(name)[name];
      for (const other of inputs.get(name)) if (other !== target) other.value = target.value;
      // A case is named after its client until the reader names it.
      if (active.auto && nameFrom.includes(name)) {
        rename(nameFrom.map((n) => (active.values[n] || "").trim()).find(Boolean) || active.name);
        caseName.value = active.name;
      }
      if (name === "@register") {
        applyRegister();
        cards.forEach(countLeft);
        if (focus.open) openFocus(focused, name);
      }
      update(name);
      active.page = location.pathname;
      save();
    }
    function refresh() {
      for (const [name, items] of inputs) for (const input of items) input.value = mapOf(name)[name] || "";
      for (const items of blanks.values()) items.forEach(show);
      applyRegister();
      cards.forEach(countLeft);
      pick.replaceChildren(...cases.map((c) => new Option(c.name, c.id, false, c === active)));
      caseName.value = active.name;
      for (const box of $$("[data-mir-remember]", panel)) box.checked = remembered(box.dataset.mirRemember);
      updateBar();
      showStored(active);
    }
    function openPanel(name) {
      body.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      const fields = $$(".mir-fields__grid [name]:not([name^='@'])", panel);
      (fields.find((i) => (name ? i.name === name : !i.value.trim())) || fields[0])?.focus();
    }
    view = { refresh, openPanel: () => openPanel() };

    const part = (name) => $(`[data-mir-focus-${name}]`, focus);
    function clearFocus() {
      for (const [map, key, item] of added) map.get(key).splice(map.get(key).indexOf(item), 1);
      added = [];
      part("fields").replaceChildren();
      part("preview").replaceChildren();
    }
    function openFocus(card, target) {
      const data = info.get(card);
      clearFocus();
      focused = card;
      setText(part("title"), format(ui.focus_label, { title: card.dataset.title }));
      focus.setAttribute("aria-label", part("title").textContent);
      const fields = [...(data.email ? ["@to", "@cc"] : []), ...(data.registers ? ["@register"] : []), ...data.fields].map((name) => {
        const copy = $(`.mir-field[data-field="${CSS.escape(name)}"]`, panel).cloneNode(true);
        for (const el of $$("[id], [for], [aria-describedby]", copy)) {
          for (const key of ["id", "for", "aria-describedby"]) if (el.hasAttribute(key)) el.setAttribute(key, `mir-x-${el.getAttribute(key)}`);
        }
        // This template's own notes: what it says when the blank is left empty may differ.
        const own = $(`dt[data-field="${CSS.escape(name)}"] + dd`, card);
        if (own) $(".mir-field__hint", copy).textContent = own.textContent;
        const input = $("[name]", copy);
        input.value = mapOf(name)[name] || "";
        input.addEventListener("input", onInput);
        add(inputs, name, input);
        added.push([inputs, name, input]);
        return copy;
      });
      part("fields").replaceChildren(...fields);
      const preview = $(".mir-card__text", card).cloneNode(true);
      for (const span of $$(".mir-blank, .mir-omit", preview)) {
        const key = span.dataset.field || span.dataset.omit;
        markers.set(span, markers.get($(`.mir-blank[data-field="${key}"]`, card)));
        add(blanks, key, span);
        added.push([blanks, key, span]);
      }
      part("preview").replaceChildren(preview);
      const counter = make("span", { className: "mir-card__left" });
      counter.setAttribute("data-mir-left", "");
      part("actions").replaceChildren(...$$("[data-mir-action]:not([data-mir-action=fill])", data.actions).map((c) => c.cloneNode(true)), counter);
      part("actions").setAttribute("aria-label", format(ui.actions_label, { title: card.dataset.title }));
      part("reminder").hidden = !card.dataset.remind;
      if (!remindAt.value) remindAt.value = new Date(Date.now() + 864e5 - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 11) + "09:00";
      focus.classList.remove("mir-focus--preview");
      setText(part("toggle"), ui.show_preview);
      setText($("[data-mir-status]", focus), "");
      if (!focus.open) focus.showModal();
      countLeft(card);
      if (target === "ics") return remindAt.focus();
      if (target === "@register") return $("[name='@register']", part("fields")).focus();
      // The first empty blank in the order the text uses them, optional or not.
      const first = data.fields.find((name) => !valueOf(name)) || data.fields[0];
      const input = $(`[name="${CSS.escape(first || "")}"]`, part("fields"));
      (input || part("toggle")).focus();
    }
    focus.addEventListener("close", () => {
      focused = null;
      clearFocus();
    });
    part("close").addEventListener("click", () => focus.close());
    part("new").addEventListener("click", () => {
      cases.push(active = newCase());
      changed();
      openFocus(focused);  // clears the status line, so the news comes after it
      announce(format(ui.switched, { case: active.name }));
    });
    part("toggle").addEventListener("click", () => {
      setText(part("toggle"), focus.classList.toggle("mir-focus--preview") ? ui.show_blanks : ui.show_preview);
    });

    function confirmed(card, action) {
      const empty = missing(card);
      if (!empty.length) return true;
      $("[data-mir-missing]", dialog).replaceChildren(...empty.map((name) => make("li", { textContent: labels.get(name) })));
      setText($("[data-mir-anyway]", dialog), ui.anyway[action]);
      dialog.returnValue = "";
      dialog.showModal();
      return new Promise((resolve) => dialog.addEventListener("close", () => {
        resolve(dialog.returnValue === "go");
        if (dialog.returnValue === "go") return;
        setTimeout(() => {
          const input = focus.open && $(`[name="${empty[0]}"]`, part("fields"));
          if (input) input.focus(); else openPanel(empty[0]);
        });
      }, { once: true }));
    }

    function recipients() {
      const [to, cc, from] = [active.values["@to"], active.values["@cc"], about["@from"]].map(addresses);
      const bad = [...to[1], ...cc[1], ...from[1]];
      if (bad.length) announce(format(ui.bad_address, { address: bad[0] }));
      return { to: to[0], cc: cc[0], from: from[0][0] || "" };
    }
    function save_(card, extension, content, type) {
      const file = `${slug(active.name) || ui.file_fallback}-${card.dataset.template}.${extension}`;
      download(file, content, type);
      announce(format(ui.downloaded, { file }));
    }
    const actions = {
      fill: (card) => openFocus(card),
      async copy(card, control) {
        const { text } = message(card);
        try {
          await navigator.clipboard.writeText(text);
          announce(format(ui.copied, { title: card.dataset.title }));
          const label = control.textContent;
          control.textContent = ui.copied_button;
          setTimeout(() => { control.textContent = label; }, 2000);
        } catch {
          const group = control.parentElement;
          let box = group.nextElementSibling;
          if (!box?.matches(".mir-copy-fallback")) {
            box = make("div", { className: "mir-copy-fallback" });
            const id = `mir-copy-${Date.now()}`;
            box.append(make("label", { htmlFor: id, textContent: ui.copy_fallback }),
              make("textarea", { id, readOnly: true, rows: 6 }));
            group.after(box);
          }
          announce(ui.copy_failed);
          const area = $("textarea", box);
          area.value = text;
          area.focus();
          area.select();
        }
      },
      mailto(card, control) {
        const url = mailto({ ...message(card), ...recipients() });
        if (url.length > 1800) {
          return announce(format(ui.long_link, { count: url.length }), { label: ui.actions.eml, run: () => actions.eml(card) });
        }
        window.location.href = control.href = url;
      },
      sms(card, control) { window.location.href = control.href = sms(message(card)); },
      eml(card) { save_(card, "eml", eml({ ...message(card), ...recipients(), date: new Date() }), "message/rfc822"); },
      txt(card) { save_(card, "txt", message(card).text, "text/plain;charset=utf-8"); },
      ics(card) {
        if (!focus.open || !remindAt.value) return openFocus(card, "ics");
        const description = card.dataset.remind.split(" ").map((name) => `${labels.get(name)}: ${valueOf(name) || ui.reminder_empty}`).join("\n");
        save_(card, "ics", ics({ uid: `${Date.now()}-${card.dataset.template}@make-it-right`, start: remindAt.value,
          summary: format(ui.reminder_title, { case: active.name, title: card.dataset.title }), description }), "text/calendar");
      },
      print(card) {
        if (focus.open) focus.close();
        card.classList.add("mir-print-target");
        document.body.classList.add("mir-printing");
        addEventListener("afterprint", () => {
          card.classList.remove("mir-print-target");
          document.body.classList.remove("mir-printing");
        }, { once: true });
        window.print();
      },
    };
    async function run(card, event) {
      const control = event.target.closest("[data-mir-action]");
      if (!card || !control) return;
      const action = control.dataset.mirAction;
      if (control.tagName === "A") event.preventDefault();
      if (action === "fill" || action === "ics") return actions[action](card, control);
      if (!await confirmed(card, action)) return;
      await actions[action](card, control);
      // The guide's plan marks what was copied or sent, for this client.
      if (action !== "print" && !active.done.includes(card.dataset.template)) { active.done.push(card.dataset.template); save(); showStored(active); }
    }
    for (const card of cards) {
      info.get(card).actions.hidden = false;
      info.get(card).actions.addEventListener("click", (event) => run(card, event));
    }
    part("actions").addEventListener("click", (event) => run(focused, event));
    for (const items of inputs.values()) for (const input of items) input.addEventListener("input", onInput);

    const changed = (text) => { save(); refresh(); if (text) announce(format(text, { case: active.name })); };
    pick.addEventListener("change", () => {
      active = cases.find((c) => c.id === pick.value) || active;
      changed(ui.switched);
    });
    caseName.addEventListener("input", () => {
      rename(wellFormed(caseName.value));
      active.auto = false;
      updateBar();
      save();
    });
    $(".mir-fields__group", panel).addEventListener("click", ({ target }) => {
      const what = target.closest("[data-mir-case]")?.dataset.mirCase;
      if (!what) return;
      if (what === "new" || what === "duplicate") {
        const made = newCase(what === "new" ? null : active.values);
        if (what === "duplicate") Object.assign(made, { name: format(ui.case_copy, { case: active.name }), auto: false });
        cases.push(made);
        active = made;
        changed(ui.switched);
        caseName.focus();
        return caseName.select();
      }
      const before = JSON.stringify({ active: active.id, cases });
      const name = active.name;
      signal({ type: "clear", id: active.id });
      if (what === "clear") empty(active);
      else {
        cases.splice(cases.indexOf(active), 1);
        if (!cases.length) cases.push(newCase());
        [active] = cases;
      }
      changed();
      announce(format(what === "clear" ? ui.cleared : ui.deleted, { case: name }), {
        label: ui.undo,
        run() { restore(JSON.parse(before)); changed(ui.restored); },
      });
    });
    for (const box of $$("[data-mir-remember]", panel)) {
      box.addEventListener("change", () => {
        const what = box.dataset.mirRemember;
        const key = what === "me" ? ABOUT : CASES;
        store.set("localStorage", REMEMBER[what], box.checked ? "1" : null);
        store.set("localStorage", key, box.checked ? store.get("sessionStorage", key) : null);
        announce(!works ? ui.no_storage : ui[`${what === "me" ? "me_" : ""}${box.checked ? "remembered" : "forgotten"}`]);
      });
    }
    $("[data-mir-forget]", panel).addEventListener("click", () => {
      forgetHere();
      signal({ type: "forget" });
      changed();
      announce(ui.forgotten_all);
    });
    toggle.addEventListener("click", () => {
      body.hidden = !body.hidden;
      toggle.setAttribute("aria-expanded", String(!body.hidden));
    });
    $("[data-mir-open]", bar).addEventListener("click", () => openPanel());
    document.body.prepend($("[data-mir-skip]", bar));
    refresh();
    bar.hidden = false;
    panel.hidden = false;
    if (!works) announce(ui.no_storage);
    if (location.hash === "#mir-fields") openPanel();
  }

  // The open case's marks on the plan, and, on a page without templates, its name.
  function showStored(open = storedCase()) {
    for (const mark of $$("[data-mir-mark]")) mark.hidden = !open?.done?.includes?.(mark.dataset.mirMark);
    const box = $("[data-mir-here]");
    if (!box || view || !Object.keys(valuesOf(open?.values)).length) return;
    const [name, link] = box.children;
    name.textContent = open.name;
    if (open.page) link.pathname = open.page;
    box.hidden = false;
  }

  function storedCase() {
    const all = read(CASES, "cases");
    return all?.cases?.find?.((c) => c?.id === all.active);
  }

  function guide() {
    const root = $("[data-mir-guide]");
    if (!root) return;
    const all = $$("details", root);
    const key = (d) => `${d.getAttribute("name")}/${d.firstElementChild.textContent}`;
    const saved = new Set(store.json("sessionStorage", "mir:guide") || []);
    for (const d of all) if (saved.has(key(d))) d.open = true;
    const restart = $("[data-mir-restart]", root);
    restart.hidden = false;
    restart.addEventListener("click", () => {
      for (const open of $$("details[open]", root)) open.open = false;
      $("summary", root).focus();
    });
    root.addEventListener("toggle", ({ target }) => {
      if (target.open) {
        for (const other of $$(`:scope > details[name="${target.getAttribute("name")}"]`, target.parentElement)) {
          if (other !== target) other.open = false;
        }
        target.lastElementChild.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
      store.set("sessionStorage", "mir:guide", JSON.stringify(all.filter((d) => d.open).map(key)));
    }, true);
  }

  function start() {
    enhance();
    guide();
    if (!view) showStored(); // a page of templates showed its case as it loaded
    for (const nav of $$(".md-code__nav")) nav.setAttribute("role", "none");
  }

  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
