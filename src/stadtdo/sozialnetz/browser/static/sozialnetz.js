/* stadtdo.sozialnetz: accessible names for Plone's toolbar (WCAG 2.1 AA).
   - the "collapse" control is an <a> without href: as a link without a role
     it may not carry aria-label (axe: aria-prohibited-attr); it acts as a
     button, so it gets that role and keyboard focus;
   - when the toolbar is collapsed, its links show only an icon: they get
     their text as aria-label (axe: link-name). */
(function () {
  "use strict";
  function beschriften() {
    document.querySelectorAll("#edit-zone .toolbar-collapse").forEach(function (el) {
      if (!el.hasAttribute("href") && !el.hasAttribute("role")) {
        el.setAttribute("role", "button");
        el.setAttribute("tabindex", "0");
        el.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            el.click();
          }
        });
      }
    });
    document.querySelectorAll("#edit-zone a").forEach(function (link) {
      var text = (link.textContent || "").replace(/\s+/g, " ").trim();
      if (text && !link.hasAttribute("aria-label")) {
        link.setAttribute("aria-label", text);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", beschriften);
  } else {
    beschriften();
  }
})();
