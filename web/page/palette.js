// While a reader switches between light and dark, no colour fades over from the old
// scheme. The theme's own rule for that keys on an attribute its palette also sets and
// removes as every page starts, and any change to it restyles every element on the
// page: two whole-page restyles in each page's start-up. The build drops that rule
// (make_it_right/html/unused_css.py); ours (make-it-right.css) keys on an attribute
// set here only while a reader switches. The theme restyles the page as it switches,
// so the attribute can go in the next task, as the theme's own does.
const SWITCHING = "data-mir-color-switching";

export function calmPaletteSwitch() {
  document.addEventListener("change", (event) => {
    if (!event.target.closest?.('[data-md-component="palette"]')) return;
    document.body.setAttribute(SWITCHING, "");
    setTimeout(() => document.body.removeAttribute(SWITCHING));
  }, true);
}
