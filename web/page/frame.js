// Another site may show these pages in a frame and trick a click ("Remember").
// A meta CSP cannot forbid framing (frame-ancestors), so a framed page asks to be
// the top window and, where the browser won't allow that, shows only a link out.
export function refuseFraming() {
  if (window.top === window.self) return false;
  try { window.top.location.replace(window.location.href); } catch { /* another origin: shown a link instead */ }
  const notice = document.querySelector("[data-mir-framed]");
  const link = notice?.querySelector("a");
  if (link) link.href = window.location.href;
  document.body.replaceChildren(...(notice ? [notice] : []));
  if (notice) notice.hidden = false;
  return true;
}
