// The open case on pages that don't fill it: the plan's "sent" marks and, on a page
// without templates, the client's name with a link back to where it was typed.
import { $, $$ } from "./dom.js";
import { POLICY } from "../core/policy.js";
import { valuesOf } from "../core/text.js";

export function showMarks(open) {
  for (const mark of $$("[data-mir-mark]")) mark.hidden = !open?.done?.includes?.(mark.dataset.mirMark);
}

export function showHere(open) {
  const box = $("[data-mir-here]");
  if (!box || !Object.keys(valuesOf(open?.values)).length) return;
  const [name, link] = box.children;
  name.textContent = open.name;
  if (open.page) link.pathname = open.page;
  box.hidden = false;
}

// On a phone the plan is the page's map: it starts open there. The styles show it
// from the first paint; once it is open, they leave its toggling to the reader.
export function openPlanOnPhone() {
  if (!window.matchMedia(POLICY.phone).matches) return;
  for (const plan of $$(".mir-plan")) {
    plan.open = true;
    plan.dataset.mirPlanSet = "";
  }
}
