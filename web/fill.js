// The fill-in's code, loaded by main.js only on pages with templates: the pages
// without a card never download it (tests/site/test_budgets.py weighs what every page loads).
// Its focus view and actions come later, from fill-actions.js, on first use.
export { FillInPanel, loadActions } from "./page/fill.js";
