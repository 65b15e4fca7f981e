// Frontdesk widget: one tag on the host site,
//   <script src="https://desk.example.com/widget.js" data-team="support" async></script>
// Plain JavaScript, no build. Everything lives in a shadow root so the host
// page's CSS cannot reach it, and every server value goes into the page as
// text (createElement/textContent), never as HTML. docs/widget.md.
(function () {
  "use strict";
  var W = window, D = document;
  var tag = D.currentScript || D.querySelector('script[src*="widget.js"][data-team]') ||
    D.querySelector('script[src*="widget.js"]');
  if (!tag || W.__frontdeskWidget) return;
  W.__frontdeskWidget = true;
  var team = tag.getAttribute("data-team") || "";
  var base = tag.src.replace(/\/widget\.js(\?.*)?$/, "");
  var api = base + "/widget/v1/" + encodeURIComponent(team);
  var storeKey = "frontdesk:" + team + ":tickets";
  // The team's chat channel has the team's slug unless the tag names one.
  var chatSlug = tag.getAttribute("data-chat") || team;
  var chatOn = null, chat = null, chatLoading = false, unread = 0;
  var identity = null;
  var defaults = [
    { name: "first_name", target: "contact.first_name", type: "text", label: "Your name" },
    { name: "email", target: "contact.email", type: "email", label: "Email", required: true },
    { name: "subject", target: "ticket.subject", type: "text", label: "Subject", required: true },
    { name: "description", target: "ticket.description", type: "textarea", label: "How can we help?", required: true }
  ];
  var form = { team: { name: "Support", color: "#2563eb" }, fields: defaults };
  var ui = {};

  // The public API: a queue the host may fill before this script loads,
  //   window.Frontdesk = window.Frontdesk || {q: []};
  //   Frontdesk.q.push(["identify", {...}]);
  // or calls once it has.
  var queued = (W.Frontdesk && W.Frontdesk.q) || [];
  var Frontdesk = {
    identify: function (who) {
      identity = who && typeof who === "object" ? {
        external_id: str(who.external_id), email: str(who.email),
        name: str(who.name), signature: str(who.signature)
      } : null;
      // The host signed someone in, or out: the tickets this browser kept
      // for an anonymous visitor are not theirs to see, nor the next one's.
      if (!identity || isSigned()) forget();
      if (ui.panel && !ui.panel.hidden) showList();
    },
    open: function () { openPanel(); },
    close: function () { closePanel(); }
  };
  Frontdesk.q = { push: function (c) { run(c); } };
  W.Frontdesk = Frontdesk;
  for (var i = 0; i < queued.length; i++) run(queued[i]);

  function run(c) {
    if (c && typeof Frontdesk[c[0]] === "function") Frontdesk[c[0]].apply(null, [].slice.call(c, 1));
  }
  function str(v) { return v == null ? "" : String(v); }

  // el makes an element: attributes (on* never), then children as text.
  function el(name, attrs, kids) {
    var e = D.createElement(name);
    for (var k in attrs || {}) {
      if (attrs[k] === true) e.setAttribute(k, "");
      else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, str(attrs[k]));
    }
    [].concat(kids == null ? [] : kids).forEach(function (c) {
      if (c != null) e.appendChild(typeof c === "object" ? c : D.createTextNode(str(c)));
    });
    return e;
  }

  // call talks JSON to the widget endpoints (a FormData, with files, goes
  // as multipart); a refusal becomes an Error with the server's words and
  // its per-field messages.
  function call(method, path, body) {
    var init = { method: method, credentials: "omit", headers: {} };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(api + path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) return data;
        var e = (data && data.error) || {};
        var err = new Error(e.message || ("The support desk answered " + res.status + "."));
        err.status = res.status;
        err.fields = e.fields || {};
        throw err;
      });
    }, function () {
      throw new Error("Could not reach the support desk. This site may not be allowed to use it, or you are offline.");
    });
  }

  function stored() {
    try {
      var list = JSON.parse(W.localStorage.getItem(storeKey) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (e) { return []; }
  }
  // Only an anonymous visitor's tickets are kept: a signed one's come
  // from /mine, and must not stay for whoever uses this browser next.
  function remember(t) {
    if (isSigned() || !t.token) return;
    var list = stored().filter(function (x) { return x.token !== t.token; });
    list.unshift({ token: t.token, number: t.number, subject: t.subject });
    try { W.localStorage.setItem(storeKey, JSON.stringify(list.slice(0, 50))); } catch (e) { /* private mode */ }
  }
  function forget() {
    try { W.localStorage.removeItem(storeKey); } catch (e) { /* private mode */ }
  }
  function isSigned() { return !!(identity && identity.signature); }

  // --- building the widget -------------------------------------------

  var css = ":host{all:initial}" +
    "*{box-sizing:border-box;font:inherit;color:inherit;margin:0}" +
    ".root{all:initial;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937}" +
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483646;display:flex;align-items:center;gap:8px;" +
    "padding:12px 18px;border:0;border-radius:999px;background:var(--fd-accent);color:var(--fd-on);" +
    "font:600 15px/1 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    ".launcher svg{width:20px;height:20px;fill:currentColor}" +
    ".count{min-width:22px;padding:3px 6px;border-radius:999px;background:#fff;color:#b91c1c;font-size:13px;text-align:center}" +
    ".bubble{position:fixed;right:20px;bottom:80px;z-index:2147483646;max-width:260px;padding:10px 14px;border:1px solid #e5e7eb;" +
    "border-radius:12px;background:#fff;color:#1f2937;text-align:left;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.18)}" +
    ".bubble[hidden],.count[hidden]{display:none}" +
    ".t{flex:1;min-width:0}.sub{display:block;font-size:13px;font-weight:400;opacity:.9}" +
    ".panel.chatting{height:600px}.panel.chatting .body{flex:1;min-height:0}" +
    ".chatbox{display:flex;flex-direction:column;flex:1;min-height:0}" +
    ".brand-logo{max-height:28px;max-width:120px;margin-right:8px;vertical-align:middle}" +
    "button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,a:focus-visible" +
    "{outline:3px solid var(--fd-accent);outline-offset:2px}" +
    ".panel{position:fixed;right:20px;bottom:80px;z-index:2147483647;width:380px;max-width:calc(100vw - 24px);" +
    "max-height:calc(100vh - 104px);display:flex;flex-direction:column;background:#fff;border-radius:12px;" +
    "box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden}" +
    ".panel[hidden]{display:none}" +
    "header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--fd-accent);color:var(--fd-on)}" +
    "h2{flex:1;font-weight:600;font-size:16px}" +
    "h3{font-weight:600;font-size:16px;overflow-wrap:anywhere}" +
    ".x{background:none;border:0;color:inherit;font-size:22px;line-height:1;padding:4px 8px;cursor:pointer;border-radius:6px}" +
    "nav{display:flex;border-bottom:1px solid #e5e7eb}" +
    "nav button{flex:1;padding:10px;border:0;background:none;cursor:pointer;border-bottom:3px solid transparent;color:#4b5563}" +
    "nav button[aria-current=page]{border-bottom-color:var(--fd-accent);color:#111827;font-weight:600}" +
    ".body{padding:14px;overflow-y:auto;display:flex;flex-direction:column;gap:12px}" +
    "form{display:flex;flex-direction:column;gap:12px}strong{font-weight:600}" +
    "label{display:block;font-weight:600;font-size:14px;margin-bottom:4px}" +
    ".hint{font-size:13px;color:#6b7280}" +
    "input,textarea,select{display:block;width:100%;padding:8px 10px;border:1px solid #9ca3af;border-radius:6px;background:#fff;color:#111827}" +
    "input[type=checkbox]{display:inline-block;width:auto;margin-right:6px}" +
    "textarea{min-height:90px;resize:vertical}" +
    "[aria-invalid=true]{border-color:#b91c1c}" +
    ".ferr,.error{color:#b91c1c;font-size:14px}" +
    ".error{background:#fef2f2;border:1px solid #fecaca;padding:8px 10px;border-radius:6px}" +
    ".ok{background:#f0fdf4;border:1px solid #bbf7d0;padding:8px 10px;border-radius:6px;color:#166534}" +
    ".primary{align-self:flex-start;padding:10px 14px;border:0;border-radius:6px;background:var(--fd-accent);color:var(--fd-on);font-weight:600;cursor:pointer}" +
    ".primary:disabled{opacity:.6;cursor:wait}" +
    ".link{background:none;border:0;padding:0;color:#1d4ed8;text-decoration:underline;cursor:pointer;text-align:left}" +
    "ul{list-style:none;padding:0;display:flex;flex-direction:column;gap:8px}" +
    ".item{display:block;width:100%;text-align:left;padding:10px;border:1px solid #e5e7eb;border-radius:8px;background:#fff;cursor:pointer}" +
    ".item strong{display:block;overflow-wrap:anywhere}" +
    ".meta{font-size:13px;color:#6b7280}" +
    ".msg{padding:8px 10px;border-radius:8px;background:#f3f4f6}" +
    ".msg.team{background:#eff6ff;border-left:3px solid var(--fd-accent)}" +
    ".msg p{white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".files{gap:2px;margin-top:4px;font-size:14px}.files a{color:#1d4ed8;overflow-wrap:anywhere}" +
    "@media (max-width:480px){.panel{right:0;left:0;bottom:0;width:100%;max-width:none;max-height:85vh;border-radius:12px 12px 0 0}" +
    ".bubble{right:12px;bottom:72px;max-width:calc(100vw - 24px)}" +
    ".launcher{right:12px;bottom:12px}}";

  function build() {
    var host = el("div", { id: "frontdesk-widget" });
    // The host element itself is in the host page's reach: only an inline
    // !important declaration outranks a rule like "* {display: none !important}".
    host.setAttribute("style", "all:initial!important;display:block!important;position:static!important;" +
      "visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important");
    var shadow = host.attachShadow({ mode: "open" });
    var root = el("div", { "class": "root" });
    ui.root = root;
    ui.shadow = shadow;
    shadow.appendChild(el("style", null, css));
    shadow.appendChild(root);
    ui.launcher = el("button", { type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "fd-panel" });
    var svg = D.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = D.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z");
    svg.appendChild(path);
    ui.launcher.appendChild(svg);
    ui.launcher.appendChild(el("span", null, "Help"));
    ui.count = el("span", { "class": "count", "aria-hidden": "true", hidden: true });
    ui.launcher.appendChild(ui.count);
    ui.bubble = el("button", { type: "button", "class": "bubble", hidden: true });
    ui.bubble.addEventListener("click", function () { openPanel(); showChat(); });
    ui.launcher.addEventListener("click", function () { ui.panel.hidden ? openPanel() : closePanel(); });
    ui.title = el("h2", { id: "fd-title" }, "Support");
    ui.sub = el("span", { "class": "sub" });
    ui.tabChat = el("button", { type: "button" }, "Chat"); // in the nav only when the team offers chat
    ui.tabChat.addEventListener("click", function () { showChat(); });
    var x = el("button", { type: "button", "class": "x", "aria-label": "Close" }, "\u00d7");
    x.addEventListener("click", closePanel);
    ui.tabNew = el("button", { type: "button" }, "New ticket");
    ui.tabList = el("button", { type: "button" }, "Your tickets");
    ui.tabNew.addEventListener("click", function () { showForm(); });
    ui.tabList.addEventListener("click", function () { showList(); });
    ui.body = el("div", { "class": "body", "aria-live": "polite" });
    ui.panel = el("div", { id: "fd-panel", "class": "panel", role: "dialog", "aria-labelledby": "fd-title", hidden: true },
      [el("header", null, [el("div", { "class": "t" }, [ui.title, ui.sub]), x]),
        ui.nav = el("nav", { "aria-label": "Widget" }, [ui.tabNew, ui.tabList]), ui.body]);
    ui.panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.stopPropagation(); closePanel(); }
    });
    root.appendChild(ui.panel);
    root.appendChild(ui.bubble);
    root.appendChild(ui.launcher);
    paint();
    (D.body || D.documentElement).appendChild(host);
  }

  // logo puts the install's logo (Settings → Brand) before the title.
  function logo(src, name) {
    if (!/^https?:\/\//.test(src)) return;
    var img = el("img", { src: src, alt: name || "", "class": "brand-logo" });
    ui.title.parentNode.insertBefore(img, ui.title);
  }

  // paint applies the team's name and colour, with text that stays legible on it.
  function paint() {
    var c = /^#[0-9a-f]{6}$/i.test(form.team.color) ? form.team.color : "#2563eb";
    ui.root.style.setProperty("--fd-accent", c);
    ui.root.style.setProperty("--fd-on", onColor(c));
    ui.title.textContent = form.team.name || "Support";
    ui.sub.textContent = "";
    ui.panel.querySelector("header").style.background = "";
    if (chatOn) {
      var b = /^#[0-9a-f]{6}$/i.test(chatOn.button_color) ? chatOn.button_color : c;
      ui.launcher.style.background = b;
      ui.launcher.style.color = onColor(b);
    }
    badge(unread);
  }

  function onColor(c) {
    var n = parseInt(c.slice(1), 16);
    return 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 150 ? "#111827" : "#ffffff";
  }

  function openPanel() {
    if (!ui.panel || !ui.panel.hidden) return;
    ui.panel.hidden = false;
    ui.bubble.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "true");
    if (chatOn) showChat();
    else if (identity || stored().length) showList(); else showForm();
  }
  function closePanel() {
    if (!ui.panel || ui.panel.hidden) return;
    if (chat) chat.shown(false);
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  // view replaces the panel's body, marks the current tab and focuses the
  // first control, so a keyboard user lands in the panel.
  function view(tab, nodes) {
    ui.gen = (ui.gen || 0) + 1;
    ui.tabChat[tab === "chat" ? "setAttribute" : "removeAttribute"]("aria-current", "page");
    ui.tabNew[tab === "new" ? "setAttribute" : "removeAttribute"]("aria-current", "page");
    ui.tabList[tab === "list" ? "setAttribute" : "removeAttribute"]("aria-current", "page");
    ui.panel.classList.toggle("chatting", tab === "chat");
    if (tab !== "chat") {
      if (chat) chat.shown(false);
      paint();
    }
    ui.body.textContent = "";
    nodes.forEach(function (n) { ui.body.appendChild(n); });
    var f = ui.body.querySelector("input,textarea,select,button");
    if (f && !ui.panel.hidden) f.focus();
  }
  function errorBox(err) { return el("p", { "class": "error", role: "alert" }, err.message || String(err)); }
  function loading() { return el("p", { "class": "meta" }, "Loading\u2026"); }
  function busy(btn, on, text) { btn.disabled = on; btn.textContent = text; }

  // --- open a ticket -------------------------------------------------

  function showForm(message) {
    var f = el("form", { novalidate: true });
    var inputs = [];
    form.fields.forEach(function (fd) {
      var node = field(fd);
      inputs.push(node);
      f.appendChild(node.wrap);
    });
    var top = el("div");
    var send = el("button", { type: "submit", "class": "primary" }, "Send");
    f.appendChild(top);
    f.appendChild(send);
    watchVisibility(inputs);
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      submit(inputs, top, send);
    });
    view("new", message ? [message, f] : [f]);
  }

  function field(fd) {
    var id = "fd-f-" + fd.name, input;
    if (fd.type === "file") input = el("input", { id: id, name: fd.name, type: "file" });
    else if (fd.type === "textarea") input = el("textarea", { id: id, name: fd.name, rows: 4 });
    else if (fd.type === "select") {
      input = el("select", { id: id, name: fd.name }, el("option", { value: "" }, "Choose\u2026"));
      (fd.options || []).forEach(function (o) { input.appendChild(el("option", { value: o }, o)); });
    } else {
      var types = { email: "email", phone: "tel", url: "url", checkbox: "checkbox" };
      input = el("input", { id: id, name: fd.name, type: types[fd.type] || "text" });
      if (fd.type === "email") input.setAttribute("autocomplete", "email");
    }
    if (fd.target === "contact.first_name") input.setAttribute("autocomplete", "name");
    if (fd.placeholder) input.setAttribute("placeholder", fd.placeholder);
    if (fd.required) input.setAttribute("aria-required", "true");
    var prefill = identity && { "contact.email": identity.email, "contact.first_name": identity.name }[fd.target];
    if (fd.type === "checkbox") input.checked = fd["default"] === "true" || fd["default"] === "on";
    else if (fd.type !== "file") input.value = prefill || fd["default"] || "";
    var label = el("label", { "for": id }, fd.label + (fd.required ? " *" : ""));
    var err = el("p", { "class": "ferr", id: id + "-err", hidden: true });
    var kids = fd.type === "checkbox" ? [el("label", { "for": id }, [input, fd.label])] : [label, input];
    if (fd.description) {
      kids.push(el("p", { "class": "hint", id: id + "-hint" }, fd.description));
      input.setAttribute("aria-describedby", id + "-hint");
    }
    kids.push(err);
    return { fd: fd, input: input, err: err, wrap: el("div", null, kids) };
  }

  function value(n) {
    if (n.fd.type === "checkbox") return n.input.checked ? "yes" : "";
    if (n.fd.type === "file") return n.input.files[0] ? n.input.files[0].name : "";
    return n.input.value.trim();
  }

  // watchVisibility shows a field with show_if only while the named field has a value.
  function watchVisibility(nodes) {
    function update() {
      nodes.forEach(function (n) {
        if (!n.fd.show_if) return;
        var other = nodes.filter(function (m) { return m.fd.name === n.fd.show_if; })[0];
        n.wrap.hidden = !(other && !other.wrap.hidden && value(other));
      });
    }
    nodes.forEach(function (n) { n.input.addEventListener("input", update); n.input.addEventListener("change", update); });
    update();
  }

  function payload(nodes) {
    var p = { identity: identity || undefined, fields: [] };
    var keys = { "contact.first_name": "name", "contact.last_name": "last_name", "contact.email": "email",
      "contact.phone": "phone", "ticket.subject": "subject", "ticket.description": "message", "ticket.priority": "priority" };
    nodes.forEach(function (n) {
      var v = value(n);
      if (n.wrap.hidden || v === "" || n.fd.type === "file") return;
      if (keys[n.fd.target]) p[keys[n.fd.target]] = v;
      else p.fields.push({ name: n.fd.name, label: n.fd.label, value: v });
    });
    return withFiles(p, nodes.filter(function (n) { return !n.wrap.hidden && n.fd.type === "file"; })
      .map(function (n) { return [n.fd.name, n.input.files[0]]; }));
  }

  // withFiles sends the JSON alone, or as the "payload" part beside files.
  function withFiles(p, files) {
    files = files.filter(function (f) { return f[1]; });
    if (!files.length) return p;
    var fd = new FormData();
    fd.append("payload", JSON.stringify(p));
    files.forEach(function (f) { fd.append(f[0], f[1], f[1].name); });
    return fd;
  }

  function check(nodes) {
    var bad = null;
    nodes.forEach(function (n) {
      var missing = !n.wrap.hidden && n.fd.required && !value(n);
      mark(n, missing ? "Please fill this in." : "");
      if (missing && !bad) bad = n;
    });
    return bad;
  }
  function mark(n, msg) {
    n.err.textContent = msg;
    n.err.hidden = !msg;
    if (msg) {
      n.input.setAttribute("aria-invalid", "true");
      n.input.setAttribute("aria-errormessage", n.err.id);
    } else n.input.removeAttribute("aria-invalid");
  }

  function submit(nodes, top, send) {
    top.textContent = "";
    var bad = check(nodes);
    if (bad) { bad.input.focus(); return; }
    busy(send, true, "Sending\u2026");
    call("POST", "/tickets", payload(nodes)).then(function (t) {
      // No token: the address belongs to a customer, who gets the link by mail.
      if (!t.token) return view("list", [el("p", { "class": "ok", role: "status" },
        "Thanks \u2014 we have mailed you a link to follow this ticket.")]);
      remember(t);
      showThread(t.token, el("p", { "class": "ok", role: "status" }, "Ticket #" + t.number + " is open. We will answer here and by email."));
    }, function (err) {
      busy(send, false, "Send");
      var first = null;
      nodes.forEach(function (n) {
        var m = (err.fields || {})[n.fd.name] || serverField(err.fields, n.fd.target);
        mark(n, m || "");
        if (m && !first) first = n;
      });
      top.appendChild(errorBox(err));
      (first ? first.input : send).focus();
    });
  }

  // serverField finds the server's message for a field by what it fills.
  function serverField(fields, target) {
    var names = {
      "contact.email": ["email", "contact.email"], "contact.first_name": ["first_name", "name"],
      "ticket.subject": ["subject"], "ticket.description": ["description", "message"], "ticket.priority": ["priority"]
    }[target] || [];
    for (var i = 0; i < names.length; i++) if (fields && fields[names[i]]) return fields[names[i]];
    return "";
  }

  // --- the visitor's tickets -----------------------------------------

  // current reports whether no other view replaced the one a request
  // was made for: a late answer must not cover what the visitor chose since.
  function current() {
    var gen = ui.gen;
    return function () { return ui.gen === gen; };
  }

  function showList() {
    view("list", [loading()]);
    var still = current();
    var got = isSigned() ? call("POST", "/mine", { identity: identity }).then(function (d) { return d.items || []; })
      : Promise.resolve(stored());
    got.then(function (items) {
      if (!still()) return;
      if (!items.length) {
        var go = el("button", { type: "button", "class": "link" }, "Open a ticket");
        go.addEventListener("click", function () { showForm(); });
        view("list", [el("p", null, "You have no tickets with us yet."), go]);
        return;
      }
      var ul = el("ul");
      items.forEach(function (t) {
        var b = el("button", { type: "button", "class": "item" },
          [el("strong", null, t.subject), el("span", { "class": "meta" }, "#" + t.number + (t.status ? " \u00b7 " + t.status : ""))]);
        b.addEventListener("click", function () { showThread(t.token); });
        ul.appendChild(el("li", null, b));
      });
      view("list", [ul]);
    }, function (err) {
      if (still()) view("list", [errorBox(err.status === 403 ? new Error("We could not verify who you are, so we cannot show your tickets: " +
        err.message + ". Please sign in again on this site.") : err)]);
    });
  }

  // --- one ticket ----------------------------------------------------

  function showThread(token, notice) {
    view("list", [loading()]);
    var still = current();
    call("GET", "/t/" + encodeURIComponent(token)).then(function (t) {
      remember(t);
      if (still()) renderThread(t, notice);
    }, function (err) {
      if (still()) view("list", [errorBox(err.status === 404 ? new Error("This ticket is no longer available here.") : err)]);
    });
  }

  function renderThread(t, notice) {
    var back = el("button", { type: "button", "class": "link" }, "\u2190 Your tickets");
    back.addEventListener("click", showList);
    var ul = el("ul", { "class": "thread", "aria-label": "Messages" });
    (t.messages || []).forEach(function (m) {
      var when = new Date(m.created_at);
      ul.appendChild(el("li", { "class": "msg" + (m.from_team ? " team" : "") }, [
        el("div", { "class": "meta" }, (m.author || (m.from_team ? "Support" : "You")) + " \u00b7 " +
          (isNaN(when) ? "" : when.toLocaleString())),
        el("p", null, m.body),
        (m.files || []).length ? el("ul", { "class": "files", "aria-label": "Files" }, m.files.map(function (f) {
          return el("li", null, el("a", { href: base + f.path, target: "_blank", rel: "noopener" }, f.name));
        })) : null
      ]));
    });
    var nodes = [back];
    if (notice) nodes.push(notice);
    nodes.push(el("h3", null, t.subject), el("p", { "class": "meta" }, "#" + t.number + " \u00b7 " + t.status), ul);
    nodes.push(answerForm(t));
    view("list", nodes);
  }

  function answerForm(t) {
    var id = "fd-answer";
    var text = el("textarea", { id: id, name: "body", rows: 3, "aria-required": "true" });
    var send = el("button", { type: "submit", "class": "primary" }, "Send answer");
    var top = el("div");
    var files = el("input", { id: id + "-files", type: "file", multiple: true });
    var f = el("form", { "class": "answer", novalidate: true },
      [el("label", { "for": id }, t.open ? "Your answer" : "Write to reopen this ticket"), text,
        el("label", { "for": id + "-files" }, "Attach files"), files, top, send]);
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      top.textContent = "";
      if (!text.value.trim() && !files.files.length) {
        top.appendChild(errorBox(new Error("Write something first."))); text.focus(); return;
      }
      busy(send, true, "Sending\u2026");
      var body = withFiles({ body: text.value }, [].map.call(files.files, function (x) { return ["files", x]; }));
      call("POST", "/t/" + encodeURIComponent(t.token) + "/messages", body).then(function (nt) {
        renderThread(nt, el("p", { "class": "ok", role: "status" }, "Your answer was sent."));
      }, function (err) {
        busy(send, false, "Send answer");
        top.appendChild(errorBox(err.fields && err.fields.files ? new Error(err.fields.files) : err));
      });
    });
    return f;
  }

  // --- live chat ---------------------------------------------------------
  // The chat window is chat.js, loaded only when the visitor opens the
  // launcher (or has a chat going from an earlier page, for its badge).

  function showChat() {
    if (!ui.chatBox) ui.chatBox = el("div", { "class": "chatbox" });
    view("chat", [ui.chatBox]);
    loadChat(function () {
      chat.head();
      chat.shown(!ui.panel.hidden);
      if (!ui.panel.hidden) chat.focus();
    });
  }

  function loadChat(then) {
    if (chat) return then && then();
    if (chatLoading) return;
    chatLoading = true;
    if (!ui.chatBox) ui.chatBox = el("div", { "class": "chatbox" });
    ui.chatBox.appendChild(loading());
    var s = D.createElement("script");
    s.src = base + "/chat.js";
    s.async = true;
    s.onload = function () {
      ui.chatBox.textContent = "";
      chat = W.__frontdeskChat({ base: base, channel: chatSlug, shadow: ui.shadow, identity: function () { return identity; },
        head: chatHead, badge: badge }, ui.chatBox);
      if (then) then();
    };
    s.onerror = function () {
      chatLoading = false;
      ui.chatBox.textContent = "";
      ui.chatBox.appendChild(errorBox(new Error("The chat could not load. Check your connection and try again.")));
    };
    (D.head || D.body).appendChild(s);
  }

  // chatHead puts the channel's name, colour and operator in the header.
  function chatHead(title, sub, color) {
    if (!ui.panel.classList.contains("chatting")) return;
    ui.title.textContent = title;
    ui.sub.textContent = sub;
    var h = ui.panel.querySelector("header");
    h.style.background = color;
    h.style.color = onColor(color);
  }

  // badge counts the operator's messages that came while the window was shut.
  // The label starts with the visible word, as speech users say it.
  function badge(n) {
    unread = n;
    ui.count.textContent = n ? String(n) : "";
    ui.count.hidden = !n;
    ui.launcher.setAttribute("aria-label", "Help: contact " + (form.team.name || "support") +
      (n ? " (" + n + " unread message" + (n > 1 ? "s" : "") + ")" : ""));
  }

  // offerChat asks the channel's rules about this page (docs/chat.md,
  // "Rules"): hide draws nothing, notify shows the bubble, auto_open opens
  // the chat after its delay. Single-page sites change the path without a
  // load, so pushState, replaceState and popstate ask again.
  var page = null, timer = 0;
  function offerChat() {
    var here = W.location.pathname + W.location.search;
    if (here === page) return;
    page = here;
    var url = base + "/widget/v1/chat/channels/" + encodeURIComponent(chatSlug) + "?page=" + encodeURIComponent(here);
    fetch(url, { credentials: "omit" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
      ui.root.style.display = "";
      if (!d || !d.channel) return;
      if (!chatOn) {
        ui.nav.insertBefore(ui.tabChat, ui.tabNew);
        followHistory();
      }
      chatOn = d.channel;
      paint();
      follow(d.rule || {});
    }, function () { ui.root.style.display = ""; /* no chat here: the widget stays as it was */ });
  }
  function follow(rule) {
    W.clearTimeout(timer);
    chatOn.bot = !!rule.chatbot;
    ui.bubble.hidden = true;
    if (rule.action === "hide") {
      closePanel();
      ui.root.style.display = "none";
      return;
    }
    var kept = null;
    try { kept = W.localStorage.getItem("frontdesk:chat:" + chatSlug); } catch (e) { /* private mode */ }
    if (kept) return loadChat(); // a chat is going: the badge speaks, not the bubble
    if (rule.action === "notify" && chatOn.notification_text && ui.panel.hidden) {
      ui.bubble.textContent = chatOn.notification_text;
      ui.bubble.hidden = false;
    }
    if (rule.action === "auto_open") timer = W.setTimeout(openPanel, (rule.delay_s || 0) * 1000);
  }
  function followHistory() {
    ["pushState", "replaceState"].forEach(function (k) {
      var f = W.history[k];
      W.history[k] = function () { var r = f.apply(this, arguments); offerChat(); return r; };
    });
    W.addEventListener("popstate", offerChat);
  }

  // --- start -----------------------------------------------------------

  // start asks the server whether this site may show the widget, and
  // draws nothing when it may not (a form that fails on send is worse
  // than no form); then it draws the launcher and loads the team's form.
  function start() {
    var no = function (why) {
      if (W.console) W.console.info("Frontdesk widget: not shown: " + why);
    };
    fetch(api + "/hello", { method: "POST", credentials: "omit" }).then(function (res) {
      if (res.ok) draw();
      else no("the support desk answered " + res.status + ".");
    }, function () { no("this site is not allowed to show the " + team + " widget, or the support desk is unreachable."); });
  }
  function draw() {
    build();
    ui.root.style.display = "none"; // until the rules say whether this page shows it
    offerChat();
    call("GET", "/form").then(function (d) {
      if (d && d.team) form.team = { name: d.team.name, color: d.team.color || (d.brand && d.brand.color) };
      if (d && d.brand && d.brand.logo) logo(d.brand.logo, d.brand.name);
      if (d && d.fields && d.fields.length) form.fields = d.fields;
      paint();
    }, function () { /* the defaults stand */ });
  }
  if (D.body) start(); else D.addEventListener("DOMContentLoaded", start);
})();
