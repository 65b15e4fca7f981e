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

// Kanban board: a card dragged to another column moves the ticket there.
// It posts the card's own Move form (the keyboard and no-script way) in
// the background, then moves the card; a refusal is shown above the board.
(function () {
  var board = document.getElementById("board");
  if (!board) return;
  var errorBox = document.getElementById("board-error");
  var statusBox = document.getElementById("board-status");
  var dragged = null;

  function column(el) { return el && el.closest ? el.closest(".column[data-status]") : null; }
  function clearTargets() {
    board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  }
  function recount() {
    board.querySelectorAll(".column").forEach(function (c) {
      var count = c.querySelector(".count");
      if (count && count.firstChild) count.firstChild.nodeValue = String(c.querySelectorAll(".kcard").length);
    });
  }
  // place puts card among the column's cards by priority, highest first.
  function place(card, col) {
    var list = col.querySelector(".cards");
    var level = Number(card.getAttribute("data-priority"));
    var before = null;
    list.querySelectorAll(".kcard").forEach(function (c) {
      if (!before && c !== card && Number(c.getAttribute("data-priority")) < level) before = c;
    });
    list.insertBefore(card, before);
  }

  // move sends card to col and says what happened.
  function move(card, col) {
    var from = column(card);
    if (!col || col === from) return Promise.resolve(false);
    var form = card.querySelector("form.move");
    var data = new URLSearchParams(new FormData(form));
    data.set("status", col.getAttribute("data-status"));
    errorBox.hidden = true;
    card.setAttribute("aria-busy", "true");
    return fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Frontdesk-Fetch": "1", "X-CSRF-Token": data.get("_csrf") }
    }).then(function (res) {
      if (res.status === 204) return "";
      return res.text().then(function (t) {
        return (res.headers.get("Content-Type") || "").indexOf("text/plain") === 0 && t ? t :
          "The ticket was not moved. Reload the page and try again.";
      });
    }, function () {
      return "The ticket was not moved: Frontdesk could not be reached.";
    }).then(function (problem) {
      card.removeAttribute("aria-busy");
      if (problem) {
        errorBox.textContent = problem;
        errorBox.hidden = false;
        return false;
      }
      place(card, col);
      form.querySelector("select").value = col.getAttribute("data-status");
      recount();
      var num = card.querySelector(".num");
      statusBox.textContent = (num ? num.textContent + " " : "") + "moved to " + col.getAttribute("data-name") + ".";
      return true;
    });
  }
  board.addEventListener("dragstart", function (ev) {
    dragged = ev.target.closest ? ev.target.closest(".kcard") : null;
    if (!dragged) return;
    ev.dataTransfer.effectAllowed = "move";
    ev.dataTransfer.setData("text/plain", dragged.getAttribute("data-ticket"));
    dragged.classList.add("dragging");
  });
  board.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    clearTargets();
  });
  board.addEventListener("dragover", function (ev) {
    var col = column(ev.target);
    if (!col || !dragged) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = "move";
    if (!col.classList.contains("drop-target")) {
      clearTargets();
      if (col !== column(dragged)) col.classList.add("drop-target");
    }
  });
  board.addEventListener("dragleave", function (ev) {
    var col = column(ev.target);
    if (col && !col.contains(ev.relatedTarget)) col.classList.remove("drop-target");
  });
  board.addEventListener("drop", function (ev) {
    var col = column(ev.target);
    if (!col) return;
    ev.preventDefault();
    clearTargets();
    var id = ev.dataTransfer.getData("text/plain");
    var card = dragged || (id && document.getElementById("ticket-" + id));
    if (card) move(card, col);
  });
})();
