// What every page does in the browser. Without this script everything still works.
//
// Long texts: the browser would cut what is typed or pasted at a field's maxlength without a
// word; instead the whole text is sent and the form says how long it may be, keeping it all.
// Only Django's form fields (ids "id_…"): their length is checked on the server.
(function () {
  "use strict";
  const fields = "textarea[maxlength][id^='id_'], input[maxlength][id^='id_']:not([type=search])";
  for (const field of document.querySelectorAll(fields)) {
    field.removeAttribute("maxlength");
  }
})();

// The header's menu on a phone: a button opens and closes the list of pages; the crisis link
// stays outside it, always visible. Without this script the list is simply shown.
(function () {
  "use strict";
  const header = document.querySelector("[data-menu]");
  const button = header && header.querySelector(".menu-button");
  const menu = header && header.querySelector("#site-menu");
  if (!header || !button || !menu) return;
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  }
  button.hidden = false;
  header.classList.add("menu-ready");
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      set(false);
      button.focus();
    }
  });
})();

// Tables on a phone: each cell is labelled with its column's heading, so site.css can show a
// row as a card (table.reflow). Without this script a wide table scrolls in its own box.
(function () {
  "use strict";
  for (const table of document.querySelectorAll("table.reflow")) {
    const heads = Array.from(table.querySelectorAll("thead th")).map(function (th) {
      return th.textContent.trim();
    });
    for (const row of table.querySelectorAll("tbody tr")) {
      Array.from(row.children).forEach(function (cell, index) {
        if (cell.tagName === "TD" && cell.colSpan === 1 && heads[index] && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", heads[index]);
        }
      });
    }
    table.setAttribute("data-labelled", "");
  }
})();

// Where a page starts for a keyboard and a screen reader: a form that came back with something
// to fix starts at the summary of what to fix (each line links to its field); a page showing
// the crisis panel, at the panel; a page after a change, at its confirmation (read once).
(function () {
  "use strict";
  const start = document.querySelector("[data-error-summary]") ||
    document.querySelector("[data-crisis-panel]:not([hidden])") ||
    document.querySelector("[data-page-messages]");
  if (!start) return;
  // After the browser has scrolled to the address's #fragment, which would take focus back.
  function focusStart() {
    start.focus({ preventScroll: Boolean(location.hash) });
  }
  if (document.readyState === "complete") focusStart();
  else window.addEventListener("load", function () { setTimeout(focusStart, 0); });
})();

// Dialogs: a button with data-opens="ID" opens <dialog id="ID"> as a modal; its
// <form method="dialog"> buttons close it. Without this script the button's fallback link is used.
(function () {
  "use strict";
  for (const opener of document.querySelectorAll("[data-opens]")) {
    const dialog = document.getElementById(opener.getAttribute("data-opens"));
    if (!dialog || typeof dialog.showModal !== "function") continue;
    opener.hidden = false;
    const fallback = opener.getAttribute("data-fallback");
    if (fallback) {
      const link = document.getElementById(fallback);
      if (link) link.hidden = true;
    }
    opener.addEventListener("click", function () {
      dialog.showModal();
    });
  }
})();
