// The fill-in's code that only runs once a reader uses a card: the focus view, each
// action (copy, mail, text, .eml, .txt, .ics, print), the missing-blanks dialog and
// the client menu.
// fill.js loads it (fill-actions.min.js) on the first touch, key or focus in the fill-in,
// so a page that is only read never downloads it. `kit` is what it may use of the
// panel: its indexes, its state and a few of its methods (FillInPanel's #makeKit).
import { $, $$, make, setText } from "./dom.js";
import { mailboxes, mailboxText, smsRecipients } from "../core/address.js";
import { eml, ics, mailto, sms } from "../core/encode.js";
import { POLICY, nextMorning } from "../core/policy.js";
import { format, slug } from "../core/text.js";
import { oneLine } from "../core/fill.js";

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

// -- the focus view ----------------------------------------------------------------

function focusField(kit, name) {
  const copy = $(`.mir-field[data-field="${CSS.escape(name)}"]`, kit.panel).cloneNode(true);
  for (const el of $$("[id], [for], [aria-describedby]", copy)) {
    for (const key of ["id", "for", "aria-describedby"]) if (el.hasAttribute(key)) el.setAttribute(key, `mir-x-${el.getAttribute(key)}`);
  }
  // This template's own notes: what it says when the blank is left empty may differ.
  const own = $(`dt[data-field="${CSS.escape(name)}"] + dd`, kit.focused);
  if (own) $(".mir-field__hint", copy).replaceChildren(...own.cloneNode(true).childNodes);
  const input = $("[name]", copy);
  input.value = kit.mapOf(name)[name] || "";
  input.addEventListener("input", kit.onInput); // taken off with the copy, on close
  kit.index(kit.inputs, name, input);
  return copy;
}

// The line around a blank, from the newline before it to the one after, as live markers.
function landsIn(kit, span, root, card, copies) {
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
    if (copy.dataset.field) kit.markers.set(copy, kit.markers.get($(`.mir-blank[data-field="${CSS.escape(key)}"]`, card)));
    kit.index(kit.blanks, key, copy);
    copies.push([key, copy]);
  }
  return line;
}

export function openFocus(kit, card, target) {
  const { ui, focus } = kit;
  const part = kit.part;
  const data = kit.info.get(card);
  kit.clearFocus();
  kit.setFocused(card);
  setText(part("title"), format(ui.focus_label, { title: card.dataset.title }));
  focus.setAttribute("aria-label", part("title").textContent);
  const names = [...(data.email ? ["@to", "@cc"] : []), ...(data.text ? ["@sms"] : []),
    ...(data.registers ? ["@register"] : []), ...data.fields];
  part("fields").replaceChildren(...names.map((name) => focusField(kit, name)));
  const preview = $(".mir-card__text", card).cloneNode(true);
  const copies = []; // [field, span]: the blanks the view shows, besides the card's own
  for (const span of $$(".mir-blank, .mir-omit", preview)) {
    const key = span.dataset.field || span.dataset.omit;
    kit.markers.set(span, kit.markers.get($(`.mir-blank[data-field="${key}"]`, card)));
    kit.index(kit.blanks, key, span);
    copies.push([key, span]);
  }
  part("preview").replaceChildren(...(data.email ? [make("p", { className: "mir-card__to" })] : []), preview);
  // Under each blank, the line of text it lands in (shown on a phone, where the preview is a tap away).
  for (const field of $$(".mir-field[data-field]", part("fields"))) {
    const span = $$(`.mir-blank[data-field="${CSS.escape(field.dataset.field)}"]`, preview).find((s) => !s.closest("[hidden]"));
    if (span) field.append(landsIn(kit, span, preview, card, copies));
  }
  const front = new Map();
  for (const span of $$(".mir-blank, .mir-omit", card)) copies.push([span.dataset.field || span.dataset.omit, span]);
  for (const [key, span] of copies) { if (front.has(key)) front.get(key).push(span); else front.set(key, [span]); }
  kit.setFront(front);
  kit.showRecipients();
  const counter = make("span", { className: "mir-card__left" });
  counter.setAttribute("data-mir-left", "");
  // An email's subject and body can also be copied apart, for mail apps that take them apart.
  const parts = data.email ? ["subject", "body"].map((which) => {
    const button = make("button", { type: "button", className: "md-button", textContent: ui[`copy_${which}`] });
    Object.assign(button.dataset, { mirAction: "copy", mirPart: which });
    return button;
  }) : [];
  part("actions").replaceChildren(...$$("[data-mir-action]:not([data-mir-action=fill])", data.actions).map((c) => c.cloneNode(true)), ...parts, counter);
  part("actions").setAttribute("aria-label", format(ui.actions_label, { title: card.dataset.title }));
  part("reminder").hidden = !card.dataset.remind;
  if (!kit.remindAt.value) kit.remindAt.value = nextMorning();
  focus.classList.remove("mir-focus--preview");
  setText(part("toggle"), ui.show_preview);
  setText($("[data-mir-status]", focus), "");
  if (!focus.open) kit.showFocus();
  kit.countLeft(card);
  if (target === "ics") return kit.remindAt.focus();
  if (target === "@register" || target === "@sms") return $(`[name='${target}']`, part("fields")).focus();
  // The first empty blank in the order the text uses them, optional or not.
  const first = data.fields.find((name) => !kit.valueOf(name)) || data.fields[0];
  const input = $(`[name="${CSS.escape(first || "")}"]`, part("fields"));
  return (input || part("toggle")).focus();
}

// -- actions -------------------------------------------------------------------------

// The missing-blanks dialog: resolves true when the reader goes ahead anyway.
export function confirmed(kit, card, action) {
  const { dialog, ui } = kit;
  const empty = kit.missing(card);
  if (!empty.length) return true;
  $("[data-mir-missing]", dialog).replaceChildren(...empty.map((name) => make("li", { textContent: kit.labels.get(name) })));
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
      const input = kit.focus.open && $(`[name="${empty[0]}"]`, kit.part("fields"));
      if (input) input.focus(); else kit.openPanel(empty[0]);
    });
  }, { once: true }));
}

// "To: …" and "Cc: …" as every email shows them.
export function recipientLines(kit) {
  const ui = kit.ui;
  const [to, cc] = ["@to", "@cc"].map((name) => mailboxes(kit.active.values[name]).boxes.map(mailboxText).join(", "));
  return [to ? format(ui.to_line, { to }) : ui.to_nobody, ...(cc ? [format(ui.cc_line, { cc })] : [])].join("\n");
}

function recipients(kit) {
  const [to, cc, from] = [kit.active.values["@to"], kit.active.values["@cc"], kit.store.about["@from"]].map(mailboxes);
  const bad = [...to.bad, ...cc.bad, ...from.bad];
  if (bad.length) kit.announce(format(kit.ui.bad_address, { address: bad[0] }));
  return { to: to.boxes, cc: cc.boxes, from: from.boxes[0] || null };
}

const shown = (kit, card) => message(card, kit.ui.subject);

function saveFile(kit, card, extension, content, type) {
  const file = `${slug(kit.active.name) || kit.ui.file_fallback}-${card.dataset.template}.${extension}`;
  download(file, content, type);
  kit.announce(format(kit.ui.downloaded, { file }));
}

async function copyText(kit, card, control) {
  const ui = kit.ui;
  const text = shown(kit, card)[control.dataset.mirPart || "text"];
  try {
    await navigator.clipboard.writeText(text);
    kit.announce(format(ui.copied, { title: card.dataset.title }));
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
    kit.announce(ui.copy_failed);
    const area = $("textarea", box);
    area.value = text;
    area.focus();
    area.select();
  }
}

function saveEml(kit, card) {
  saveFile(kit, card, "eml", eml({ ...shown(kit, card), ...recipients(kit), date: new Date() }), "message/rfc822");
}

function openMail(kit, card, control) {
  const url = mailto({ ...shown(kit, card), ...recipients(kit) });
  if (url.length > POLICY.longLinkChars) {
    return kit.announce(format(kit.ui.long_link, { count: url.length }),
      { label: kit.ui.actions.eml, run: () => saveEml(kit, card) });
  }
  window.location.href = control.href = url;
  return undefined;
}

// RFC 5724 has no link without a recipient: with no number yet, ask for one in place.
function openSms(kit, card, control) {
  const { path, bad } = smsRecipients(kit.active.values["@sms"]);
  if (!path) {
    openFocus(kit, card, "@sms");
    return kit.announce(bad.length ? format(kit.ui.bad_phone, { number: bad[0] }) : kit.ui.sms_needs_number);
  }
  window.location.href = control.href = sms({ ...shown(kit, card), to: path });
  return undefined;
}

function saveIcs(kit, card) {
  const ui = kit.ui;
  if (!kit.focus.open || !kit.remindAt.value) return openFocus(kit, card, "ics");
  const description = card.dataset.remind.split(" ")
    .map((name) => `${kit.labels.get(name)}: ${kit.valueOf(name) || ui.reminder_empty}`).join("\n");
  return saveFile(kit, card, "ics", ics({ uid: `${Date.now()}-${card.dataset.template}@make-it-right`, start: kit.remindAt.value,
    summary: format(ui.reminder_title, { case: kit.active.name, title: card.dataset.title }), description }), "text/calendar");
}

function printCard(kit, card) {
  if (kit.focus.open) kit.focus.close();
  card.classList.add("mir-print-target");
  document.body.classList.add("mir-printing");
  addEventListener("afterprint", () => {
    card.classList.remove("mir-print-target");
    document.body.classList.remove("mir-printing");
  }, { once: true });
  window.print();
}

// Each action in rules.yml, by name: what its button does.
export const HANDLERS = {
  fill: (kit, card) => openFocus(kit, card), copy: copyText, mailto: openMail, sms: openSms, eml: saveEml,
  txt: (kit, card) => saveFile(kit, card, "txt", shown(kit, card).text, "text/plain;charset=utf-8"),
  print: printCard, ics: saveIcs,
};

// -- the client menu: "Client: …" in the bar and the focus view --------------------

export function openMenu(kit, opener) {
  const { menu, store } = kit;
  if (kit.menuFrom === opener) return kit.closeMenu();
  kit.closeMenu(false);
  // In the focus view the menu moves into the dialog: the page behind it is inert.
  (opener.closest(".mir-focus__case") || opener).after(menu);
  $("[data-mir-case-list]", menu).replaceChildren(...store.cases.map((c) => {
    const button = make("button", { type: "button", className: "md-button", textContent: c.name });
    button.dataset.mirSwitch = c.id;
    if (c === kit.active) button.setAttribute("aria-current", "true");
    const item = make("li");
    item.append(button);
    return item;
  }));
  $("[data-mir-menu-name]", menu).value = kit.active.name;
  menu.hidden = false;
  opener.setAttribute("aria-expanded", "true");
  kit.menuFrom = opener;
  return $("[aria-current]", menu)?.focus();
}

// "About me" on its own: its fieldset moves into a small dialog, and back on close,
// so the same inputs (and their listeners) serve both; focus returns to "Client: …".
function openAbout(kit, from) {
  const dialog = $("[data-mir-about-dialog]", kit.panel);
  const group = $("[data-mir-about-group]", kit.panel);
  const home = group.nextElementSibling;
  $("[data-mir-about-slot]", dialog).append(group);
  dialog.showModal();
  $("input", group)?.focus();
  dialog.addEventListener("close", () => {
    home.before(group);
    from?.focus();
  }, { once: true });
}

export function menuCommand(kit, control) {
  const { ui, store } = kit;
  const id = control.dataset.mirSwitch;
  const what = control.dataset.mirMenu;
  if (!id && !what) return;
  const inFocus = kit.focus.open;
  kit.closeMenu();
  if (id) {
    store.select(id);
    kit.changed(ui.switched);
  } else if (what === "clear") {
    kit.caseCommand("clear");
  } else if (what === "about") {
    openAbout(kit, control.closest(".mir-focus") ? $("[data-mir-focus-case]", kit.focus) : $("[data-mir-bar-case]", kit.bar));
  } else if (inFocus) {
    kit.part("new").click();
  } else {
    store.add();
    kit.changed(ui.switched);
    // A new client starts with their name.
    kit.openPanel(kit.nameFrom.find((name) => kit.inputs.has(name)));
  }
}
