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
// the old one), in the app's dialog: the question, Cancel, and the
// button's own action, red when it destroys something. Capture phase, so
// a refused form is never marked busy; without <dialog> the browser asks.
(function () {
  var dialog, question, yes, pending;
  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "dialog confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-q");
    var box = document.createElement("div"), q = document.createElement("p"), actions = document.createElement("div");
    var no = document.createElement("button");
    box.className = "dialog-form";
    q.id = "confirm-q";
    actions.className = "dialog-actions";
    no.type = "button";
    no.className = "secondary";
    no.textContent = "Cancel";
    no.addEventListener("click", function () { dialog.close(); });
    yes = document.createElement("button");
    yes.type = "button";
    yes.addEventListener("click", function () {
      var b = pending;
      dialog.close();
      b.setAttribute("data-confirmed", "");
      b.form.requestSubmit(b);
    });
    actions.appendChild(no);
    actions.appendChild(yes);
    box.appendChild(q);
    box.appendChild(actions);
    dialog.appendChild(box);
    document.body.appendChild(dialog);
    question = q;
  }
  function label(b) {
    var words = [];
    b.childNodes.forEach(function (n) { if (n.nodeType === 3) words.push(n.textContent); });
    return words.join(" ").trim() || "Continue";
  }
  document.addEventListener("submit", function (ev) {
    var b = ev.submitter;
    if (!b || !b.hasAttribute("data-confirm")) return;
    if (b.hasAttribute("data-confirmed")) { b.removeAttribute("data-confirmed"); return; }
    ev.preventDefault();
    ev.stopImmediatePropagation();
    if (!window.HTMLDialogElement || !b.form.requestSubmit) {
      if (window.confirm(b.getAttribute("data-confirm"))) { b.setAttribute("data-confirmed", ""); b.click(); }
      return;
    }
    if (!dialog) build();
    pending = b;
    question.textContent = b.getAttribute("data-confirm");
    yes.textContent = label(b);
    yes.className = b.classList.contains("danger") ? "danger" : "primary";
    dialog.showModal();
    yes.focus();
  }, true);
})();

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

// A long thread's fold, opened: the focus goes to the whole thread.
document.addEventListener("htmx:afterSwap", function (ev) {
  if (ev.target.id === "thread") ev.target.focus();
});

// Kanban board: a card dragged to another column moves the ticket there.
// It posts what the card's Move menu posts in the background, then moves
// the card; a refusal is shown above the board.
(function () {
  var board = document.getElementById("board");
  if (!board) return;
  var menuForm = document.getElementById("move-menu").content.firstElementChild;
  var errorBox = document.getElementById("board-error");
  var statusBox = document.getElementById("board-status");
  var dialog = document.getElementById("missing-dialog");
  var dragged = null;

  function column(el) { return el && el.closest ? el.closest(".column[data-status]") : null; }
  function clearTargets() {
    board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  }
  // bump adds step to a column's total (the server's count of the whole
  // status, not the cards shown; "1000+" stays as it is).
  function bump(col, step) {
    var count = col.querySelector(".count");
    var text = count && count.firstChild ? count.firstChild.nodeValue : "";
    if (/^\d+$/.test(text)) count.firstChild.nodeValue = String(Math.max(0, Number(text) + step));
  }
  // place puts card among the column's cards by priority, highest first
  // (a card's priority badge carries its level).
  function level(card) { return Number(card.querySelector("[data-priority]").getAttribute("data-priority")); }
  function place(card, col) {
    var list = col.querySelector(".cards");
    var mine = level(card);
    var before = null;
    list.querySelectorAll(".kcard").forEach(function (c) {
      if (!before && c !== card && level(c) < mine) before = c;
    });
    // Past the cards shown it goes last of them, above "Show more".
    var more = list.querySelector("a[hx-get]");
    list.insertBefore(card, before || (more && more.parentNode));
  }

  // move sends card to col and says what happened. A status that
  // requires values the ticket lacks answers with a form, shown in a
  // dialog: the card moves once the values are given, and stays where it
  // was when the dialog is cancelled.
  function move(card, col) {
    var from = column(card);
    if (!col || col === from) return Promise.resolve(false);
    var data = new URLSearchParams(new FormData(menuForm));
    data.set("status", col.getAttribute("data-status"));
    errorBox.hidden = true;
    return send(card, col, moveAction(card), data);
  }
  function moveAction(card) { return card.querySelector("a.subject").getAttribute("href") + "/status"; }

  // fill gives a card's Move menu the board's one form (rendered once,
  // not on each of up to 200 cards): a button per status, the card's own
  // disabled. Until then the menu holds a link to the ticket.
  function fill(menu) {
    var list = menu.querySelector(".move-list");
    var card = menu.closest(".kcard");
    if (!list || list.tagName === "FORM" || !card) return;
    var form = menuForm.cloneNode(true);
    form.action = moveAction(card);
    form.querySelector("[role=group]").setAttribute("aria-label", "Move " + card.querySelector(".num").textContent + " to");
    var here = column(card).getAttribute("data-status");
    form.querySelectorAll("button[name=status]").forEach(function (b) {
      if (b.value !== here) return;
      b.disabled = true;
      var note = document.createElement("span");
      note.className = "here";
      note.textContent = " (here)";
      b.appendChild(note);
    });
    list.replaceWith(form);
  }
  // A card that moved gets its menu anew, for its new column.
  function refill(card) {
    var menu = card.querySelector("details.move-menu");
    var form = menu && menu.querySelector("form.move-list");
    if (!form) return;
    menu.open = false;
    var list = document.createElement("div");
    list.className = "move-list";
    form.replaceWith(list);
  }
  board.addEventListener("click", function (ev) {
    var summary = ev.target.closest && ev.target.closest("details.move-menu > summary");
    if (summary) fill(summary.parentNode);
  });
  board.addEventListener("move-menu", function (ev) { fill(ev.target); }, true);
  // "Show more" swaps its link for the column's next cards: the focus,
  // which was on the link, goes to the first of them.
  board.addEventListener("htmx:afterSwap", function (ev) {
    var card = ev.target;
    var lost = !document.activeElement || document.activeElement === document.body;
    if (lost && card.classList && card.classList.contains("kcard")) card.querySelector("a.subject").focus();
  });
  function send(card, col, action, data) {
    card.setAttribute("aria-busy", "true");
    return fetch(action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Frontdesk-Fetch": "1", "X-CSRF-Token": data.get("_csrf") }
    }).then(function (res) {
      if (res.status === 204) return "";
      var type = res.headers.get("Content-Type") || "";
      return res.text().then(function (t) {
        if (res.status === 422 && type.indexOf("text/html") === 0) return { form: t };
        return type.indexOf("text/plain") === 0 && t ? t : "The ticket was not moved. Reload the page and try again.";
      });
    }, function () {
      return "The ticket was not moved: Frontdesk could not be reached.";
    }).then(function (problem) {
      card.removeAttribute("aria-busy");
      if (problem && problem.form) return ask(card, col, problem.form);
      if (dialog.open) {
        dialog.innerHTML = ""; // emptied first: closing it then says nothing
        dialog.close();
      }
      if (problem) {
        errorBox.textContent = problem;
        errorBox.hidden = false;
        return false;
      }
      var from = column(card);
      place(card, col);
      refill(card);
      if (from) bump(from, -1);
      bump(col, 1);
      var num = card.querySelector(".num");
      statusBox.textContent = (num ? num.textContent + " " : "") + "moved to " + col.getAttribute("data-name") + ".";
      return true;
    });
  }
  // ask shows the form for the missing values; its submit tries the move again.
  function ask(card, col, html) {
    dialog.innerHTML = html;
    var form = dialog.querySelector("form");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      send(card, col, form.action, new URLSearchParams(new FormData(form)));
    });
    form.querySelector("[data-cancel]").addEventListener("click", function (ev) {
      ev.preventDefault();
      dialog.close();
    });
    if (!dialog.open) dialog.showModal();
    var first = form.querySelector("[aria-invalid=true]") || form.querySelector("select, input:not([type=hidden]), textarea");
    if (first) first.focus();
    return false;
  }
  dialog.addEventListener("close", function () {
    if (dialog.open) return; // reopened for another card before this event came
    if (dialog.querySelector("form")) statusBox.textContent = "Not moved.";
    dialog.innerHTML = "";
  });
  // Escape closes a card's Move menu and leaves the focus on it.
  board.addEventListener("keydown", function (ev) {
    var menu = ev.key === "Escape" && ev.target.closest && ev.target.closest("details.move-menu[open]");
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
  board.addEventListener("dragstart", function (ev) {
    dragged = ev.target.closest ? ev.target.closest(".kcard") : null;
    if (!dragged) return;
    ev.dataTransfer.effectAllowed = "move";
    ev.dataTransfer.setData("text/plain", dragged.id.replace("ticket-", ""));
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

// Inbox: "select all on this page" for the bulk form (shown only with
// script), and live updates: the server's event stream says something
// changed, a banner offers to reload the rows in place.
(function () {
  var list = document.getElementById("tickets");
  var all = document.getElementById("select-all");
  // The bulk form shows once a row is ticked, so the list starts high on
  // the page; without script it stays in view.
  var bulk = document.querySelector("form[data-bulk]");
  var picked = function () { return document.querySelector("#tickets input.pick:checked") !== null; };
  if (bulk) {
    bulk.hidden = !picked();
    document.addEventListener("change", function (ev) {
      if (ev.target.matches && ev.target.matches("input.pick, #select-all")) bulk.hidden = !picked();
    });
  }
  if (all) {
    all.closest("label").hidden = false;
    all.addEventListener("change", function () {
      document.querySelectorAll("#tickets input.pick").forEach(function (c) { c.checked = all.checked; });
      if (bulk) bulk.hidden = !picked();
    });
  }
  // A sort menu applies as soon as it is changed.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.requestSubmit(); });
  });
  var live = document.getElementById("live");
  var source = events();
  if (!live || !source) return;
  var show = function () { live.hidden = false; };
  ["ticket.created", "ticket.updated", "message.created"].forEach(function (kind) {
    source.addEventListener(kind, show);
  });
  document.getElementById("live-refresh").addEventListener("click", function () {
    if (!list) { window.location.reload(); return; }
    fetch(window.location.href, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (res) {
        if (!res.ok) throw new Error(res.status);
        return res.text();
      })
      .then(function (html) {
        list.innerHTML = html;
        if (window.htmx) window.htmx.process(list);
        live.hidden = true;
      }, function () { window.location.reload(); });
  });
})();

// Keyboard: j/k move through the inbox rows, Enter or o opens, x ticks
// the row, / goes to search; on a ticket r and n open the composer as a
// reply or a note; ? lists the keys. Keys typed into a field are text.
(function () {
  var help = null;
  var keys = [["j / k", "Next / previous ticket"], ["Enter or o", "Open the ticket"],
    ["x", "Select the ticket"], ["m", "Move the card (on the board)"], ["/", "Search tickets and customers"], ["r", "Reply (on a ticket)"],
    ["n", "Internal note (on a ticket)"], ["?", "Show this help"], ["Escape", "Close this help"]];

  function helpDialog() {
    if (help) return help;
    help = document.createElement("dialog");
    help.className = "keys-help";
    help.id = "keys-help";
    help.setAttribute("aria-labelledby", "keys-help-title");
    var h = document.createElement("h2");
    h.id = "keys-help-title";
    h.textContent = "Keyboard shortcuts";
    var dl = document.createElement("dl");
    keys.forEach(function (k) {
      var dt = document.createElement("dt"), kbd = document.createElement("kbd"), dd = document.createElement("dd");
      kbd.textContent = k[0];
      dt.appendChild(kbd);
      dd.textContent = k[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "secondary";
    close.textContent = "Close";
    close.addEventListener("click", function () { help.close(); });
    help.append(h, dl, close);
    document.body.appendChild(help);
    return help;
  }

  function typing(el) {
    if (!el) return false;
    if (el.tagName === "INPUT") return !/^(checkbox|radio|button|submit|reset)$/.test(el.type);
    return el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT";
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("#tickets li.ticket")); }
  function current() { return document.querySelector("#tickets li.kb-current"); }
  function moveBy(step) {
    var all = rows();
    if (!all.length) return;
    var at = all.indexOf(current());
    var next = all[Math.max(0, Math.min(all.length - 1, at < 0 ? 0 : at + step))];
    all.forEach(function (r) { r.classList.remove("kb-current"); });
    next.classList.add("kb-current");
    next.querySelector("a.subject").focus();
  }
  function compose(kind) {
    var form = document.getElementById("composer");
    if (!form) return false;
    var radio = form.querySelector("input[name=kind][value=" + kind + "]");
    if (radio) {
      radio.checked = true;
      radio.dispatchEvent(new Event("change", { bubbles: true }));
    }
    var text = form.querySelector("textarea");
    if (text) text.focus();
    return true;
  }

  var actions = {
    "j": function () { moveBy(1); return rows().length > 0; },
    "k": function () { moveBy(-1); return rows().length > 0; },
    "o": function () {
      var row = current();
      if (row) row.querySelector("a.subject").click();
      return !!row;
    },
    "Enter": function () {
      var row = current();
      if (!row || document.activeElement !== document.body) return false;
      row.querySelector("a.subject").click();
      return true;
    },
    "x": function () {
      var box = current() && current().querySelector("input.pick");
      if (box) box.click();
      return !!box;
    },
    "m": function () {
      var card = document.activeElement && document.activeElement.closest && document.activeElement.closest(".kcard");
      var menu = card && card.querySelector("details.move-menu");
      if (!menu) return false;
      menu.dispatchEvent(new Event("move-menu")); // the board's script fills it
      menu.open = true;
      var first = menu.querySelector("button:not([disabled])");
      if (first) first.focus();
      return true;
    },
    "/": function () {
      var q = document.getElementById("top-q") || document.getElementById("q");
      if (q) { q.focus(); q.select(); }
      return !!q;
    },
    "?": function () { helpDialog().showModal(); return true; },
    "r": function () { return compose("reply"); },
    "n": function () { return compose("note"); }
  };

  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (help && help.open) return;
    var act = actions[ev.key];
    if (act && act()) ev.preventDefault();
  });
})();

// The top bar's menus (availability, profile) close on Escape and on a
// click elsewhere, as menus do, so opening one closes the other.
document.querySelectorAll("details.profile").forEach(function (menu) {
  document.addEventListener("click", function (ev) {
    if (menu.open && !menu.contains(ev.target)) menu.open = false;
  });
  menu.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
});

// Ticket page, the composer: the send button says what it will do ("Send
// and close"), and what is typed is kept as a draft in this browser until
// it is sent, so a reload or a crash loses nothing; leaving the page with
// an unsent draft asks first.
(function () {
  var form = document.getElementById("composer");
  if (!form) return;
  var then = document.getElementById("then");
  var send = document.getElementById("send");
  var body = form.querySelector("textarea");
  function label() {
    var o = then.options[then.selectedIndex];
    send.querySelector(".if-reply").textContent = o.getAttribute("data-reply");
    send.querySelector(".if-note").textContent = o.getAttribute("data-note");
  }
  if (then && send) then.addEventListener("change", label);

  var key = "frontdesk:draft:" + new URL(form.action).pathname.replace(/\/messages$/, "");
  var sending = false;
  try {
    var kept = window.localStorage.getItem(key);
    if (kept && !body.value) {
      body.value = kept;
      var note = document.createElement("p");
      note.className = "hint draft-note";
      note.setAttribute("role", "status");
      note.textContent = "Your unsent draft was restored.";
      body.insertAdjacentElement("afterend", note);
    }
  } catch (e) { /* storage off: drafts live only in the page */ }
  body.addEventListener("input", function () {
    try {
      if (body.value.trim()) window.localStorage.setItem(key, body.value);
      else window.localStorage.removeItem(key);
    } catch (e) { /* storage full or off */ }
  });
  form.addEventListener("submit", function (ev) {
    if (ev.defaultPrevented) return;
    sending = true;
    // A refused message comes back filled in by the server; a sent one
    // must not come back as a draft.
    try { window.localStorage.removeItem(key); } catch (e) { /* off */ }
  });
  window.addEventListener("beforeunload", function (ev) {
    if (sending || !body.value.trim()) return;
    ev.preventDefault();
    ev.returnValue = "";
  });
})();

// Ticket page, the properties: a change applies as soon as it is made (a
// tag list when the field is left), is confirmed beside the form, and the
// header and the history show it. A refusal is said and the field kept.
(function () {
  var form = document.getElementById("props");
  if (!form || !window.fetch) return;
  var saved = document.getElementById("props-saved");
  var button = form.querySelector("button[type=submit]");
  // After a refusal for missing properties the page keeps the chosen
  // status: the operator fills what is missing and saves it all at once.
  if (button && !document.getElementById("missing-notice")) button.hidden = true;
  var names = { status: "Status", priority: "Priority", assignee: "Assignee", team: "Team", tags: "Tags" };

  function refresh(whole) {
    return fetch(window.location.pathname + window.location.search, { credentials: "same-origin" }).then(function (res) {
      return res.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var parts = [".ticket-head .facts", "#thread"];
      if (whole) parts.push("#props");
      parts.forEach(function (css) {
        var now = document.querySelector(css), fresh = doc.querySelector(css);
        if (now && fresh) now.innerHTML = fresh.innerHTML;
      });
      if (whole && button) form.querySelector("button[type=submit]").hidden = true;
    });
  }

  function apply(field) {
    var data = new URLSearchParams();
    data.set("_csrf", form.querySelector("input[name=_csrf]").value);
    data.set(field.name, field.value);
    saved.classList.remove("failed");
    saved.textContent = "Saving…";
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Frontdesk-Fetch": "1", "X-CSRF-Token": data.get("_csrf") }
    }).then(function (res) {
      if (res.status === 204) return "";
      if (res.headers.get("X-Frontdesk-Ask")) { // the page asks for the missing properties
        form.submit();
        return new Promise(function () {});
      }
      return res.text().then(function (t) {
        return (res.headers.get("Content-Type") || "").indexOf("text/plain") === 0 && t ? t :
          "Not saved. Reload the page and try again.";
      });
    }, function () {
      return "Not saved: Frontdesk could not be reached. Try again.";
    }).then(function (problem) {
      if (problem) {
        saved.classList.add("failed");
        saved.textContent = names[field.name] + " not saved: " + problem;
        field.setAttribute("aria-invalid", "true");
        return;
      }
      field.removeAttribute("aria-invalid");
      var shown = field.tagName === "SELECT" ? field.options[field.selectedIndex].text :
        field.type === "radio" ? (field.labels[0] ? field.labels[0].textContent.trim().replace(/^[★☆\s]+/, "").replace(/^Priority:\s*/, "") : field.value) :
        (field.value || "none");
      return refresh(field.name === "team").then(function () {
        saved.textContent = "✓ " + names[field.name] + " saved: " + shown + ".";
      });
    });
  }
  form.addEventListener("change", function (ev) {
    var f = ev.target;
    if (f && f.name && names[f.name]) apply(f);
  });
  form.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.name === "tags") {
      ev.preventDefault();
      ev.target.blur();
    }
  });
})();

// Phones: the main links fold into a menu behind the Menu button (the
// stylesheet hides them at narrow widths only when this script runs).
(function () {
  var bar = document.querySelector("header.bar");
  var toggle = bar && bar.querySelector(".menu-toggle");
  if (!toggle) return;
  toggle.hidden = false;
  bar.classList.add("has-menu");
  toggle.addEventListener("click", function () {
    var open = bar.classList.toggle("nav-open");
    toggle.setAttribute("aria-expanded", String(open));
  });
})();

// Ticket page on phones: the action bar's links jump to the composer or
// the status, and put the cursor there.
document.querySelectorAll("a[data-jump]").forEach(function (a) {
  a.addEventListener("click", function (ev) {
    var target = document.getElementById(a.getAttribute("data-jump"));
    if (!target) return;
    ev.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });
});
// Reports: choosing a date switches the period to "Chosen dates", so the
// dates typed are the ones shown (a preset would replace them).
(function () {
  var form = document.querySelector("form.report-filters");
  var period = form && form.querySelector("#period");
  if (!period) return;
  form.addEventListener("change", function (ev) {
    if (ev.target.type === "date") period.value = "range";
  });
})();

// The reports' live panel reads itself again every data-every seconds
// while the page is in view; a failed read keeps the last figures and
// says from when they are.
(function () {
  var panel = document.getElementById("live-panel");
  if (!panel) return;
  var every = (parseInt(panel.dataset.every, 10) || 15) * 1000;
  setInterval(function () {
    if (document.hidden) return;
    fetch(panel.dataset.refresh, { credentials: "same-origin" })
      .then(function (res) {
        if (!res.ok) throw new Error(res.status);
        return res.text();
      })
      .then(function (html) {
        var t = document.createElement("template");
        t.innerHTML = html.trim();
        var fresh = t.content.firstElementChild;
        if (fresh && fresh.id === "live-panel") { panel.replaceWith(fresh); panel = fresh; }
      }, function () {
        var stale = panel.querySelector("[data-stale]");
        if (stale) stale.hidden = false;
      });
  }, every);
})();

// The page's one event stream (/events), shared by the inbox's "new
// activity" notice and the bell; null without EventSource or when signed
// out (no bell in the top bar).
function events() {
  if (events.source !== undefined) return events.source;
  events.source = null;
  if (!window.EventSource || !document.querySelector("header.bar a.notif")) return null;
  events.source = new EventSource("/events");
  window.addEventListener("pagehide", function () { events.source.close(); });
  return events.source;
}

// The bell counts unread notifications live: the stream sends the count
// when it changes, and the newest notice when one arrives, shown as a
// toast that links to it.
(function () {
  var bell = document.querySelector("header.bar a.notif");
  var source = events();
  if (!bell || !source) return;
  // The live region exists before it speaks, so screen readers announce it.
  var toast = document.createElement("div");
  toast.className = "toast";
  toast.setAttribute("role", "status");
  document.body.appendChild(toast);
  function setCount(n) {
    var badge = bell.querySelector(".notif-count");
    if (!n) {
      if (badge) badge.remove();
    } else {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "notif-count";
        bell.appendChild(badge);
      }
      badge.textContent = n;
      var sr = document.createElement("span");
      sr.className = "sr";
      sr.textContent = " unread";
      badge.appendChild(sr);
    }
    var item = document.querySelector(".profile .menu-notif");
    if (item) item.textContent = "Notifications" + (n ? " (" + n + " unread)" : "");
    var who = document.querySelector(".profile summary.who");
    if (who) who.classList.toggle("has-unread", n > 0);
  }
  function show(latest) {
    toast.textContent = "";
    var link = document.createElement("a");
    link.href = latest.url;
    link.textContent = latest.text;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", function () { toast.textContent = ""; });
    toast.appendChild(link);
    toast.appendChild(close);
  }
  source.addEventListener("notifications", function (ev) {
    var up = JSON.parse(ev.data);
    setCount(up.unread);
    if (up.latest) show(up.latest);
  });
})();

// Settings on phones: the sections fold under a button that names the one
// shown (the stylesheet folds them only when this script runs).
(function () {
  var nav = document.querySelector(".settings-nav");
  var toggle = nav && nav.querySelector(".settings-toggle");
  if (!toggle) return;
  var current = nav.querySelector("a[aria-current=page]");
  toggle.querySelector(".settings-current").textContent = current ? current.textContent : "Settings sections";
  toggle.hidden = false;
  nav.classList.add("has-menu");
  toggle.addEventListener("click", function () {
    var open = nav.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
})();
// Rule editor: "Add a condition" and "Add an action" copy the blank line
// of their <template> to the end of the list and put the cursor in it.
// Without script, the page always ends each list with one blank line.
document.querySelectorAll("button[data-add-row]").forEach(function (button) {
  button.addEventListener("click", function () {
    var tpl = document.getElementById(button.getAttribute("data-add-row"));
    var list = document.getElementById(button.getAttribute("data-rows"));
    if (!tpl || !list) return;
    list.appendChild(tpl.content.cloneNode(true));
    var first = list.lastElementChild && list.lastElementChild.querySelector("select, input");
    if (first) first.focus();
  });
});
