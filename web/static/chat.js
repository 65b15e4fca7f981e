// Frontdesk chat window (docs/chat.md): loaded by /widget.js when the
// visitor opens the launcher, and by the direct chat page /chat/{channel}.
// Plain JavaScript, no build. Every server value goes into the page as
// text (createElement/textContent), never as HTML.
(function () {
  "use strict";
  var W = window, D = document;
  if (W.__frontdeskChat) return;

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
  function store(key, v) {
    try {
      if (v === undefined) return JSON.parse(W.localStorage.getItem(key) || "null");
      if (v === null) W.localStorage.removeItem(key); else W.localStorage.setItem(key, JSON.stringify(v));
    } catch (e) { /* private mode: the chat lasts as long as the page */ }
    return null;
  }
  function rid(p) { return p + Date.now().toString(36) + Math.random().toString(36).slice(2, 10); }
  function color(c, d) { return /^#[0-9a-f]{6}$/i.test(c) ? c : d; }
  function onColor(c) {
    var n = parseInt(c.slice(1), 16);
    return 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 150 ? "#111827" : "#ffffff";
  }

  var css = ".fdc{display:flex;flex-direction:column;gap:10px;min-height:0;flex:1;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937}" +
    ".fdc *{box-sizing:border-box;margin:0}.fdc [hidden]{display:none!important}" +
    ".fdc-head{display:flex;flex-direction:column;padding:12px 14px;border-radius:10px;background:var(--fdc-head);color:var(--fdc-head-on)}" +
    ".fdc-head strong{font-weight:600;font-size:17px;overflow-wrap:anywhere}.fdc-head span{font-size:14px;opacity:.9}" +
    ".fdc-status{font-size:14px;color:#4b5563}.fdc-status:empty{display:none}" +
    ".fdc-log{display:flex;flex-direction:column;gap:8px;overflow-y:auto;min-height:120px;flex:1}" +
    ".fdc-m{max-width:85%;padding:8px 10px;border-radius:10px;background:#f3f4f6;align-self:flex-start}" +
    ".fdc-m.me{align-self:flex-end;background:var(--fdc-btn);color:var(--fdc-btn-on)}" +
    ".fdc-m.sys{align-self:center;background:none;color:#6b7280;font-size:13px;text-align:center}" +
    ".fdc-m p{white-space:pre-wrap;overflow-wrap:anywhere}.fdc-who{font-size:12px;opacity:.8}" +
    ".fdc-m a{color:inherit;text-decoration:underline;overflow-wrap:anywhere}.fdc-m img{display:block;max-width:100%;max-height:200px;border-radius:6px;margin-top:4px}" +
    ".fdc-m ul{list-style:none;padding:0}.fdc-note{font-size:12px}.fdc-fail{font-size:13px;color:#b91c1c;background:#fff;border-radius:4px;padding:2px 4px;margin-top:4px}" +
    ".fdc-typing{font-size:13px;color:#6b7280;min-height:18px}" +
    ".fdc form{display:flex;flex-direction:column;gap:8px}" +
    ".fdc label{display:block;font-weight:600;font-size:14px;margin-bottom:2px}" +
    ".fdc input,.fdc textarea{display:block;width:100%;padding:8px 10px;border:1px solid #9ca3af;border-radius:6px;background:#fff;color:#111827;font:inherit}" +
    ".fdc textarea{min-height:64px;resize:vertical}.fdc [aria-invalid=true]{border-color:#b91c1c}" +
    ".fdc input[type=radio]{display:inline-block;width:auto;margin-right:6px}" +
    ".fdc-row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}" +
    ".fdc-send{flex-wrap:nowrap}.fdc-send input{flex:1;min-width:0;padding:4px;border:0;font-size:13px}.fdc-send .fdc-btn{align-self:center}" +
    ".fdc-link{align-self:flex-start}.fdc-choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}.fdc-choices .fdc-sec{padding:6px 12px}" +
    ".fdc-btn{align-self:flex-start;padding:9px 14px;border:0;border-radius:6px;background:var(--fdc-btn);color:var(--fdc-btn-on);font-family:inherit;font-size:15px;font-weight:600;cursor:pointer}" +
    ".fdc-btn:disabled{opacity:.6;cursor:wait}" +
    ".fdc-sec{align-self:flex-start;padding:8px 12px;border:1px solid #9ca3af;border-radius:6px;background:#fff;color:#1f2937;font:inherit;cursor:pointer}" +
    ".fdc-link{background:none;border:0;padding:0;color:#1d4ed8;text-decoration:underline;cursor:pointer;font:inherit}" +
    ".fdc-ferr,.fdc-err{color:#b91c1c;font-size:14px}.fdc-err{background:#fef2f2;border:1px solid #fecaca;padding:8px 10px;border-radius:6px}" +
    ".fdc-ok{background:#f0fdf4;border:1px solid #bbf7d0;padding:8px 10px;border-radius:6px;color:#166534}" +
    ".fdc fieldset{border:0;padding:0}.fdc legend{font-weight:600;margin-bottom:4px}" +
    ".fdc-rate{display:flex;gap:6px;flex-wrap:wrap}.fdc-rate label{font-weight:400;padding:6px 10px;border:1px solid #9ca3af;border-radius:999px;cursor:pointer}" +
    ".fdc button:focus-visible,.fdc input:focus-visible,.fdc textarea:focus-visible,.fdc a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}" +
    ".fdc-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}";

  function addCSS(root) {
    try {
      var s = new CSSStyleSheet();
      s.replaceSync(css);
      root.adoptedStyleSheets = [].concat(root.adoptedStyleSheets || [], [s]);
    } catch (e) { root.appendChild(el("style", null, css)); }
  }

  // Chat is one visitor's chat on one channel. host: {base, channel,
  // identity(), head(title, sub, colour) or null (draws its own), badge(n), open()}.
  function Chat(host) {
    this.h = host;
    this.api = host.base + "/widget/v1/chat/";
    this.key = "frontdesk:chat:" + host.channel;
    this.seen = {};
    this.pending = {};
    this.unread = 0;
    this.backoff = 500;
  }
  var C = Chat.prototype;

  // call talks JSON (or multipart with a FormData) to the chat endpoints;
  // a refusal becomes an Error with the server's words and field messages.
  C.call = function (method, path, body) {
    var init = { method: method, credentials: "omit", headers: {} };
    if (body instanceof FormData) init.body = body;
    else if (body) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(this.api + path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (d) {
        if (res.ok) return d;
        var e = (d && d.error) || {};
        var err = new Error(explain(res.status, e));
        err.status = res.status; err.code = e.code; err.fields = e.fields || {};
        throw err;
      });
    }, function () { throw new Error("Could not reach the support desk. Check your connection and try again."); });
  };
  function explain(status, e) {
    var m = { 409: "This chat is over.", 413: "That is too large to send (10 MB a file, 5 files at most).",
      429: "Too many messages from here. Wait a minute, then try again.",
      403: "Chat is not available on this site right now." }[status];
    return e.message ? e.message.charAt(0).toUpperCase() + e.message.slice(1) + "." : (m || "The support desk answered " + status + ".");
  }
  C.tk = function () { return "chats/" + encodeURIComponent(this.token) + "/"; };

  // mount draws the chat into box (inside a shadow root) and starts it.
  C.mount = function (box) {
    var me = this;
    me.box = el("div", { "class": "fdc" });
    box.appendChild(me.box);
    if (!me.h.head) {
      me.headTitle = el("strong", null, "Chat");
      me.headSub = el("span");
      me.box.appendChild(el("div", { "class": "fdc-head" }, [me.headTitle, me.headSub]));
    }
    me.main = el("div", { "class": "fdc", "aria-live": "polite" });
    me.box.appendChild(me.main);
    me.show([el("p", { "class": "fdc-status" }, "Loading\u2026")]);
    me.load();
  };
  C.show = function (nodes) {
    this.main.textContent = "";
    var m = this.main;
    nodes.forEach(function (n) { if (n) m.appendChild(n); });
  };
  C.focus = function () {
    var f = this.main && this.main.querySelector("textarea,input,button");
    if (f) f.focus();
  };
  C.shown = function (open) {
    this.open = open;
    if (open) { this.unread = 0; this.h.badge(0); this.readUp(); }
  };
  C.head = function (sub) {
    if (sub !== undefined) this.sub = sub;
    sub = this.sub;
    var ch = this.channel;
    if (!ch) return;
    var c = color(ch.header_color, "#2563eb");
    if (this.h.head) this.h.head(ch.name || "Chat", sub || "", c);
    else {
      this.headTitle.textContent = ch.name || "Chat";
      this.headSub.textContent = sub || "";
      this.box.style.setProperty("--fdc-head", c);
      this.box.style.setProperty("--fdc-head-on", onColor(c));
    }
  };

  // load reads the channel, then resumes the chat this browser holds or
  // offers a new one (or the offline form when nobody is there).
  C.load = function () {
    var me = this;
    // The page's rule may put a chatbot in front (docs/chat.md, "Rules").
    var here = "?page=" + encodeURIComponent(location.pathname + location.search);
    me.call("GET", "channels/" + encodeURIComponent(me.h.channel) + here).then(function (d) {
      me.channel = d.channel;
      var b = color(d.channel.button_color, "#2563eb");
      me.box.style.setProperty("--fdc-btn", b);
      me.box.style.setProperty("--fdc-btn-on", onColor(b));
      me.head();
      var kept = store(me.key);
      if (kept && kept.token) { me.token = kept.token; me.socketURL = kept.socket; return me.resume(); }
      if (!d.available && !d.queue && !(d.rule && d.rule.chatbot)) return me.offlineForm(null);
      me.startView(d);
    }, function (err) { me.show([me.errBox(err)]); });
  };
  C.errBox = function (err) { return el("p", { "class": "fdc-err", role: "alert" }, err.message || String(err)); };

  C.resume = function () {
    var me = this;
    me.call("GET", "chats/" + encodeURIComponent(me.token)).then(function (d) {
      me.chat = d.chat;
      me.oldSeq = d.chat.last_seq; // the replay of these is no news for the badge
      me.chatView();
      me.connect();
    }, function (err) {
      if (err.status !== 404) return me.show([me.errBox(err)]);
      store(me.key, null); // the chat is gone: start afresh
      me.token = null;
      me.load();
    });
  };

  // --- fields and forms -------------------------------------------------

  C.field = function (name, label, type, req, value) {
    var id = "fdc-" + name;
    var input = type === "textarea" ? el("textarea", { id: id, name: name, rows: 3 }) :
      el("input", { id: id, name: name, type: type, autocomplete: { name: "name", email: "email" }[name] });
    if (type === "file") input.multiple = true;
    else input.value = value || "";
    if (req) input.setAttribute("aria-required", "true");
    var err = el("p", { "class": "fdc-ferr", id: id + "-err", hidden: true });
    return { name: name, input: input, err: err, req: req,
      wrap: el("div", null, [el("label", { "for": id }, label + (req ? " *" : "")), input, err]) };
  };
  function mark(f, msg) {
    msg = msg ? msg.charAt(0).toUpperCase() + msg.slice(1) + (/[.!?]$/.test(msg) ? "" : ".") : "";
    f.err.textContent = msg;
    f.err.hidden = !msg;
    if (msg) { f.input.setAttribute("aria-invalid", "true"); f.input.setAttribute("aria-errormessage", f.err.id); }
    else f.input.removeAttribute("aria-invalid");
  }
  // showErrors puts the server's field messages beside the fields; the
  // first one with an error takes the focus.
  function showErrors(fields, err, top) {
    var first = null;
    fields.forEach(function (f) {
      var m = (err.fields || {})[f.name] || (f.name === "message" && (err.fields || {}).body) || "";
      mark(f, m);
      if (m && !first) first = f;
    });
    top.textContent = "";
    top.appendChild(el("p", { "class": "fdc-err", role: "alert" }, err.fields && err.fields.files || err.message));
    if (first) first.input.focus();
  }
  function missing(fields) {
    var bad = null;
    fields.forEach(function (f) {
      var gap = f.req && !f.input.value.trim();
      mark(f, gap ? "Please fill this in." : "");
      if (gap && !bad) bad = f;
    });
    if (bad) bad.input.focus();
    return bad;
  }
  // body sends JSON, or multipart with the JSON as "payload" beside files.
  function body(p, fileInput) {
    if (!fileInput || !fileInput.files.length) return p;
    var fd = new FormData();
    fd.append("payload", JSON.stringify(p));
    [].forEach.call(fileInput.files, function (f) { fd.append("files", f, f.name); });
    return fd;
  }

  // offlineForm: nobody can chat (chat null), or nobody answered this chat
  // in time (missed): the visitor leaves a message that becomes a ticket.
  C.offlineForm = function (missed, note) {
    var me = this, v = (missed && missed.visitor) || {}, who = me.h.identity() || {};
    var fs = [me.field("name", "Your name", "text", true, v.name || who.name),
      me.field("email", "Email", "email", true, v.email || who.email),
      me.field("message", "Message", "textarea", false, note || ""), me.field("files", "Attach files", "file", false)];
    var top = el("div"), send = el("button", { type: "submit", "class": "fdc-btn" }, "Send message");
    var f = el("form", { novalidate: true, "aria-label": "Leave a message" }, fs.map(function (x) { return x.wrap; }).concat([top, send]));
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (missing(fs)) return;
      send.disabled = true;
      var p = { name: fs[0].input.value.trim(), email: fs[1].input.value.trim(), message: fs[2].input.value };
      var path = missed ? me.tk() + "offline" : "channels/" + encodeURIComponent(me.h.channel) + "/offline";
      me.call("POST", path, body(p, fs[3].input)).then(function (d) {
        if (missed) store(me.key, null);
        me.show([el("p", { "class": "fdc-ok", role: "status" }, "Thanks \u2014 your message is ticket #" + d.ticket.number +
          ". We will reply by mail."), me.newChatButton()]);
      }, function (err) { send.disabled = false; showErrors(fs, err, top); });
    });
    me.head(missed ? "Nobody could answer in time" : "We are away right now");
    me.show([el("p", null, missed ? "Sorry, nobody could answer in time. Leave us a message and we will reply by mail." :
      "Nobody is available to chat right now. Leave us a message and we will reply by mail."), f]);
  };

  // startView: the welcome message, the pre-chat fields the channel asks
  // for, and the first message, which starts the chat.
  C.startView = function (d) {
    var me = this, o = me.channel.prechat || {}, who = me.h.identity() || {}, fs = [];
    if (o.name && o.name !== "off") fs.push(me.field("name", "Your name", "text", o.name === "required", who.name));
    if (o.email && o.email !== "off") fs.push(me.field("email", "Email", "email", o.email === "required", who.email));
    var log = me.logList();
    me.welcome(log);
    var status = el("p", { "class": "fdc-status" }, d.available || (d.rule && d.rule.chatbot) ? "" :
      "Everyone is busy; you will wait in line" + (d.waiting ? " (" + d.waiting + " ahead of you)." : "."));
    var c = me.composer(function (text, files, top) {
      if (missing(fs)) return;
      var p = { visitor: me.visitorKey(), identity: me.h.identity() || undefined, message: text, client_id: rid("c-"),
        page: { url: location.href, title: D.title } };
      fs.forEach(function (f) { p[f.name] = f.input.value.trim(); });
      c.send.disabled = true;
      me.call("POST", "channels/" + encodeURIComponent(me.h.channel) + "/chats", p).then(function (r) {
        me.token = r.token; me.socketURL = r.socket; me.chat = r.chat;
        store(me.key, { token: r.token, socket: r.socket });
        me.chatView();
        me.connect();
        if (files.files.length) me.upload("", files);
      }, function (err) {
        c.send.disabled = false;
        if (err.status === 409) return me.offlineForm(null, text);
        showErrors(fs, err, top);
      });
    });
    me.head("");
    me.show([log, status].concat(fs.map(function (x) { return x.wrap; })).concat([c.form]));
  };
  C.visitorKey = function () {
    var k = store("frontdesk:visitor");
    if (!k) { k = rid("v-"); store("frontdesk:visitor", k); }
    return k;
  };
  C.logList = function () {
    this.log = el("div", { "class": "fdc-log", role: "log", "aria-live": "polite", "aria-label": "Messages" });
    return this.log;
  };
  C.welcome = function (log) {
    var ch = this.channel;
    if (ch.welcome_message) log.appendChild(el("div", { "class": "fdc-m" },
      [el("div", { "class": "fdc-who" }, ch.name), el("p", null, ch.welcome_message)]));
  };

  // composer is the answer box: Enter sends, Shift+Enter is a new line.
  C.composer = function (onSend) {
    var me = this, ph = (me.channel && me.channel.input_placeholder) || "";
    var text = el("textarea", { id: "fdc-text", name: "body", rows: 2, placeholder: ph, "aria-label": "Message" });
    var files = el("input", { id: "fdc-files", type: "file", multiple: true });
    var send = el("button", { type: "submit", "class": "fdc-btn" }, "Send");
    var top = el("div");
    var form = el("form", { novalidate: true, "aria-label": "Write a message" }, [text, top,
      el("div", { "class": "fdc-row fdc-send" }, [el("label", { "for": "fdc-files", "class": "fdc-sr" }, "Attach files"), files, send])]);
    text.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); form.requestSubmit ? form.requestSubmit() : send.click(); }
    });
    text.addEventListener("input", function () { me.typing(true); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      top.textContent = "";
      if (!text.value.trim() && !files.files.length) { top.appendChild(me.errBox(new Error("Write something first."))); return text.focus(); }
      onSend(text.value.replace(/^\s*\n/, ""), files, top); // no blank lines before the first (a key that pressed a button)
    });
    me.text = text;
    return { form: form, text: text, files: files, send: send, top: top };
  };

  // --- the conversation ---------------------------------------------------

  C.chatView = function () {
    var me = this;
    me.seen = {};
    me.lastSeq = 0;
    var log = me.logList();
    me.welcome(log);
    me.status = el("p", { "class": "fdc-status", role: "status" });
    me.typer = el("p", { "class": "fdc-typing", "aria-live": "off" });
    var c = me.composer(function (text, files, top) {
      me.typing(false);
      if (files.files.length) return me.upload(text, files, top);
      c.text.value = "";
      me.sendText(text, rid("c-"));
    });
    me.compose = c;
    var end = el("button", { type: "button", "class": "fdc-link fdc-end" }, "End chat");
    var ask = el("div", { "class": "fdc-row", hidden: true });
    var yes = el("button", { type: "button", "class": "fdc-btn fdc-yes" }, "End chat");
    var no = el("button", { type: "button", "class": "fdc-sec" }, "Keep chatting");
    ask.appendChild(el("span", null, "End this chat?"));
    ask.appendChild(yes); ask.appendChild(no);
    end.addEventListener("click", function () { ask.hidden = false; end.hidden = true; yes.focus(); });
    no.addEventListener("click", function () { ask.hidden = true; end.hidden = false; end.focus(); });
    yes.addEventListener("click", function () {
      yes.disabled = true;
      me.call("POST", me.tk() + "end").then(function (d) { me.state(d.chat); }, function (err) {
        yes.disabled = false; c.top.appendChild(me.errBox(err));
      });
    });
    me.show([me.status, log, me.typer, c.form, el("div", { "class": "fdc-row" }, [end, ask])]);
    me.state(me.chat);
    me.watchPages();
  };

  // state shows where the chat stands: in line, with whom, or over.
  C.state = function (chat) {
    var me = this, was = me.chat && me.chat.state;
    me.chat = chat;
    me.choicesUp();
    if (chat.state === "ended") { me.stop(); return me.closing(); }
    if (chat.state === "missed") {
      me.stop();
      var note = (me.text && me.text.value) || "";
      Object.keys(me.pending).forEach(function (k) { note = me.pending[k].body + (note ? "\n" + note : ""); });
      if (chat.ticket) {
        store(me.key, null);
        return me.show([el("p", { "class": "fdc-ok", role: "status" }, "Nobody could answer in time, so your messages are ticket #" +
          chat.ticket.number + ". We will reply by mail."), me.newChatButton()]);
      }
      return me.offlineForm(chat, note);
    }
    var op = (chat.operator && chat.operator.name) || chat.bot;
    me.head(op ? "You are chatting with " + op : "Waiting for someone to answer");
    if (!me.status) return;
    me.status.textContent = chat.bot ? "" : chat.state === "queued" ? (chat.place ? "You are number " + chat.place + " in line." :
      "Waiting for someone to answer\u2026") : (op && was !== chat.state ? op + " joined the chat." : me.status.textContent);
  };
  C.stop = function () {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.ws) this.ws.close();
  };

  // connect opens the socket and resumes after the last seq it holds;
  // a drop reconnects with backoff (0.5 s doubling to 10 s).
  C.connect = function () {
    var me = this;
    if (me.stopped || !me.socketURL || me.ws) return;
    me.watchNetwork();
    if (navigator.onLine === false) return; // the "online" event comes back here
    var ws = new WebSocket(me.socketURL);
    me.ws = ws;
    ws.onopen = function () {
      me.backoff = 500;
      ws.send(JSON.stringify({ type: "resume", after: me.lastSeq || 0 }));
      Object.keys(me.pending).forEach(function (k) {
        var p = me.pending[k];
        if (p.queued) { p.queued = false; me.put({ type: "message", client_id: k, body: p.body }); }
      });
    };
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      me.frame(f);
    };
    ws.onclose = function () { me.dropped(ws); };
  };
  // dropped forgets a socket that closed (or that the network took away):
  // what it had not acknowledged is unsent, and a new one follows.
  C.dropped = function (ws) {
    var me = this;
    if (me.ws !== ws) return;
    me.ws = null;
    ws.onclose = ws.onmessage = null;
    ws.close();
    me.failPending("Not sent \u2014 the connection dropped.");
    if (me.stopped) return;
    clearTimeout(me.retry);
    me.retry = setTimeout(function () { me.connect(); }, me.backoff);
    me.backoff = Math.min(me.backoff * 2, 10000);
  };
  // watchNetwork: a socket can linger half-open after the network went
  // away, so the browser's offline event drops it at once, and the
  // online event reconnects without waiting out the backoff.
  C.watchNetwork = function () {
    var me = this;
    if (me.watching) return;
    me.watching = true;
    W.addEventListener("offline", function () { if (me.ws) me.dropped(me.ws); });
    W.addEventListener("online", function () {
      clearTimeout(me.retry);
      me.backoff = 500;
      me.connect();
    });
  };
  C.live = function () { return this.ws && this.ws.readyState === 1; };
  C.put = function (f) { if (this.live()) this.ws.send(JSON.stringify(f)); };

  C.frame = function (f) {
    var me = this;
    if (f.type === "message") me.message(f.message);
    else if (f.type === "ack" && me.pending[f.client_id]) me.pending[f.client_id].acked = true;
    else if (f.type === "error") {
      if (f.client_id && me.pending[f.client_id]) me.fail(f.client_id, "Not sent \u2014 " + f.message + ".");
      else if (me.status) me.status.textContent = str(f.message);
    } else if (f.type === "state" && f.chat) me.state(f.chat);
    else if (f.type === "typing" && f.from === "operator") me.showTyping(f.active ? (f.name || "Someone") + " is typing\u2026" : "");
  };

  // message shows a committed message once, in seq order.
  C.message = function (m) {
    var me = this;
    if (!m || me.seen[m.seq] || m.private) return;
    me.seen[m.seq] = true;
    me.lastSeq = Math.max(me.lastSeq, m.seq);
    var p = m.client_id && me.pending[m.client_id];
    if (p) { p.li.remove(); delete me.pending[m.client_id]; }
    var li = me.bubble(m);
    var after = [].filter.call(me.log.children, function (x) { return x.dataset.seq && +x.dataset.seq > m.seq; })[0] ||
      me.log.querySelector(".pending");
    me.log.insertBefore(li, after || null);
    me.choicesUp();
    me.log.scrollTop = me.log.scrollHeight; // never scrollIntoView: it would scroll the host page too
    if (m.author === "operator") {
      me.showTyping("");
      if (me.open) me.readUp();
      else if (m.seq > (me.oldSeq || 0)) { me.unread++; me.h.badge(me.unread); }
    }
  };
  C.bubble = function (m) {
    var me = this, mine = m.author === "visitor";
    var who = mine ? "You" : m.author === "system" ? "" : (m.operator && m.operator.name) || "Support";
    var li = el("div", { "class": "fdc-m" + (mine ? " me" : m.author === "system" ? " sys" : ""), "data-seq": m.seq },
      [who ? el("div", { "class": "fdc-who" }, who) : null, m.body ? el("p", null, m.body) : null]);
    if ((m.choices || []).length) li.appendChild(me.choices(m.choices));
    if ((m.files || []).length) li.appendChild(el("ul", { "aria-label": "Files" }, m.files.map(function (f) {
      var url = me.api + me.tk() + "files/" + encodeURIComponent(f.id);
      var a = el("a", { href: url, target: "_blank", rel: "noopener" }, /^image\//.test(f.content_type) ? null : f.name);
      if (/^image\//.test(f.content_type)) a.appendChild(el("img", { src: url, alt: f.name }));
      return el("li", null, a);
    })));
    return li;
  };
  // choices are a bot question's answers as buttons: one sends its
  // label as the visitor's message (an answer with a link opens it too).
  C.choices = function (list) {
    var me = this;
    return el("div", { "class": "fdc-choices", role: "group", "aria-label": "Answers" }, list.map(function (c) {
      var b = el("button", { type: "button", "class": "fdc-sec" }, c.label);
      var pick = function () {
        if (c.link && /^https?:\/\//.test(c.link)) W.open(c.link, "_blank", "noopener");
        me.sendText(c.label, rid("c-"));
        if (me.text) me.text.focus(); // the buttons go: the answer box keeps the keyboard
      };
      b.addEventListener("click", pick);
      // Pressed from the keyboard here, so that the key's Enter or space
      // does not follow the focus into the answer box.
      b.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
      });
      return b;
    }));
  };
  // choicesUp offers only the newest message's answers, and only while
  // the bot holds the chat: older ones were answered or passed by.
  C.choicesUp = function () {
    var me = this, last = me.log && me.log.lastElementChild;
    if (!me.log) return;
    [].forEach.call(me.log.querySelectorAll(".fdc-choices"), function (g) {
      g.hidden = !(me.chat && me.chat.bot && /^(queued|active)$/.test(me.chat.state)) || g.parentNode !== last;
    });
  };
  C.readUp = function () { if (this.lastSeq) this.put({ type: "read", seq: this.lastSeq }); };

  // sendText shows the message as sending until its message frame comes;
  // it is marked unsent on an error frame or a drop before the ack.
  C.sendText = function (text, cid) {
    var me = this, p = me.pending[cid];
    if (!p) {
      p = me.pending[cid] = { body: text, li: el("div", { "class": "fdc-m me pending" }) };
      me.log.appendChild(p.li);
      me.choicesUp();
      me.log.scrollTop = me.log.scrollHeight;
    }
    p.acked = p.failed = false;
    p.li.textContent = "";
    p.li.appendChild(el("p", null, text));
    p.li.appendChild(el("div", { "class": "fdc-note" }, "Sending\u2026"));
    if (me.ws && me.ws.readyState === 0) { p.queued = true; return; } // goes when the socket opens
    if (!me.live()) return me.fail(cid, "Not sent \u2014 you are offline.");
    me.put({ type: "message", client_id: cid, body: text });
  };
  C.fail = function (cid, why) {
    var me = this, p = me.pending[cid];
    if (!p) return;
    p.failed = true;
    p.li.removeChild(p.li.lastChild);
    var retry = el("button", { type: "button", "class": "fdc-link" }, "Retry");
    retry.setAttribute("aria-label", "Retry sending: " + p.body.slice(0, 40));
    retry.addEventListener("click", function () { me.sendText(p.body, cid); });
    p.li.appendChild(el("div", { "class": "fdc-fail", role: "alert" }, [why + " ", retry]));
  };
  C.failPending = function (why) {
    var me = this;
    Object.keys(me.pending).forEach(function (k) {
      var p = me.pending[k];
      if (!p.acked && !p.failed) { p.queued = false; me.fail(k, why); }
    });
  };

  // upload posts files (with the text, if any) over HTTP; the message
  // comes back on the socket like any other.
  C.upload = function (text, files, top) {
    var me = this, c = me.compose;
    c.send.disabled = true;
    me.call("POST", me.tk() + "messages", body({ body: text, client_id: rid("c-") }, files)).then(function (d) {
      c.send.disabled = false;
      c.text.value = ""; files.value = "";
      me.message(d.message);
    }, function (err) {
      c.send.disabled = false;
      (top || c.top).appendChild(me.errBox(err.fields && (err.fields.files || err.fields.body) ? new Error(err.fields.files || err.fields.body) : err));
    });
  };

  // typing tells the operator at most every 2 s, and that it stopped
  // after 3 s without a key.
  C.typing = function (on) {
    var me = this, now = Date.now();
    clearTimeout(me.typingOff);
    if (!me.token) return;
    if (on) {
      if (now - (me.typedAt || 0) > 2000) { me.typedAt = now; me.put({ type: "typing", active: true }); }
      me.typingOff = setTimeout(function () { me.typing(false); }, 3000);
    } else if (me.typedAt) { me.typedAt = 0; me.put({ type: "typing", active: false }); }
  };
  C.showTyping = function (text) {
    var me = this;
    if (!me.typer) return;
    me.typer.textContent = text;
    clearTimeout(me.typerOff);
    if (text) me.typerOff = setTimeout(function () { me.typer.textContent = ""; }, 6000);
  };

  // watchPages sends a page frame when the host site changes its address
  // without a load (history API).
  C.watchPages = function () {
    var me = this;
    if (me.h.page || W.__frontdeskPages) return;
    W.__frontdeskPages = true;
    var tell = function () { setTimeout(function () { me.put({ type: "page", url: location.href, title: D.title }); }, 0); };
    ["pushState", "replaceState"].forEach(function (n) {
      var orig = history[n];
      history[n] = function () { var r = orig.apply(this, arguments); tell(); return r; };
    });
    W.addEventListener("popstate", tell);
  };

  // --- the closing step ---------------------------------------------------

  C.closing = function () {
    var me = this, chat = me.chat, nodes = [el("p", { "class": "fdc-status", role: "status" }, "The chat has ended.")];
    me.head("Chat ended");
    if (!chat.rating) nodes.push(me.ratingForm());
    else nodes.push(el("p", { "class": "fdc-ok" }, "Thanks for your rating."));
    nodes.push(me.transcriptForm(), me.newChatButton());
    if (me.log) nodes.splice(1, 0, me.log);
    me.show(nodes);
  };
  C.ratingForm = function () {
    var me = this, choices = [["satisfied", "Satisfied"], ["okay", "Okay"], ["dissatisfied", "Dissatisfied"]];
    var group = el("div", { "class": "fdc-rate" }, choices.map(function (c) {
      return el("label", null, [el("input", { type: "radio", name: "rating", value: c[0] }), c[1]]);
    }));
    var comment = me.field("comment", "Comment (optional)", "textarea", false);
    var top = el("div"), send = el("button", { type: "submit", "class": "fdc-btn" }, "Send rating");
    var f = el("form", { novalidate: true, "aria-label": "Rate this chat" },
      [el("fieldset", null, [el("legend", null, "How was this chat?"), group]), comment.wrap, top, send]);
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      top.textContent = "";
      var r = f.querySelector("input[name=rating]:checked");
      if (!r) return top.appendChild(me.errBox(new Error("Choose Satisfied, Okay or Dissatisfied.")));
      send.disabled = true;
      me.call("POST", me.tk() + "rating", { rating: r.value, comment: comment.input.value }).then(function () {
        f.replaceWith(el("p", { "class": "fdc-ok", role: "status" }, "Thanks for your rating."));
      }, function (err) { send.disabled = false; top.appendChild(me.errBox(err)); });
    });
    return f;
  };
  C.transcriptForm = function () {
    var me = this, who = me.h.identity() || {};
    var email = me.field("transcript", "Mail me the transcript", "email", true, me.chat.visitor.email || who.email);
    var top = el("div"), send = el("button", { type: "submit", "class": "fdc-sec" }, "Send transcript");
    var f = el("form", { novalidate: true, "aria-label": "Mail the transcript" }, [email.wrap, top, send]);
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      top.textContent = "";
      if (missing([email])) return;
      send.disabled = true;
      me.call("POST", me.tk() + "transcript", { email: email.input.value.trim() }).then(function () {
        f.replaceWith(el("p", { "class": "fdc-ok fdc-mailed", role: "status" }, "We have mailed the transcript to " + email.input.value.trim() + "."));
      }, function (err) {
        send.disabled = false;
        mark(email, err.fields && err.fields.email);
        top.appendChild(me.errBox(err));
      });
    });
    return f;
  };
  C.newChatButton = function () {
    var me = this, b = el("button", { type: "button", "class": "fdc-link" }, "Start a new chat");
    b.addEventListener("click", function () {
      store(me.key, null);
      me.token = null; me.chat = null; me.stopped = false; me.pending = {}; me.status = null;
      me.show([el("p", { "class": "fdc-status" }, "Loading\u2026")]);
      me.load();
    });
    return b;
  };

  // The widget calls this once chat.js has loaded.
  W.__frontdeskChat = function (host, box) {
    var c = new Chat(host);
    addCSS(host.shadow);
    c.mount(box);
    return c;
  };

  // The direct chat page: <div id="fd-chat" data-channel="support">.
  var page = D.getElementById("fd-chat");
  if (page && page.getAttribute("data-channel")) {
    var shadow = page.attachShadow({ mode: "open" });
    var chat = W.__frontdeskChat({ base: location.origin, channel: page.getAttribute("data-channel"), shadow: shadow, page: true,
      identity: function () { return null; }, badge: function () {} }, shadow);
    chat.shown(true);
  }
})();
