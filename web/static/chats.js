// Frontdesk live chat, the operator's side (docs/chat.md): one socket per
// tab keeps the Chats badge, the panel's lists and an open chat current;
// the ":" picker of canned responses serves the chat box and the ticket
// composer. Loaded on every page of a signed-in operator.
(function () {
  "use strict";
  var me = 0, chats = {}, sock = null, delay = 500, loadedAt = Date.now();
  var thread = document.getElementById("chat-thread");
  var lists = document.getElementById("chat-lists");
  var conn = document.getElementById("chat-conn");
  var openChat = thread && thread.getAttribute("data-open") === "true" ? +thread.getAttribute("data-chat") : 0;
  var lastSeq = thread ? +thread.getAttribute("data-seq") : 0;
  var pending = {}; // client_id -> the <li> of a message not yet committed

  function readSeq(id) { return +(localStorage.getItem("fd-chat-read-" + id) || 0); }
  function markRead(id, seq) {
    if (seq > readSeq(id)) localStorage.setItem("fd-chat-read-" + id, String(seq));
  }

  // --- the socket, with resume and backoff ---
  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/chats/socket";
    sock = new WebSocket(url);
    setConn("Connecting…", "connecting");
    sock.onopen = function () {
      delay = 500;
      setConn("Live: new messages appear as they come.", "live");
      if (openChat) send({ type: "resume", chat_id: openChat, after: lastSeq });
      retryPending();
    };
    sock.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      (handlers[f.type] || function () {})(f);
    };
    sock.onclose = function () {
      setConn("Connection lost. Reconnecting…", "lost");
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    };
  }
  function send(f) {
    if (!sock || sock.readyState !== 1) return false;
    sock.send(JSON.stringify(f));
    return true;
  }
  function setConn(text, state) {
    if (!conn) return;
    conn.textContent = text;
    conn.setAttribute("data-state", state);
  }

  var handlers = {
    chat: function (f) { upsert(f.chat); },
    availability: function (f) { showAvailability(f.status); },
    message: function (f) { if (f.message && f.message.chat_id === openChat) addMessage(f.message); },
    ack: function () {},
    state: function (f) { if (f.chat) { upsert(f.chat); if (f.chat.id === openChat) chatState(f.chat); } },
    typing: function (f) { if (f.chat_id === openChat && f.from === "visitor") typing(f.active); },
    error: function (f) { if (f.client_id && pending[f.client_id]) unsent(f.client_id, f.message); }
  };

  // --- availability in the top bar ---
  function showAvailability(st) {
    var label = document.getElementById("availability-label");
    var dot = document.querySelector("#availability summary .dot");
    if (!label || !dot) return;
    label.textContent = st === "online" ? "Online" : st === "away" ? "Away" : "Offline";
    dot.className = "dot dot-" + st;
  }

  // --- the panel: badge, lists, notifications ---
  function upsert(c) {
    var before = chats[c.id];
    chats[c.id] = c;
    if (c.id === openChat) markRead(c.id, c.last_seq);
    notifyIfNew(before, c);
    if (lists) placeRow(c);
    placeEnded(c);
    badge();
  }
  function mine(c) { return c.state === "active" && c.operator && c.operator.id === me; }
  function unread(c) { return mine(c) ? Math.max(0, c.last_seq - readSeq(c.id)) : 0; }
  function badge() {
    var b = document.getElementById("chat-badge");
    if (!b) return;
    var n = 0;
    Object.keys(chats).forEach(function (id) {
      var c = chats[id];
      if (c.state === "queued" || unread(c) > 0) n++;
    });
    b.hidden = n === 0;
    b.textContent = n;
    b.setAttribute("aria-label", n + (n === 1 ? " chat needs" : " chats need") + " you");
  }
  function notifyIfNew(before, c) {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    var fresh = !before && c.state === "queued" && Date.parse(c.created_at) > loadedAt - 5000;
    var assigned = mine(c) && !(before && mine(before)) && (before || Date.parse(c.created_at) > loadedAt - 5000);
    if (!fresh && !assigned) return;
    var n = new Notification(assigned ? "A chat for you" : "A visitor is waiting", { body: who(c), tag: "chat-" + c.id });
    n.onclick = function () { window.focus(); location.href = "/chats/" + c.id; };
  }
  function who(c) { return c.visitor.name || c.visitor.email || "Visitor #" + c.id; }
  function placeRow(c) {
    ["waiting", "mine", "active"].forEach(function (list) {
      var sec = lists.querySelector("[data-list=" + list + "]");
      var belongs = list === "waiting" ? c.state === "queued" : list === "mine" ? mine(c) : c.state === "active";
      var row = sec.querySelector("[data-chat='" + c.id + "']");
      if (!belongs) { if (row) row.remove(); } else {
        var fresh = rowFor(c, list === "waiting");
        if (row) row.replaceWith(fresh); else { fresh.classList.add("is-new"); sec.querySelector("[data-rows]").appendChild(fresh); }
      }
      var n = sec.querySelectorAll("[data-chat]").length;
      sec.querySelector("[data-count]").textContent = n;
      sec.querySelector("[data-empty]").hidden = n > 0;
    });
  }
  // "Recently ended", newest first, as many as the page was drawn with
  // room for (data-ended); a rating given later replaces the row.
  function placeEnded(c) {
    var sec = document.querySelector("[data-ended]");
    if (!sec) return;
    var rows = sec.querySelector("[data-rows]"), row = rows.querySelector("[data-chat='" + c.id + "']");
    if (c.state !== "ended" && c.state !== "missed") { if (row) row.remove(); } else {
      var fresh = rowFor(c, false);
      if (row) row.replaceWith(fresh); else { fresh.classList.add("is-new"); rows.insertBefore(fresh, rows.firstChild); }
      while (rows.children.length > +sec.getAttribute("data-ended")) rows.lastElementChild.remove();
    }
    sec.querySelector("[data-empty]").hidden = rows.children.length > 0;
  }
  var ratings = { satisfied: "Satisfied", okay: "Okay", dissatisfied: "Dissatisfied" };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function rowFor(c, take) {
    var li = el("li", "chat-row"), a = el("a", "chat-who", who(c));
    li.setAttribute("data-chat", c.id);
    a.href = "/chats/" + c.id;
    var state = c.state === "queued" ? "waiting" + (c.place ? ", #" + c.place + " in line" : "") : c.operator ? c.operator.name : c.state;
    if (c.rating) state += " · rated " + (ratings[c.rating] || c.rating);
    li.append(a, el("span", "meta", c.channel + " · " + state));
    var u = el("span", "nav-badge unread", String(unread(c)));
    u.hidden = unread(c) === 0;
    u.setAttribute("aria-label", unread(c) + " unread");
    var t = el("time", "activity", hhmm(c.created_at));
    t.dateTime = c.created_at;
    li.append(u, t);
    if (take) li.append(takeForm(c));
    return li;
  }
  function takeForm(c) {
    var f = el("form", "inline"), csrf = el("input"), b = el("button", "secondary", "Take");
    f.method = "post";
    f.action = "/chats/" + c.id + "/take";
    csrf.type = "hidden";
    csrf.name = "_csrf";
    csrf.value = lists.getAttribute("data-csrf");
    b.type = "submit";
    b.setAttribute("aria-label", "Take the chat with " + who(c));
    f.append(csrf, b);
    return f;
  }
  var ask = document.getElementById("notify-enable");
  if (ask && "Notification" in window && Notification.permission === "default") {
    ask.hidden = false;
    ask.addEventListener("click", function () {
      Notification.requestPermission().then(function (p) {
        ask.textContent = p === "granted" ? "Notifications on" : "Notifications blocked";
        ask.disabled = true;
      });
    });
  }

  // --- one chat: the thread, typing, sending ---
  function addMessage(m) {
    if (m.client_id && pending[m.client_id]) { pending[m.client_id].remove(); delete pending[m.client_id]; }
    if (m.seq <= lastSeq) return; // a replay of what the page holds
    lastSeq = m.seq;
    thread.setAttribute("data-seq", String(m.seq));
    var empty = thread.querySelector("[data-empty]");
    if (empty) empty.remove();
    thread.appendChild(messageItem(m));
    if (m.author === "visitor") typing(false);
    markRead(openChat, m.seq);
    if (chats[openChat]) chats[openChat].last_seq = Math.max(chats[openChat].last_seq, m.seq);
    badge();
    thread.lastElementChild.scrollIntoView({ block: "nearest" });
  }
  function messageItem(m) {
    var li = el("li", "chat-msg from-" + m.author + (m.bot ? " from-bot" : "") + (m.private ? " is-private" : "")),
      head = el("div", "msg-head");
    li.setAttribute("data-seq", m.seq || "");
    var name = m.author === "visitor" ? thread.getAttribute("data-visitor") : m.operator ? m.operator.name : "Frontdesk";
    head.append(el("strong", "", name));
    if (m.bot) head.append(" ", el("span", "badge bot-badge", "Bot"));
    if (m.private) head.append(" ", el("span", "badge private-badge", "Only operators see this"));
    var t = el("time", "", hhmm(m.created_at || Date.now()));
    head.append(" ", t);
    li.append(head, linked(m.body));
    if (m.choices && m.choices.length) {
      var offered = el("ul", "chat-choices");
      offered.setAttribute("aria-label", "Answers offered");
      m.choices.forEach(function (c) { offered.append(el("li", "", c.label)); });
      li.append(offered);
    }
    if (m.files && m.files.length) {
      var ul = el("ul", "files");
      m.files.forEach(function (f) {
        var a = el("a", "", f.name), item = el("li");
        a.href = "/chats/" + openChat + "/files/" + f.id;
        item.append(a);
        ul.append(item);
      });
      li.append(ul);
    }
    return li;
  }
  // linked makes links of addresses into this install (the ticket that
  // /ticket made); any other address stays text, as on the server.
  function linked(body) {
    var div = el("div", "body"), base = thread.getAttribute("data-base") + "/", i;
    while (base.length > 1 && (i = body.indexOf(base)) >= 0) {
      var end = body.slice(i).search(/\s|$/) + i, a = el("a", "", body.slice(i, end));
      a.href = body.slice(i, end);
      div.append(body.slice(0, i), a);
      body = body.slice(end);
    }
    div.append(body);
    return div;
  }
  function hhmm(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  }
  var typingTimer = 0;
  function typing(on) {
    var p = document.getElementById("chat-typing");
    if (!p) return;
    clearTimeout(typingTimer);
    p.hidden = !on;
    p.textContent = on ? thread.getAttribute("data-visitor") + " is typing…" : "";
    if (on) typingTimer = setTimeout(function () { typing(false); }, 6000);
  }
  function chatState(c) {
    if (c.state !== "queued" && c.state !== "active") return location.reload(); // now a transcript
    var handed = c.state !== thread.getAttribute("data-state") || String(mine(c)) !== thread.getAttribute("data-mine");
    if (handed && box && box.value.trim() === "") return location.reload(); // the actions change with the holder
    var line = document.getElementById("chat-state");
    if (!line) return;
    var with_ = c.state === "queued" ? "Waiting" + (c.place ? ", #" + c.place + " in line" : "") :
      "With " + (mine(c) ? "you" : c.operator ? c.operator.name : "nobody");
    line.textContent = c.channel + " · " + with_;
    if (c.ticket) {
      var a = el("a", "", "Ticket #" + c.ticket.number);
      a.href = "/tickets/" + c.ticket.number;
      line.append(" · ", a);
    }
  }

  var box = document.getElementById("chat-body"), form = document.getElementById("chat-composer");
  var lastTyping = 0;
  function sendTyping(active) {
    var now = Date.now();
    if (active && now - lastTyping < 2000) return;
    lastTyping = active ? now : 0;
    send({ type: "typing", chat_id: openChat, active: active, first: box.value.trim().charAt(0) });
  }
  function post(body, clientID) {
    var li = pending[clientID];
    if (!li) {
      li = messageItem({ author: "operator", operator: { name: "You" }, body: body, private: body.charAt(0) === "/" });
      li.classList.add("is-sending");
      pending[clientID] = li;
      thread.appendChild(li);
    }
    li.classList.remove("is-unsent");
    var old = li.querySelector(".unsent");
    if (old) old.remove();
    li.setAttribute("data-body", body);
    li.setAttribute("data-client", clientID);
    if (!send({ type: "message", chat_id: openChat, client_id: clientID, body: body })) unsent(clientID, "");
  }
  function unsent(clientID, why) {
    var li = pending[clientID];
    if (!li || li.querySelector(".unsent")) return;
    li.classList.add("is-unsent");
    var p = el("p", "unsent", "Not sent" + (why ? ": " + why : "") + " — "), b = el("button", "link", "Retry");
    b.type = "button";
    b.addEventListener("click", function () { post(li.getAttribute("data-body"), clientID); });
    p.append(b);
    li.append(p);
  }
  function retryPending() {
    Object.keys(pending).forEach(function (id) {
      if (pending[id].classList.contains("is-unsent")) post(pending[id].getAttribute("data-body"), id);
    });
  }
  if (form && box && openChat) {
    form.addEventListener("submit", function (ev) {
      var files = document.getElementById("chat-files");
      if (files && files.files.length) return; // files go as the form, over HTTP
      ev.preventDefault();
      var body = box.value.trim();
      if (!body) return;
      post(body, "op-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8));
      box.value = "";
      sendTyping(false);
    });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.defaultPrevented) { ev.preventDefault(); form.requestSubmit(); }
    });
    box.addEventListener("input", function () {
      if (box.value.trim() !== "") sendTyping(true);
      else if (lastTyping) sendTyping(false); // emptied: stop the indicator once
    });
  }
  if (openChat) markRead(openChat, lastSeq);

  // --- ":" lists the team's canned responses, in any box that asks ---
  function canned(area) {
    var menu = document.getElementById(area.id + "-canned"), items = null, shown = [], at = 0;
    if (!menu) {
      var wrap = el("div", "canned-wrap");
      area.parentNode.insertBefore(wrap, area);
      wrap.appendChild(area);
      menu = el("ul", "canned-menu");
      menu.id = area.id + "-canned";
      menu.setAttribute("role", "listbox");
      menu.setAttribute("aria-label", "Canned responses");
      menu.hidden = true;
      wrap.appendChild(menu);
    }
    area.setAttribute("aria-controls", menu.id);
    area.setAttribute("aria-autocomplete", "list");
    function word() {
      var m = /(^|\s):([a-z0-9_-]*)$/.exec(area.value.slice(0, area.selectionStart));
      return m ? m[2] : null;
    }
    function load(then) {
      if (items) return then();
      fetch("/canned-responses?team=" + (area.getAttribute("data-canned-team") || ""), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (j) { items = j.items || []; then(); }, function () { items = []; });
    }
    function close() { menu.hidden = true; area.removeAttribute("aria-activedescendant"); }
    function render() {
      var w = word();
      if (w === null) return close();
      shown = items.filter(function (c) { return c.shortcut.indexOf(w) === 0 || c.body.toLowerCase().indexOf(w) >= 0; });
      menu.textContent = "";
      if (!shown.length) return close();
      at = Math.min(at, shown.length - 1);
      shown.forEach(function (c, i) {
        var li = el("li", "", ":" + c.shortcut);
        li.id = menu.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", i === at ? "true" : "false");
        li.append(el("span", "", c.body));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); insert(c); });
        menu.append(li);
      });
      menu.hidden = false;
      area.setAttribute("aria-activedescendant", menu.id + "-" + at);
    }
    function insert(c) {
      var pos = area.selectionStart, before = area.value.slice(0, pos).replace(/:[a-z0-9_-]*$/, "");
      area.value = before + c.body + area.value.slice(pos);
      area.selectionStart = area.selectionEnd = before.length + c.body.length;
      close();
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    area.addEventListener("input", function () {
      if (word() === null) return close();
      load(render);
    });
    area.addEventListener("keydown", function (ev) {
      if (menu.hidden) return;
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        at = (at + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
        render();
      } else if (ev.key === "Enter" || ev.key === "Tab") {
        insert(shown[at]);
      } else if (ev.key === "Escape") {
        close();
      } else return;
      ev.preventDefault();
    }, true);
    area.addEventListener("blur", close);
  }
  document.querySelectorAll("textarea[data-canned-team]").forEach(canned);

  if (!document.getElementById("availability")) return; // signed out
  me = +(document.getElementById("availability").getAttribute("data-me") || 0);
  if ("WebSocket" in window) connect();
})();
