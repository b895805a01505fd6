// The offline copy: register the service worker the build writes at the site's
// root (none under `make serve`, so registering fails quietly there), say once the
// handbook is saved, and when a newer build has arrived, offer a reload instead of
// swapping files under a reader mid-call. Registered once per document; `show`
// runs on every page instant navigation brings.
import { $ } from "./dom.js";

const loaded = () => new Promise((done) => {
  if (document.readyState === "complete") done();
  else addEventListener("load", () => done(), { once: true });
});

export class Offline {
  constructor() {
    this.registration = null;
    this.reloading = false;
    this.onChange = () => { if (this.reloading) window.location.reload(); };
    this.onClick = (event) => {
      if (!event.target.closest("[data-mir-update] button") || !this.registration?.waiting) return;
      this.reloading = true;
      this.registration.waiting.postMessage("mir:reload");
    };
  }

  async start() {
    const box = $("[data-mir-update]");
    if (!box || !("serviceWorker" in navigator)) return;
    const worker = new URL(box.dataset.mirWorker, window.location.href);
    // Once the page has loaded: a new worker fetches the whole handbook, which should not
    // compete with the files the reader is waiting for on a first visit.
    await loaded();
    try {
      this.registration = await navigator.serviceWorker.register(worker.href, { scope: new URL("./", worker).href });
    } catch {
      return; // no worker in this build (make serve), or a browser that refuses one
    }
    navigator.serviceWorker.addEventListener("controllerchange", this.onChange);
    document.addEventListener("click", this.onClick);
    this.registration.addEventListener("updatefound", () => {
      const next = this.registration.installing;
      next?.addEventListener("statechange", () => this.show());
    });
    await navigator.serviceWorker.ready;
    this.show();
  }

  // The current page's two notes: saved for offline use, or a newer version waiting.
  show() {
    const saved = $("[data-mir-offline]");
    const update = $("[data-mir-update]");
    const registration = this.registration;
    if (saved) saved.hidden = !registration?.active;
    if (update) update.hidden = !(registration?.waiting && navigator.serviceWorker.controller);
  }

  destroy() {
    navigator.serviceWorker?.removeEventListener("controllerchange", this.onChange);
    document.removeEventListener("click", this.onClick);
  }
}
