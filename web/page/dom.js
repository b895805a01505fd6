// Small DOM helpers the page modules share.
export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
export const make = (tag, props) => Object.assign(document.createElement(tag), props);
export const setText = (el, text) => { if (el && el.textContent !== text) el.textContent = text; };

// Every listener a module adds, each with its removal: destroy() takes them all off.
export class Listeners {
  constructor() { this.removals = []; }

  on(target, type, handler, options) {
    target.addEventListener(type, handler, options);
    this.removals.push(() => target.removeEventListener(type, handler, options));
  }

  destroy() {
    for (const remove of this.removals.splice(0)) remove();
  }
}

// Behaviour is announced as "mir:<name>" events on the document, for anyone listening.
export const emit = (name, detail) => document.dispatchEvent(new CustomEvent(`mir:${name}`, { detail }));
