// What the fill-in needs only once a reader uses a card (fill.js loads it): the
// focus view, the actions, the missing-blanks dialog, the client menu, each card's
// "More" menu, the encoders and the address parsers.
export { HANDLERS, confirmed, menuCommand, message, openFocus, openMenu, recipientLines } from "./page/fill-actions.js";
export { CardMenus } from "./page/more.js";
export * as encode from "./core/encode.js";
export { mailboxes, addressHeader, smsRecipients } from "./core/address.js";
