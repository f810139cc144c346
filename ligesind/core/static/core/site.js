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
