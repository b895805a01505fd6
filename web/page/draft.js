// "Check my draft" on its page: the form, wired to the checks (core/draft.js) and how
// they are shown (findings.js), which arrive on first use. Nothing typed leaves the page.
import { $, Listeners } from "./dom.js";

const ROOT = new URL("../", import.meta.url).href;
const STYLES = `${ROOT}stylesheets/draft.css`;
const CHECKS = `${ROOT}javascripts/checks.min.js`;

// The page's <head> links the styles; a page that instant navigation brought may not
// have them yet.
function styled() {
  let link = [...document.querySelectorAll("link[rel=stylesheet]")].find((l) => l.href === STYLES);
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLES });
    document.head.append(link);
  }
  return new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
}

async function fetched(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export class DraftPage {
  // `loaded(api)` is told once the rules have arrived and the checks can run.
  constructor(root, loaded = () => {}) {
    this.root = root;
    this.loaded = loaded;
    this.listeners = new Listeners();
    this.checker = null;
    this.loading = null;
    this.frame = 0;
  }

  // For the tests and for anyone's console: the same checks, on any text.
  get api() {
    const { checker } = this;
    return { rules: checker.rules, checkDraft: checker.checkDraft, guessChannel: checker.guessChannel,
      sizes: checker.sizes, ruleMatches: checker.ruleMatches, setAsideNote: checker.setAsideNote };
  }

  // The checks, the rules and the hyphenation patterns, fetched together when the
  // reader first reaches for the form (a focus, a touch, a key), not with the page.
  // Should they not arrive, the note for readers without JavaScript shows again, and
  // the next touch asks again.
  load() {
    const { root } = this;
    this.loading ??= Promise.all([import(CHECKS), fetched(root.dataset.mirDraftRules),
      fetched(root.dataset.mirDraftHyphenation)])
      .then(([{ createChecker, render }, rules, hyphenation]) => {
        this.checker = createChecker(rules, hyphenation);
        this.render = render;
        this.noscript.hidden = true;
        this.loaded(this.api);
        return this.checker;
      }, () => {
        this.loading = null;
        this.noscript.hidden = false;
        return null;
      });
    return this.loading;
  }

  async start() {
    const { root } = this;
    await styled();
    this.noscript = root.parentElement.querySelector("[data-mir-draft-noscript]") ?? document.createElement("p");
    const channel = $("[data-mir-draft-channel]", root);
    const situation = $("[data-mir-draft-situation]", root);
    const channelNames = Object.fromEntries([...channel.options].map((o) => [o.value, o.textContent]));
    const params = new URLSearchParams(window.location.search);
    if ([...channel.options].some((o) => o.value && o.value === params.get("channel"))) {
      channel.value = params.get("channel");
    }
    if ([...situation.options].some((o) => o.value && o.value === params.get("playbook"))) {
      situation.value = params.get("playbook");
    }
    // One check per frame, however fast the typing, once the rules are here.
    const show = () => { this.frame = 0; if (this.checker) this.render(this.checker, root, channelNames); };
    const update = () => {
      if (this.frame) return;
      this.frame = -1;
      this.load().then((checker) => {
        if (checker && this.frame === -1) this.frame = requestAnimationFrame(show);
        else if (!checker) this.frame = 0;
      });
    };
    for (const control of root.querySelectorAll("textarea, select")) {
      this.listeners.on(control, "input", update);
      this.listeners.on(control, "change", update);
    }
    for (const type of ["focusin", "pointerdown", "keydown"]) {
      this.listeners.on(root, type, update);
    }
    root.hidden = false;
    this.noscript.hidden = true;
  }

  destroy() {
    if (this.frame > 0) cancelAnimationFrame(this.frame);
    this.frame = -2;
    this.listeners.destroy();
  }
}
