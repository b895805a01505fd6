/* Make It Right: type each blank once, and every template on the page fills in.
 * Without this script each card is still text with visible blanks. It reveals the
 * fields panel (macros/panel.py), keeps values in this browser only, and turns a
 * card into text, mailto:, .eml or .txt. Typed text is only ever set as
 * textContent or encoded, never parsed as markup. */
(() => {
  "use strict";

  // The filler's own styles matter only once this script runs, so it loads them:
  // they never block the first paint, and a reader without JavaScript skips them.
  const STYLES = document.currentScript.src.replace(/javascripts\/filler\.js.*$/,
    "stylesheets/filler.css");
  const KEY = "mir:fields";
  const REMEMBER = "mir:remember";
  // Kept here too, so values survive instant navigation even without storage.
  // Maps without prototypes: a field called "constructor" or "__proto__" is just a name.
  const map = (entries = []) => Object.assign(Object.create(null), Object.fromEntries(entries));
  let values = map();
  let storageWorks = true;

  // Values live in this tab (sessionStorage), and on this device when asked.
  const storage = {
    get(area, key) {
      try { return window[area].getItem(key); } catch { storageWorks = false; return null; }
    },
    set(area, key, value) {
      try {
        if (value === null) window[area].removeItem(key);
        else window[area].setItem(key, value);
      } catch { storageWorks = false; }
    },
  };

  const remembered = () => storage.get("localStorage", REMEMBER) === "1";

  function load() {
    const saved = storage.get("sessionStorage", KEY) ||
      (remembered() ? storage.get("localStorage", KEY) : null);
    try {
      return map([...Object.entries(values), ...Object.entries(JSON.parse(saved || "{}"))]
        .filter(([, v]) => typeof v === "string"));
    } catch { return values; }
  }

  function save() {
    const json = JSON.stringify(values);
    storage.set("sessionStorage", KEY, json);
    if (remembered()) storage.set("localStorage", KEY, json);
  }

  // Placeholders filled with a function, so "$&" or "$$" in a value stays as typed.
  const fill = (text, fields) => text.replace(/\{(\w+)\}/g, (whole, name) =>
    (name in fields ? String(fields[name]) : whole));
  // A lone surrogate (a half emoji pasted from somewhere) becomes U+FFFD instead of
  // making encodeURIComponent throw.
  const wellFormed = (text) => text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("mir:fields") : null;
  // "Clear all" in another tab clears this one too: its storage, fields and cards.
  let clearPage = () => {
    values = map();
    storage.set("sessionStorage", KEY, null);
    storage.set("localStorage", KEY, null);
  };
  channel?.addEventListener("message", ({ data }) => { if (data === "clear") clearPage(); });
  const clean = (value) => wellFormed(value || "").trim();
  const oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ");
  const crlf = (text) => text.replace(/\r?\n/g, "\r\n");

  function showBlank(span) {
    const value = clean(values[span.dataset.field]);
    const fallback = span.dataset.fallback;
    const text = value || (fallback !== undefined ? fallback : span.dataset.marker);
    if (span.textContent !== text) span.textContent = text;
    span.classList.toggle("mir-blank--filled", Boolean(value));
    span.classList.toggle("mir-blank--fallback", !value && fallback !== undefined);
  }

  function message(card, ui) {
    const part = (selector) => card.querySelector(selector)?.textContent;
    const body = part(".mir-card__body") + "\n";
    const subject = part(".mir-card__subject-text");
    if (subject === undefined) return { body, text: body };
    const line = oneLine(subject);
    return { subject: line, body, text: `${fill(ui.subject, { subject: line })}\n\n${body}` };
  }

  function emptyBlanks(card) {
    const names = new Set();
    for (const span of card.querySelectorAll(".mir-blank:not([data-fallback])")) {
      if (!clean(values[span.dataset.field])) names.add(span.dataset.field);
    }
    return [...names];
  }

  // Percent-encoding as Python's quote(safe=""): RFC 3986's unreserved characters only.
  const encode = (text) => encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const mailto = ({ subject, body }) =>
    `mailto:?subject=${encode(subject)}&body=${encode(crlf(body))}`;
  // RFC 5724, as make_it_right/render.py writes it: the message without its last newline.
  const sms = ({ body }) => `sms:?body=${encode(body.replace(/\n$/, ""))}`;

  function base64(text) {
    let binary = "";
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  // RFC 2047 encoded words of at most 75 characters, split between characters.
  function encodedSubject(subject) {
    const words = [];
    let word = "";
    let bytes = 0;
    for (const char of subject) {
      const size = new TextEncoder().encode(char).length;
      if (bytes + size > 45) { words.push(word); word = ""; bytes = 0; }
      word += char;
      bytes += size;
    }
    words.push(word);
    return words.map((w) => `=?UTF-8?B?${base64(w)}?=`).join("\r\n ");
  }

  const eml = ({ subject, body }) => [
    "MIME-Version: 1.0",
    `Subject: ${encodedSubject(subject)}`,
    "X-Unsent: 1",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64(crlf(body)).replace(/.{76}/g, "$&\r\n"),
  ].join("\r\n");

  function download(name, content, type) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // No clipboard (a plain-http mirror) or a refusal: say so, and select the text to copy by hand.
  const copy = async (text) => {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  };

  function enhance() {
    const panel = document.querySelector("[data-mir-fields]");
    if (!panel) return;
    const ui = JSON.parse(panel.dataset.mirStrings);
    const inputs = [...panel.querySelectorAll("input[name], textarea[name]")];
    const labels = map(
      [...panel.querySelectorAll(".mir-field")].map((f) => [f.dataset.field, f.dataset.label]));
    const cards = [...document.querySelectorAll(".mir-card")];
    const blanks = map();
    for (const span of document.querySelectorAll(".mir-card .mir-blank")) {
      span.dataset.marker = span.textContent;
      (blanks[span.dataset.field] ||= []).push(span);
    }
    const status = panel.querySelector("[data-mir-status]");
    const announce = (text) => { status.textContent = ""; status.textContent = text; };
    const dialog = panel.querySelector("[data-mir-dialog]");
    const remember = panel.querySelector("[data-mir-remember]");

    function countLeft(card) {
      const left = emptyBlanks(card).length;
      const text = left === 0 ? ui.all_filled
        : left === 1 ? ui.left_one : fill(ui.left_many, { count: left });
      const counter = card.querySelector("[data-mir-left]");
      if (counter.textContent !== text) counter.textContent = text;
    }

    function update(name) {
      for (const span of blanks[name] || []) showBlank(span);
      for (const card of cards) if (card.querySelector(`[data-field="${name}"]`)) countLeft(card);
    }

    function confirmed(card, action) {
      const missing = emptyBlanks(card);
      if (!missing.length) return Promise.resolve(true);
      const list = dialog.querySelector("[data-mir-missing]");
      list.replaceChildren(...missing.map((name) => {
        const item = document.createElement("li");
        item.textContent = labels[name];
        return item;
      }));
      dialog.querySelector("[data-mir-anyway]").textContent = ui.anyway[action];
      dialog.returnValue = "";
      dialog.showModal();
      return new Promise((resolve) => dialog.addEventListener("close", () => {
        if (dialog.returnValue === "go") return resolve(true);
        // After the dialog has handed focus back to the button: take it to the blank.
        setTimeout(() => panel.querySelector(`[name="${missing[0]}"]`).focus());
        resolve(false);
      }, { once: true }));
    }

    const actions = {
      fill(card) {
        const first = emptyBlanks(card)[0] || card.querySelector(".mir-blank")?.dataset.field;
        panel.querySelector(`[name="${first}"]`)?.focus();
      },
      async copy(card, button) {
        const done = await copy(message(card, ui).text);
        announce(done ? fill(ui.copied, { title: card.dataset.title }) : ui.copy_failed);
        if (done) flash(button, ui.copied_button);
        else getSelection().selectAllChildren(card.querySelector(".mir-card__text"));
      },
      mailto(card, link) { window.location.href = link.href = mailto(message(card, ui)); },
      sms(card, link) { window.location.href = link.href = sms(message(card, ui)); },
      eml(card) { save_(card, "eml", eml(message(card, ui)), "message/rfc822"); },
      txt(card) { save_(card, "txt", message(card, ui).text, "text/plain;charset=utf-8"); },
      print(card) {
        card.classList.add("mir-print-target");
        document.body.classList.add("mir-printing");
        window.addEventListener("afterprint", () => {
          card.classList.remove("mir-print-target");
          document.body.classList.remove("mir-printing");
        }, { once: true });
        window.print();
      },
    };

    function save_(card, extension, content, type) {
      const file = `${card.dataset.template}.${extension}`;
      download(file, content, type);
      announce(fill(ui.downloaded, { file }));
    }

    for (const card of cards) {
      const bar = card.querySelector(".mir-card__actions");
      bar.hidden = false;
      bar.addEventListener("click", async (event) => {
        const control = event.target.closest("[data-mir-action]");
        if (!control) return;
        const action = control.dataset.mirAction;
        if (action === "mailto" || action === "sms") event.preventDefault();
        if (action === "fill" || await confirmed(card, action)) actions[action](card, control);
      });
    }

    for (const input of inputs) {
      input.value = values[input.name] || "";
      input.addEventListener("input", () => {
        if (input.value) values[input.name] = input.value;
        else delete values[input.name];
        update(input.name);
        save();
      });
    }
    for (const span of Object.values(blanks).flat()) showBlank(span);
    for (const card of cards) countLeft(card);

    remember.checked = remembered();
    remember.addEventListener("change", () => {
      storage.set("localStorage", REMEMBER, remember.checked ? "1" : null);
      storage.set("localStorage", KEY, remember.checked ? JSON.stringify(values) : null);
      announce(!storageWorks ? ui.no_storage : remember.checked ? ui.remembered : ui.forgotten);
    });
    panel.querySelector("[data-mir-clear]").addEventListener("click", () => {
      clearAll();
      channel?.postMessage("clear");
      announce(ui.cleared);
    });
    clearPage = clearAll;

    function clearAll() {
      values = map();
      storage.set("sessionStorage", KEY, null);
      storage.set("localStorage", KEY, null);
      for (const input of inputs) input.value = "";
      for (const name of Object.keys(blanks)) update(name);
    }

    panel.hidden = false;
    if (!storageWorks) announce(ui.no_storage);
  }

  function flash(button, text) {
    const label = button.textContent;
    button.textContent = text;
    setTimeout(() => (button.textContent = label), 2000);
  }

  // Material puts each code block's copy button in a <nav>: a page of cards would
  // have many unnamed navigation landmarks (axe: landmark-unique). It is a toolbar.
  function quietCodeNavs() {
    for (const nav of document.querySelectorAll(".md-code__nav")) nav.setAttribute("role", "none");
  }

  // "Which playbook fits?" is nested <details>: it works without this script.
  // The script adds "Start again" and keeps the newest answer in view.
  function guide() {
    const root = document.querySelector("[data-mir-guide]");
    if (!root) return;
    const restart = root.querySelector("[data-mir-restart]");
    restart.hidden = false;
    restart.addEventListener("click", () => {
      for (const open of root.querySelectorAll("details[open]")) open.open = false;
      root.querySelector("summary").focus();
    });
    root.addEventListener("toggle", ({ target }) => {
      if (!target.open) return;
      // For browsers without exclusive <details name>: one answer per question.
      for (const other of target.parentElement.querySelectorAll(`:scope > details[name="${target.getAttribute("name")}"]`)) {
        if (other !== target) other.open = false;
      }
      target.lastElementChild.scrollIntoView({ block: "nearest", behavior: "smooth" });
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
    values = load();
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
