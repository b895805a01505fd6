// The "Check my draft" page's code. The page asks for it itself, in a module script
// straight after the form (draft_page.py), so the checker starts as soon as it arrives
// instead of after Material's bundle and main.js; main.js imports the same module (one
// copy, one start per form) to start it after an instant navigation and to destroy it.
import { DraftPage } from "./page/draft.js";

const started = new WeakMap();

export function startDraft(root) {
  if (!started.has(root)) {
    // For the tests and for anyone's console, once its rules have arrived.
    const page = new DraftPage(root, (api) => { window.mirDraft = api; });
    started.set(root, page.start().then(() => page));
  }
  return started.get(root);
}

// Not in a frame: there main.js shows only a link out (page/frame.js).
const form = document.querySelector("[data-mir-draft]");
if (form && window.top === window.self) startDraft(form);
