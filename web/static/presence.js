// Ticket page: who else has this ticket open, and who is typing
// (collision detection). The page tells the server every few seconds that
// it is open, at once when its operator starts or stops typing, and that
// it left when it closes; the server's event stream says when someone
// else's state changed, and the list is read again.
(function () {
  var box = document.getElementById("presence");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-url");
  var csrf = box.getAttribute("data-csrf");
  var ticket = Number(box.getAttribute("data-ticket"));
  var list = box.querySelector("ul");
  var typing = false, idle = null;

  function render(data) {
    list.textContent = "";
    (data.others || []).forEach(function (o) {
      var li = document.createElement("li");
      li.className = "presence-who" + (o.typing ? " typing" : "");
      li.textContent = o.name + (o.typing ? " is typing…" : " is viewing");
      list.appendChild(li);
    });
    box.hidden = list.children.length === 0;
  }
  function answer(res) {
    if (!res.ok) throw new Error(res.status);
    return res.json();
  }
  function beat() {
    var data = new FormData();
    data.set("typing", typing ? "1" : "0");
    fetch(url, { method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Frontdesk-Fetch": "1", "X-CSRF-Token": csrf } })
      .then(answer).then(render, function () { /* the next beat tries again */ });
  }
  function reread() {
    fetch(url, { credentials: "same-origin" }).then(answer).then(render, function () {});
  }

  beat();
  var timer = window.setInterval(beat, 10000);
  var body = document.querySelector("#composer textarea");
  if (body) {
    body.addEventListener("input", function () {
      window.clearTimeout(idle);
      idle = window.setTimeout(function () { typing = false; beat(); }, 6000);
      if (!typing) { typing = true; beat(); }
    });
  }
  if (window.EventSource) {
    var source = new EventSource("/events");
    source.addEventListener("ticket.presence", function (ev) {
      try {
        if (JSON.parse(ev.data).ticket_id === ticket) reread();
      } catch (e) { /* not ours */ }
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }
  window.addEventListener("pagehide", function () {
    window.clearInterval(timer);
    var data = new FormData();
    data.set("_csrf", csrf);
    data.set("leave", "1");
    if (navigator.sendBeacon) navigator.sendBeacon(url, data);
  });
})();
