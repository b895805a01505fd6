// Each card's "More" menu (make_it_right/html/card.py writes it): a disclosure button and
// the actions right after it in tab order, focus staying on the button as it opens.
// One open at a time; Escape or a click outside closes it and Escape puts focus back
// on its button; choosing an item closes it first, so focus is on the button, not on
// a hidden item, while the action runs (a dialog it opens returns there). Snippet links are
// pointed at the site's root here (a card cannot know how deep its page is). Made by the
// fill-in on the first click on a "More", which it passes on (`toggle`).
import { $, $$, Listeners } from "./dom.js";

export class CardMenus {
  #open = null; // the toggle button of the open menu

  constructor(root, siteRoot) {
    this.listeners = new Listeners();
    for (const link of $$("[data-mir-snippet]", root)) link.href = new URL(link.dataset.mirSnippet, siteRoot).href;
    for (const toggle of $$("[data-mir-more]", root)) {
      const items = this.#items(toggle);
      this.listeners.on(toggle, "click", () => this.toggle(toggle));
      this.listeners.on(items, "click", ({ target }) => { if (target.closest("a, button")) this.close(); });
      this.listeners.on(toggle.parentElement, "keydown", (event) => {
        if (event.key !== "Escape" || this.#open !== toggle) return;
        event.preventDefault();
        event.stopPropagation();
        this.close();
      });
    }
    this.listeners.on(document, "click", ({ target }) => {
      if (this.#open && !this.#open.parentElement.contains(target)) this.close(false);
    });
  }

  toggle(toggle) {
    if (this.#open === toggle) this.close(); else this.#show(toggle);
  }

  #items(toggle) { return $(`#${CSS.escape(toggle.getAttribute("aria-controls"))}`); }

  #show(toggle) {
    this.close(false);
    this.#open = toggle;
    toggle.setAttribute("aria-expanded", "true");
    this.#items(toggle).hidden = false;
  }

  close(refocus = true) {
    const toggle = this.#open;
    if (!toggle) return;
    this.#open = null;
    toggle.setAttribute("aria-expanded", "false");
    this.#items(toggle).hidden = true;
    if (refocus) toggle.focus();
  }

  destroy() {
    this.close(false);
    this.listeners.destroy();
  }
}
