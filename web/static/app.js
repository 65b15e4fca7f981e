// Frontdesk agent app: behaviour that must not live inline (the
// Content-Security-Policy forbids inline script).
(function () {
  "use strict";
  // A sign-in form that is submitting says so and cannot be sent twice.
  document.addEventListener("submit", function (ev) {
    var button = ev.target.querySelector("button[type=submit][data-busy]");
    if (button) {
      button.disabled = true;
      button.textContent = button.getAttribute("data-busy");
    }
  });
})();
// Coming back with the Back button shows the page from cache: let the
// buttons work again.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("button[data-busy]").forEach(function (b) {
    b.disabled = false;
  });
});
