// The one start-up: every page loads this module (mkdocs.yml extra_javascript).
// Material's instant navigation swaps pages without reloading, and announces each
// through `document$`; each page's modules are made then, the last page's destroyed.
import { CaseStore } from "./core/cases.js";
import { format, slug, wellFormed } from "./core/text.js";
import { $, $$ } from "./page/dom.js";
import { refuseFraming } from "./page/frame.js";
import { Guide } from "./page/guide.js";
import { Offline } from "./page/offline.js";
import { openPlanOnPhone, showHere, showMarks } from "./page/here.js";
import { calmPaletteSwitch } from "./page/palette.js";
import { Tabs } from "./page/tabs.js";

const storage = { session: () => window.sessionStorage, local: () => window.localStorage };
let store = null;
let tabs = null;
let parts = [];
let offline = null;
let fill = null;   // the fill-in's module, once a page with templates has loaded it
let shown = 0;     // which page start() last set up: a late module load skips an old page

// How a case is named when nobody named it: the panel's strings, or, on a page
// without templates, the theme's copy of the one that matters there.
function words(panel) {
  if (panel) {
    const { ui } = JSON.parse(panel.dataset.mirData);
    return { caseDefault: ui.case_default, caseCopy: ui.case_copy };
  }
  const fallback = $("[data-mir-here]")?.dataset.mirCaseDefault ?? "{number}";
  return { caseDefault: fallback, caseCopy: "{case}" };
}

// A note from another tab: forget everything, or clear one case.
function received(note) {
  if (!note || !store) return;
  store.load();
  if (note.type === "forget") store.forget();
  const gone = store.cases.find((c) => c.id === note.id);
  if (gone) { store.clear(gone); store.save(); }
  const panel = parts.find((p) => p.refresh);
  if (panel) panel.refresh();
  else showMarks(store.storedCase());
}

async function fillPage(panel, page) {
  fill ??= await import(new URL("fill.min.js", import.meta.url).href);
  // For the tests and for anyone's console: the encoders, on any text. They, the address
  // parsers and `message` come with the actions' code, on first use: `await MakeItRight.load()`.
  window.MakeItRight ??= Object.freeze({ format, slug, wellFormed,
    load: async () => {
      const { encode, mailboxes, addressHeader, smsRecipients, message } = await fill.loadActions();
      const subject = () => JSON.parse($("[data-mir-fields]").dataset.mirData).ui.subject;
      window.MakeItRight = Object.freeze({ ...window.MakeItRight, ...encode, mailboxes, addressHeader, smsRecipients,
        message: (card) => message(card, subject()) });
      return window.MakeItRight;
    } });
  if (page !== shown) return;
  parts.push(new fill.FillInPanel(panel, store, tabs));
}

async function draftPage(root) {
  const { startDraft } = await import(new URL("draft.min.js", import.meta.url).href);
  return startDraft(root);
}

function start() {
  for (const part of parts) part.destroy();
  parts = [];
  shown += 1;
  const panel = $("[data-mir-fields]");
  store = new CaseStore(storage, words(panel));
  if (panel) fillPage(panel, shown);
  else {
    const open = store.storedCase();
    showMarks(open);
    showHere(open);
  }
  openPlanOnPhone();
  const guide = $("[data-mir-guide]");
  if (guide) parts.push(new Guide(guide, store));
  const draft = $("[data-mir-draft]");
  if (draft && !draft.dataset.mirDraftReady) {
    draft.dataset.mirDraftReady = "1";
    draftPage(draft).then((page) => parts.push(page));
  }
  for (const nav of $$(".md-code__nav")) nav.setAttribute("role", "none");
  offline?.show();
}

document.addEventListener("mir:case", (event) => showMarks(event.detail.case));

if (!refuseFraming()) {
  tabs = new Tabs(received);
  offline = new Offline();
  offline.start();
  calmPaletteSwitch();
  if (window.document$) window.document$.subscribe(start);
  else start();
}
