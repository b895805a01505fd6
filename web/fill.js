// The fill-in's code, loaded by main.js only on pages with templates: the pages
// without a card never download it (tests/site/test_budgets.py weighs what every page loads).
export { FillInPanel, message } from "./page/fill.js";
export * as encode from "./core/encode.js";
export { mailboxes, addressHeader, smsRecipients } from "./core/address.js";
