// "Which playbook fits?": one answer open per question, kept open for this tab.
import { $, $$, Listeners } from "./dom.js";

export class Guide {
  constructor(root, store) {
    this.listeners = new Listeners();
    const all = $$("details", root);
    const key = (d) => `${d.getAttribute("name")}/${d.firstElementChild.textContent}`;
    const saved = new Set(store.guideState());
    for (const d of all) if (saved.has(key(d))) d.open = true;
    const restart = $("[data-mir-restart]", root);
    restart.hidden = false;
    this.listeners.on(restart, "click", () => {
      for (const open of $$("details[open]", root)) open.open = false;
      $("summary", root).focus();
    });
    this.listeners.on(root, "toggle", ({ target }) => {
      if (target.open) {
        for (const other of $$(`:scope > details[name="${target.getAttribute("name")}"]`, target.parentElement)) {
          if (other !== target) other.open = false;
        }
        target.lastElementChild.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
      store.setGuideState(all.filter((d) => d.open).map(key));
    }, true);
  }

  destroy() { this.listeners.destroy(); }
}
