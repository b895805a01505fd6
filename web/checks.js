// "Check my draft"'s checks (core/draft.js) and how the page shows what they find, as
// a bundle of their own: no use without the rules, so the draft page (page/draft.js)
// imports them with the rules, on first use, and a reader who only reads the page
// downloads neither.
export { createChecker } from "./core/draft.js";
export { render } from "./page/findings.js";
