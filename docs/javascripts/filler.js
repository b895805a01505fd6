/* Make It Right: type each blank once, and every template on the page fills in.
 * Without this script each card is still text with visible blanks. It reveals the
 * fields panel (make_it_right/panel.py), keeps "About me" apart from one case per
 * client, in this browser only, and turns a card into text, mailto:, .eml, .txt or
 * a reminder (.ics). Typed text is only ever set as textContent, an input's value
 * or encoded, never parsed as markup, and never used as a replacement pattern. */
(() => {
  "use strict";

  // The filler's own styles matter only once this script runs, so it loads them.
  const STYLES = document.currentScript.src.replace(/javascripts\/filler\.js.*$/,
    "stylesheets/filler.css");
  const ABOUT = "mir:about";
  const CASES = "mir:cases";
  const REMEMBER = { me: "mir:remember-me", cases: "mir:remember-cases" };
  const SIGNAL = "mir:signal";
  const OLD = ["mir:fields", "mir:remember"];
  const LONG_LINK = 1800;

  // --- Pure encoders: the same formats as make_it_right/render.py ----------------
  const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const wellFormed = (text) => String(text ?? "").replace(LONE, "\ufffd");
  // {name} placeholders, filled by a function: a `$&` in a value stays as typed.
  const format = (text, params) => text.replace(/\{(\w+)\}/g,
    (whole, key) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
  const oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  const crlf = (text) => text.replace(/\r?\n/g, "\r\n");
  // Percent-encoding as Python's quote(safe=""): RFC 3986's unreserved characters only.
  const encode = (text) => encodeURIComponent(wellFormed(text))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;
  // Addresses separated by commas or semicolons: [good ones, ones that are not an address].
  function addresses(text) {
    const all = String(text || "").split(/[,;]/).map((a) => a.trim()).filter(Boolean);
    return [all.filter((a) => ADDRESS.test(a)), all.filter((a) => !ADDRESS.test(a))];
  }

  function mailto({ subject, body, to = [], cc = [] }) {
    const list = (items) => encode(items.join(",")).replace(/%40/g, "@").replace(/%2C/g, ",");
    return `mailto:${list(to.slice(0, 1))}?${cc.length ? `cc=${list(cc)}&` : ""}` +
      `subject=${encode(subject)}&body=${encode(crlf(body))}`;
  }
  // RFC 5724: the message without its last newline.
  const sms = ({ body }) => `sms:?body=${encode(body.replace(/\n$/, ""))}`;

  const utf8 = (text) => new TextEncoder().encode(text);
  function base64(text) {
    let binary = "";
    for (const byte of utf8(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  // RFC 2047 encoded words of at most 75 characters, split between characters.
  function encodedSubject(subject) {
    const words = [];
    let word = "";
    let bytes = 0;
    for (const char of wellFormed(subject)) {
      const size = utf8(char).length;
      if (word && bytes + size > 45) { words.push(word); word = ""; bytes = 0; }
      word += char;
      bytes += size;
    }
    words.push(word);
    return words.map((w) => `=?UTF-8?B?${base64(w)}?=`).join("\r\n ");
  }

  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n) => String(n).padStart(2, "0");
  // RFC 5322 date in local time, like email.utils.formatdate(localtime=True).
  function mailDate(d) {
    const offset = -d.getTimezoneOffset();
    const zone = `${offset < 0 ? "-" : "+"}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
    return `${DAYS[d.getDay()]}, ${two(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
      `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${zone}`;
  }

  function eml({ subject, body, to = [], cc = [], from = "", date = null }) {
    const headers = ["MIME-Version: 1.0"];
    if (date) headers.push(`Date: ${mailDate(date)}`);
    if (from) headers.push(`From: ${from}`);
    if (to.length) headers.push(`To: ${to[0]}`);
    if (cc.length) headers.push(`Cc: ${cc.join(", ")}`);
    headers.push(`Subject: ${encodedSubject(subject)}`, "X-Unsent: 1",
      "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64");
    const lines = base64(crlf(wellFormed(body))).match(/.{1,76}/g) || [];
    return [...headers, "", ...lines, ""].join("\r\n");
  }

  // RFC 5545: text escaped, lines folded at 75 octets (never inside a character).
  const icsText = (text) => wellFormed(text).replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, "\\n");
  function fold(line) {
    const out = [];
    let part = "";
    let bytes = 0;
    for (const char of line) {
      const size = utf8(char).length;
      if (bytes + size > (out.length ? 74 : 75)) { out.push(part); part = ""; bytes = 0; }
      part += char;
      bytes += size;
    }
    out.push(part);
    return out.join("\r\n ");
  }
  const icsUtc = (d) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  // start: "YYYY-MM-DDTHH:MM" from a datetime-local input, kept as floating local time.
  function ics({ uid, start, summary, description, stamp = new Date() }) {
    const [date, time = "09:00"] = start.split("T");
    const when = `${date.replace(/-/g, "")}T${time.replace(/:/g, "").padEnd(6, "0").slice(0, 6)}`;
    return [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Make It Right//Handbook//EN", "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT", `UID:${uid}`, `DTSTAMP:${icsUtc(stamp)}`, `DTSTART:${when}`, "DURATION:PT15M",
      `SUMMARY:${icsText(summary)}`, `DESCRIPTION:${icsText(description)}`,
      "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(summary)}`, "TRIGGER:PT0M", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR", "",
    ].map((line) => (line ? fold(line) : line)).join("\r\n");
  }

  // A case's name in a file name: letters and digits only.
  const slug = (text) => wellFormed(text).normalize("NFKD").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "case";

  // The exported encoders, for the tests and anyone scripting the page.
  window.MakeItRight = Object.freeze({ message, mailto, sms, eml, ics, encodedSubject, mailDate, wellFormed, format, slug, addresses });

  // --- Storage: About me, and one case per client ---------------------------------
  let storageWorks = true;
  const store = {
    get(area, key) {
      try { return window[area].getItem(key); } catch { storageWorks = false; return null; }
    },
    set(area, key, value) {
      try {
        if (value === null) window[area].removeItem(key);
        else window[area].setItem(key, value);
      } catch { storageWorks = false; }
    },
    json(area, key) {
      try { return JSON.parse(store.get(area, key)); } catch { return null; }
    },
  };
  const remembered = (what) => store.get("localStorage", REMEMBER[what]) === "1";

  // Maps without a prototype: a field called "constructor" is just a field.
  function valuesOf(source) {
    const map = Object.create(null);
    if (source && typeof source === "object") {
      for (const [key, value] of Object.entries(source)) if (typeof value === "string") map[key] = value;
    }
    return map;
  }

  let ui = null;
  let aboutNames = new Set();
  let about = Object.create(null);
  let cases = [];
  let active = null;
  let view = null; // the current page's refresh(), if it has templates

  const isAbout = (name) => aboutNames.has(name) || name === "@from";
  const valueOf = (name) => ((isAbout(name) ? about : active.values)[name] || "").trim();

  function newCase(values) {
    const names = new Set(cases.map((c) => c.name));
    let number = cases.length + 1;
    while (names.has(format(ui.case_default, { number }))) number += 1;
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    return { id, name: format(ui.case_default, { number }), values: valuesOf(values) };
  }

  function load() {
    const me = store.json("sessionStorage", ABOUT) ?? (remembered("me") ? store.json("localStorage", ABOUT) : null);
    const all = store.json("sessionStorage", CASES) ?? (remembered("cases") ? store.json("localStorage", CASES) : null);
    if (me) about = valuesOf(me);
    if (all && Array.isArray(all.cases)) {
      cases = all.cases.filter((c) => c && typeof c.id === "string").map((c) => ({
        id: c.id, name: wellFormed(typeof c.name === "string" ? c.name : ""), values: valuesOf(c.values),
      }));
      active = cases.find((c) => c.id === all.active) || null;
    }
    if (!cases.length) cases.push(newCase());
    if (!active || !cases.includes(active)) active = cases[0];
  }

  function save() {
    const me = JSON.stringify(about);
    const all = JSON.stringify({ active: active.id, cases });
    store.set("sessionStorage", ABOUT, me);
    store.set("sessionStorage", CASES, all);
    if (remembered("me")) store.set("localStorage", ABOUT, me);
    if (remembered("cases")) store.set("localStorage", CASES, all);
  }

  // "Clear" and "Forget" reach every open tab: a BroadcastChannel, or a storage event.
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("make-it-right") : null;
  function signal(message) {
    if (channel) return channel.postMessage(message);
    store.set("localStorage", SIGNAL, JSON.stringify({ ...message, at: Date.now() }));
    store.set("localStorage", SIGNAL, null);
  }
  function received(message) {
    if (!message || !ui) return;
    if (message.type === "forget") forgetHere();
    else if (message.type === "clear") {
      const gone = cases.find((c) => c.id === message.id);
      if (!gone) return;
      gone.values = Object.create(null);
      save();
    }
    view?.refresh();
  }
  if (channel) channel.addEventListener("message", (event) => received(event.data));
  window.addEventListener("storage", (event) => {
    if (event.key === SIGNAL && event.newValue) { try { received(JSON.parse(event.newValue)); } catch { /* not ours */ } }
  });

  // The skip link opens the panel at its first empty blank; caught before the
  // theme's instant navigation would take the click as a page change.
  window.addEventListener("click", (event) => {
    if (!view || !event.target.closest?.(".mir-skip")) return;
    event.preventDefault();
    event.stopPropagation();
    view.openPanel();
  }, true);

  function forgetHere() {
    for (const area of ["sessionStorage", "localStorage"]) {
      for (const key of [ABOUT, CASES, REMEMBER.me, REMEMBER.cases, ...OLD]) store.set(area, key, null);
    }
    about = Object.create(null);
    cases = [];
    cases.push(newCase());
    active = cases[0];
  }

  // --- Reading a card ---------------------------------------------------------------
  // The card's text as shown, without the phrases left out.
  function textOf(node) {
    let out = "";
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out += child.data;
      else if (child.nodeType === Node.ELEMENT_NODE && !child.classList.contains("mir-omit--out")) out += textOf(child);
    }
    return out;
  }

  function message(card) {
    const part = (selector) => { const el = card.querySelector(selector); return el ? textOf(el) : undefined; };
    const body = `${part(".mir-card__body")}\n`;
    const subject = part(".mir-card__subject-text");
    if (subject === undefined) return { body, text: body };
    const line = oneLine(subject);
    return { subject: line, body, text: `${format(ui.subject, { subject: line })}\n\n${body}` };
  }

  function download(name, content, type) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function copyText(text) {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  }

  // --- The page ----------------------------------------------------------------------
  function enhance() {
    const panel = document.querySelector("[data-mir-fields]");
    for (const old of document.querySelectorAll("body > .mir-skip")) old.remove();
    if (!panel) { view = null; return; }
    ui = JSON.parse(panel.dataset.mirStrings);
    aboutNames = new Set(JSON.parse(panel.dataset.mirAbout));
    load();

    const bar = document.querySelector("[data-mir-bar]");
    const body = panel.querySelector("[data-mir-body]");
    const toggle = panel.querySelector("[data-mir-toggle]");
    const dialog = panel.querySelector("[data-mir-dialog]");
    const focus = panel.querySelector("[data-mir-focus]");
    const pick = panel.querySelector("[data-mir-case-pick]");
    const caseName = panel.querySelector("[data-mir-case-name]");
    const cards = [...document.querySelectorAll(".mir-card")];
    const labels = new Map();
    for (const field of panel.querySelectorAll(".mir-field[data-field]")) labels.set(field.dataset.field, field.dataset.label);

    // Indexed by field: a keystroke touches only the blanks and cards that use it.
    const add = (map, key, item) => { const list = map.get(key); if (list) list.push(item); else map.set(key, [item]); };
    const index = { inputs: new Map(), blanks: new Map(), omits: new Map(), cards: new Map() };
    const inFocus = { inputs: new Map(), blanks: new Map(), omits: new Map() };
    const markers = new WeakMap();
    const info = new WeakMap();
    const pageRequired = new Set();

    function indexText(root, into) {
      for (const span of root.querySelectorAll(".mir-blank")) {
        if (!markers.has(span)) markers.set(span, span.textContent);
        add(into.blanks, span.dataset.field, span);
      }
      for (const span of root.querySelectorAll(".mir-omit")) add(into.omits, span.dataset.omit, span);
    }
    for (const input of panel.querySelectorAll("[name]")) add(index.inputs, input.name, input);
    for (const card of cards) {
      const fields = [];
      const required = [];
      for (const span of card.querySelectorAll(".mir-blank")) {
        const name = span.dataset.field;
        if (!fields.includes(name)) { fields.push(name); add(index.cards, name, card); }
        if (span.hasAttribute("data-required") && !required.includes(name)) { required.push(name); pageRequired.add(name); }
      }
      indexText(card, index);
      const actions = card.querySelector(".mir-card__actions");
      info.set(card, { fields, required, actions, left: card.querySelector("[data-mir-left]"),
        email: Boolean(actions?.querySelector('[data-mir-action="mailto"]')) });
    }

    // Messages go to the focus view while it is open, else to the bar.
    let offerTimer = 0;
    function announce(text, offer) {
      const where = focus.open ? focus : bar;
      for (const place of [bar, focus]) {
        const button = place.querySelector("[data-mir-offer]");
        button.hidden = true;
        button.onclick = null;
      }
      const status = where.querySelector("[data-mir-status]");
      status.textContent = "";
      status.textContent = text;
      if (!offer) return;
      const button = where.querySelector("[data-mir-offer]");
      button.textContent = offer.label;
      button.hidden = false;
      button.onclick = () => { button.hidden = true; offer.run(); };
      clearTimeout(offerTimer);
      offerTimer = setTimeout(() => { button.hidden = true; }, 20000);
    }

    function showBlank(span) {
      const value = valueOf(span.dataset.field);
      const fallback = span.dataset.fallback;
      const text = value || (fallback !== undefined ? fallback : markers.get(span));
      if (span.textContent !== text) span.textContent = text;
      span.classList.toggle("mir-blank--filled", Boolean(value));
      span.classList.toggle("mir-blank--fallback", !value && fallback !== undefined);
    }
    const showOmit = (span) => span.classList.toggle("mir-omit--out", !valueOf(span.dataset.omit));

    const left = (card) => info.get(card).required.filter((name) => !valueOf(name));
    const leftText = (count) => (count === 0 ? ui.all_filled
      : count === 1 ? ui.left_one : format(ui.left_many, { count }));
    function countLeft(card) {
      const text = leftText(left(card).length);
      const counter = info.get(card).left;
      if (counter && counter.textContent !== text) counter.textContent = text;
      if (focus.open && focused === card) focus.querySelector("[data-mir-left]").textContent = text;
    }
    const barCase = bar.querySelector("[data-mir-bar-case]");
    const barLeft = bar.querySelector("[data-mir-bar-left]");
    function updateBar() {
      let count = 0;
      for (const name of pageRequired) if (!valueOf(name)) count += 1;
      const text = leftText(count);
      if (barLeft.textContent !== text) barLeft.textContent = text;
      const name = format(ui.bar_case, { case: active.name });
      if (barCase.textContent !== name) barCase.textContent = name;
    }

    function update(name) {
      for (const map of [index, inFocus]) {
        for (const span of map.blanks.get(name) || []) showBlank(span);
        for (const span of map.omits.get(name) || []) showOmit(span);
      }
      for (const card of index.cards.get(name) || []) countLeft(card);
      updateBar();
    }

    function onInput(event) {
      const input = event.target;
      const name = input.name;
      const map = isAbout(name) ? about : active.values;
      const value = wellFormed(input.value);
      if (value) map[name] = value;
      else delete map[name];
      for (const list of [index.inputs.get(name), inFocus.inputs.get(name)]) {
        for (const other of list || []) if (other !== input && other.value !== input.value) other.value = input.value;
      }
      update(name);
      save();
    }

    // Every input, blank and counter from the values (after a switch, clear or load).
    function refresh() {
      for (const map of [index.inputs, inFocus.inputs]) {
        for (const [name, list] of map) for (const input of list) input.value = (isAbout(name) ? about : active.values)[name] || "";
      }
      for (const map of [index, inFocus]) {
        for (const list of map.blanks.values()) for (const span of list) showBlank(span);
        for (const list of map.omits.values()) for (const span of list) showOmit(span);
      }
      for (const card of cards) countLeft(card);
      pick.replaceChildren(...cases.map((c) => new Option(c.name, c.id, false, c === active)));
      caseName.value = active.name;
      for (const box of panel.querySelectorAll("[data-mir-remember]")) box.checked = remembered(box.dataset.mirRemember);
      updateBar();
    }
    view = { refresh, openPanel: () => openPanel() };

    function openPanel(name) {
      body.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      const target = name ? panel.querySelector(`[name="${CSS.escape(name)}"]`)
        : [...panel.querySelectorAll(".mir-fields__grid [name]")].find((i) => !i.value.trim() && i.name[0] !== "@");
      (target || panel.querySelector(".mir-fields__grid [name]"))?.focus();
    }

    // --- The focus view: one template's blanks, in text order, beside its preview.
    let focused = null;
    const focusFields = focus.querySelector("[data-mir-focus-fields]");
    const focusPreview = focus.querySelector("[data-mir-focus-preview]");
    const focusActions = focus.querySelector("[data-mir-focus-actions]");
    const focusToggle = focus.querySelector("[data-mir-focus-toggle]");
    const reminder = focus.querySelector("[data-mir-focus-reminder]");
    const remindAt = focus.querySelector("[data-mir-remind-at]");

    function cloneField(name) {
      const field = panel.querySelector(`.mir-field[data-field="${CSS.escape(name)}"]`);
      if (!field) return null;
      const copy = field.cloneNode(true);
      for (const el of copy.querySelectorAll("[id]")) el.id = `mir-x-${el.id}`;
      for (const el of copy.querySelectorAll("label[for]")) el.htmlFor = `mir-x-${el.htmlFor}`;
      for (const el of copy.querySelectorAll("[aria-describedby]")) {
        el.setAttribute("aria-describedby", `mir-x-${el.getAttribute("aria-describedby")}`);
      }
      const input = copy.querySelector("[name]");
      input.value = (isAbout(name) ? about : active.values)[name] || "";
      input.addEventListener("input", onInput);
      add(inFocus.inputs, name, input);
      return copy;
    }

    function openFocus(card, target) {
      const data = info.get(card);
      focused = card;
      for (const map of Object.values(inFocus)) map.clear();
      focus.querySelector("[data-mir-focus-title]").textContent = format(ui.focus_label, { title: card.dataset.title });
      const names = [...(data.email ? ["@to", "@cc"] : []), ...data.fields];
      focusFields.replaceChildren(...names.map(cloneField).filter(Boolean));
      const preview = card.querySelector(".mir-card__text").cloneNode(true);
      indexText(preview, inFocus);
      focusPreview.replaceChildren(preview);
      const buttons = [...data.actions.querySelectorAll("[data-mir-action]")]
        .filter((c) => c.dataset.mirAction !== "fill").map((c) => c.cloneNode(true));
      const counter = document.createElement("span");
      counter.className = "mir-card__left";
      counter.dataset.mirLeft = "";
      focusActions.replaceChildren(...buttons, counter);
      focusActions.setAttribute("role", "group");
      focusActions.setAttribute("aria-label", format(ui.actions_label, { title: card.dataset.title }));
      reminder.hidden = !card.dataset.remind;
      if (!remindAt.value) {
        const tomorrow = new Date(Date.now() + 864e5);
        remindAt.value = `${tomorrow.getFullYear()}-${two(tomorrow.getMonth() + 1)}-${two(tomorrow.getDate())}T09:00`;
      }
      focus.classList.remove("mir-focus--preview");
      focusToggle.textContent = ui.show_preview;
      focusToggle.setAttribute("aria-expanded", "false");
      focus.querySelector("[data-mir-status]").textContent = "";
      if (!focus.open) focus.showModal();
      countLeft(card);
      if (target === "ics" && !reminder.hidden) return remindAt.focus();
      // The first empty blank in the order the text uses them, optional or not.
      const first = data.fields.find((name) => !valueOf(name)) || data.fields[0];
      const input = first && inFocus.inputs.get(first)?.[0];
      if (input) { input.focus(); input.scrollIntoView({ block: "nearest" }); } else focusToggle.focus();
    }
    focus.addEventListener("close", () => {
      focused = null;
      for (const map of Object.values(inFocus)) map.clear();
      focusFields.replaceChildren();
      focusPreview.replaceChildren();
    });
    focus.querySelector("[data-mir-focus-close]").addEventListener("click", () => focus.close());
    focusToggle.addEventListener("click", () => {
      const preview = focus.classList.toggle("mir-focus--preview");
      focusToggle.textContent = preview ? ui.show_blanks : ui.show_preview;
      focusToggle.setAttribute("aria-expanded", String(preview));
    });

    function confirmed(card, action) {
      const missing = left(card);
      if (!missing.length) return Promise.resolve(true);
      const list = dialog.querySelector("[data-mir-missing]");
      list.replaceChildren(...missing.map((name) => {
        const item = document.createElement("li");
        item.textContent = labels.get(name);
        return item;
      }));
      dialog.querySelector("[data-mir-anyway]").textContent = ui.anyway[action];
      dialog.returnValue = "";
      dialog.showModal();
      return new Promise((resolve) => dialog.addEventListener("close", () => {
        if (dialog.returnValue === "go") return resolve(true);
        // After the dialog has handed focus back: take it to the first empty blank.
        setTimeout(() => {
          const input = focus.open && inFocus.inputs.get(missing[0])?.[0];
          if (input) input.focus();
          else openPanel(missing[0]);
        });
        resolve(false);
      }, { once: true }));
    }

    function recipients() {
      const [to, badTo] = addresses(active.values["@to"]);
      const [cc, badCc] = addresses(active.values["@cc"]);
      const [from, badFrom] = addresses(about["@from"]);
      const bad = [...badTo, ...badCc, ...badFrom];
      if (bad.length) announce(format(ui.bad_address, { address: bad[0] }));
      return { to, cc, from: from[0] || "" };
    }
    const fileName = (card, extension) => `${slug(active.name)}-${card.dataset.template}.${extension}`;
    function save_(card, extension, content, type) {
      const file = fileName(card, extension);
      download(file, content, type);
      announce(format(ui.downloaded, { file }));
    }

    const actions = {
      fill(card) { openFocus(card); },
      async copy(card, control) {
        const text = message(card).text;
        if (await copyText(text)) {
          announce(format(ui.copied, { title: card.dataset.title }));
          const label = control.textContent;
          control.textContent = ui.copied_button;
          setTimeout(() => { control.textContent = label; }, 2000);
          return;
        }
        // No clipboard (plain http, or refused): the text, selected, to copy by hand.
        const group = control.closest("[data-mir-focus-actions], .mir-card__actions");
        let box = group.nextElementSibling;
        if (!box?.classList.contains("mir-copy-fallback")) {
          box = document.createElement("div");
          box.className = "mir-copy-fallback";
          const label = document.createElement("label");
          const area = document.createElement("textarea");
          area.readOnly = true;
          area.rows = 6;
          area.id = `mir-copy-${Math.random().toString(36).slice(2, 8)}`;
          label.htmlFor = area.id;
          label.textContent = ui.copy_fallback;
          box.append(label, area);
          group.after(box);
        }
        announce(ui.copy_failed);
        const area = box.querySelector("textarea");
        area.value = text;
        area.focus();
        area.select();
      },
      mailto(card, control) {
        const { to, cc } = recipients();
        const url = mailto({ ...message(card), to, cc });
        if (url.length > LONG_LINK && info.get(card).actions.querySelector('[data-mir-action="eml"]')) {
          announce(format(ui.long_link, { count: url.length }),
            { label: ui.actions.eml, run: () => actions.eml(card) });
          return;
        }
        window.location.href = control.href = url;
      },
      sms(card, control) { window.location.href = control.href = sms(message(card)); },
      eml(card) {
        const { to, cc, from } = recipients();
        save_(card, "eml", eml({ ...message(card), to, cc, from, date: new Date() }), "message/rfc822");
      },
      txt(card) { save_(card, "txt", message(card).text, "text/plain;charset=utf-8"); },
      ics(card) {
        if (!focus.open || !remindAt.value) return openFocus(card, "ics");
        const fields = card.dataset.remind.split(" ");
        const description = fields.map((name) => `${labels.get(name)}: ${valueOf(name) || "-"}`).join("\n");
        const summary = format(ui.reminder_title, { case: active.name, title: card.dataset.title });
        save_(card, "ics", ics({ uid: `${Date.now()}-${card.dataset.template}@make-it-right`,
          start: remindAt.value, summary, description }), "text/calendar;charset=utf-8");
      },
      print(card) {
        if (focus.open) focus.close();
        card.classList.add("mir-print-target");
        document.body.classList.add("mir-printing");
        window.addEventListener("afterprint", () => {
          card.classList.remove("mir-print-target");
          document.body.classList.remove("mir-printing");
        }, { once: true });
        window.print();
      },
    };
    const NO_CHECK = new Set(["fill", "ics"]);
    async function run(card, control, event) {
      const action = control.dataset.mirAction;
      if (control.tagName === "A") event.preventDefault();
      if (NO_CHECK.has(action) || await confirmed(card, action)) await actions[action](card, control);
    }

    for (const card of cards) {
      const bar_ = info.get(card).actions;
      bar_.hidden = false;
      bar_.addEventListener("click", (event) => {
        const control = event.target.closest("[data-mir-action]");
        if (control) run(card, control, event);
      });
    }
    focusActions.addEventListener("click", (event) => {
      const control = event.target.closest("[data-mir-action]");
      if (control && focused) run(focused, control, event);
    });

    for (const list of index.inputs.values()) for (const input of list) input.addEventListener("input", onInput);

    // Cases: switch, name, new, duplicate, clear and delete (with undo).
    function withUndo(text) {
      const before = JSON.stringify({ active: active.id, cases });
      return () => announce(format(text, { case: active.name }), {
        label: ui.undo,
        run() {
          const saved = JSON.parse(before);
          cases = saved.cases.map((c) => ({ id: c.id, name: c.name, values: valuesOf(c.values) }));
          active = cases.find((c) => c.id === saved.active) || cases[0];
          save();
          refresh();
          announce(format(ui.restored, { case: active.name }));
        },
      });
    }
    pick.addEventListener("change", () => {
      active = cases.find((c) => c.id === pick.value) || active;
      save();
      refresh();
      announce(format(ui.switched, { case: active.name }));
    });
    caseName.addEventListener("input", () => {
      active.name = wellFormed(caseName.value);
      const option = pick.querySelector(`option[value="${CSS.escape(active.id)}"]`);
      if (option) option.textContent = active.name;
      updateBar();
      save();
    });
    panel.querySelector(".mir-fields__group").addEventListener("click", (event) => {
      const what = event.target.closest("[data-mir-case]")?.dataset.mirCase;
      if (!what) return;
      if (what === "new" || what === "duplicate") {
        const made = newCase(what === "duplicate" ? active.values : null);
        if (what === "duplicate") made.name = format(ui.case_copy, { case: active.name });
        cases.push(made);
        active = made;
        save();
        refresh();
        announce(format(ui.switched, { case: active.name }));
        caseName.focus();
        caseName.select();
        return;
      }
      const done = withUndo(what === "clear" ? ui.cleared : ui.deleted);
      if (what === "clear") {
        active.values = Object.create(null);
        signal({ type: "clear", id: active.id });
      } else {
        cases.splice(cases.indexOf(active), 1);
        if (!cases.length) cases.push(newCase());
        signal({ type: "clear", id: active.id });
        active = cases[0];
      }
      save();
      refresh();
      done();
    });
    for (const box of panel.querySelectorAll("[data-mir-remember]")) {
      box.addEventListener("change", () => {
        const what = box.dataset.mirRemember;
        store.set("localStorage", REMEMBER[what], box.checked ? "1" : null);
        const key = what === "me" ? ABOUT : CASES;
        store.set("localStorage", key, box.checked ? store.get("sessionStorage", key) : null);
        announce(!storageWorks ? ui.no_storage
          : what === "me" ? (box.checked ? ui.me_remembered : ui.me_forgotten)
            : (box.checked ? ui.remembered : ui.forgotten));
      });
    }
    panel.querySelector("[data-mir-forget]").addEventListener("click", () => {
      forgetHere();
      signal({ type: "forget" });
      save();
      refresh();
      announce(ui.forgotten_all);
    });

    toggle.addEventListener("click", () => {
      const open = body.hidden;
      body.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
    });
    bar.querySelector("[data-mir-open]").addEventListener("click", () => openPanel());
    document.body.prepend(bar.querySelector("[data-mir-skip]"));

    refresh();
    bar.hidden = false;
    panel.hidden = false;
    if (!storageWorks) announce(ui.no_storage);
  }

  // Material puts each code block's copy button in a <nav>: a page of them would
  // have many unnamed navigation landmarks (axe: landmark-unique). It is a toolbar.
  function quietCodeNavs() {
    for (const nav of document.querySelectorAll(".md-code__nav")) nav.setAttribute("role", "none");
  }

  // "Which playbook fits?" is nested <details>: it works without this script.
  // The script adds "Start again", keeps the newest answer in view, and keeps the
  // answers for this tab, so Back, reload and instant navigation find them again.
  const GUIDE = "mir:guide";
  function guide() {
    const root = document.querySelector("[data-mir-guide]");
    if (!root) return;
    const all = [...root.querySelectorAll("details")];
    const keyOf = (d) => `${d.getAttribute("name")}/${d.querySelector(":scope > summary").textContent}`;
    const saved = new Set(store.json("sessionStorage", GUIDE) || []);
    for (const d of all) if (saved.has(keyOf(d))) d.open = true;
    const restart = root.querySelector("[data-mir-restart]");
    restart.hidden = false;
    restart.addEventListener("click", () => {
      for (const open of root.querySelectorAll("details[open]")) open.open = false;
      root.querySelector("summary").focus();
    });
    root.addEventListener("toggle", ({ target }) => {
      if (target.open) {
        // For browsers without exclusive <details name>: one answer per question.
        for (const other of target.parentElement.querySelectorAll(`:scope > details[name="${CSS.escape(target.getAttribute("name"))}"]`)) {
          if (other !== target) other.open = false;
        }
        target.lastElementChild.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
      store.set("sessionStorage", GUIDE, JSON.stringify(all.filter((d) => d.open).map(keyOf)));
    }, true);
  }

  function styled() {
    let link = document.querySelector("link[data-mir-styles]");
    if (link?.sheet) return Promise.resolve();
    if (!link) {
      link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLES });
      link.dataset.mirStyles = "";
      document.head.append(link);
    }
    return new Promise((resolve) => {
      link.addEventListener("load", resolve, { once: true });
      link.addEventListener("error", resolve, { once: true });
    });
  }

  async function start() {
    await styled();
    enhance();
    guide();
    quietCodeNavs();
  }

  // Material's instant navigation swaps the page without reloading this script.
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
