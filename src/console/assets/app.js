// mq console: live refresh of pages marked data-live (their main part is
// fetched again as an HTML fragment and swapped in, unless the user is
// typing in it, has changed a field, or the tab is hidden), and confirmation of destructive
// forms (the server checks the typed name too).
"use strict";
(function () {
  const main = document.getElementById("main");
  if (main && main.dataset.live) {
    const every = Math.max(2000, parseInt(main.dataset.live, 10) || 5000);
    let busy = false;
    setInterval(async function () {
      if (busy || document.hidden) return;
      const active = document.activeElement;
      if (active && main.contains(active) && active.matches("input, select, textarea")) return;
      if (edited(main)) return;
      busy = true;
      try {
        const r = await fetch(location.href, { headers: { "X-Fragment": "1" }, credentials: "same-origin" });
        if (r.ok) main.innerHTML = await r.text();
      } catch (e) {
        // The console went away; the next round tries again.
      } finally {
        busy = false;
      }
    }, every);
  }
  // Whether the user changed a field: a refresh would throw the change away.
  function edited(root) {
    return Array.prototype.some.call(root.querySelectorAll("input, textarea, select"), function (e) {
      if (e.type === "checkbox" || e.type === "radio") return e.checked !== e.defaultChecked;
      if (e.tagName === "SELECT") {
        return Array.prototype.some.call(e.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return e.value !== e.defaultValue;
    });
  }
  document.addEventListener("submit", function (ev) {
    const field = ev.target.querySelector("input[data-confirm]");
    if (!field) return;
    if (field.value !== field.dataset.confirm) {
      ev.preventDefault();
      field.setCustomValidity("Type " + field.dataset.confirm + " to confirm");
      field.reportValidity();
      return;
    }
    if (!window.confirm("This cannot be undone. Go ahead?")) ev.preventDefault();
  });
  document.addEventListener("input", function (ev) {
    if (ev.target.matches("input[data-confirm]")) ev.target.setCustomValidity("");
  });
})();
