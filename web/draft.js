// The "Check my draft" page's code, loaded by main.js only where the form is.
export { DraftPage } from "./page/draft.js";
