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

// A button with data-confirm asks first (rotating a public link breaks
// the old one). Capture phase, so a refused form is never marked busy.
document.addEventListener("submit", function (ev) {
  var b = ev.submitter;
  if (b && b.hasAttribute("data-confirm") && !window.confirm(b.getAttribute("data-confirm"))) {
    ev.preventDefault();
    ev.stopImmediatePropagation();
  }
}, true);

// Copy buttons copy the value of the input they name. They are hidden in
// the markup and shown here, so without script no dead button shows; the
// read-only input can still be selected by hand.
document.querySelectorAll("button[data-copy]").forEach(function (b) {
  var input = document.getElementById(b.getAttribute("data-copy"));
  if (!input) return;
  b.hidden = false;
  var label = b.textContent;
  b.addEventListener("click", function () {
    var done = function () {
      b.textContent = b.getAttribute("data-copied") || "Copied";
      setTimeout(function () { b.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
    } else {
      input.select();
      if (document.execCommand("copy")) done();
    }
  });
});
