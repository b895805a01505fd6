// The fill-in's policy, as named data: numbers that were once inline in the wiring.
export const POLICY = Object.freeze({
  // Longer mailto: links are cut short by some mail apps; past this, offer a .eml.
  longLinkChars: 1800,
  // How long an offer ("Undo", "Download .eml instead") stays on the status line.
  offerMs: 20000,
  // How long a Copy button reads "Copied".
  copiedMs: 2000,
  // How long a download's object URL lives after the click.
  revokeMs: 1000,
  // A reminder's default time: the next morning, at this hour, local time.
  reminderHour: "09:00",
  // The longest a typed value waits to be saved, when the browser is never idle.
  saveMs: 500,
  // The theme's phone-sized screens: there a playbook's plan starts open.
  phone: "(max-width: 44.9375em)",
});

// "YYYY-MM-DDT09:00" for the day after `now`, in local time (a datetime-local value).
export function nextMorning(now = new Date()) {
  const local = new Date(now.getTime() + 864e5 - now.getTimezoneOffset() * 6e4);
  return local.toISOString().slice(0, 11) + POLICY.reminderHour;
}
