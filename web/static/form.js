// The public form works without this file. With it, a field that depends
// on another (data-show-if) hides until that one has a value; the server
// applies the same rule, so hidden answers are never kept.
(function () {
  var deps = document.querySelectorAll("[data-show-if]");
  function filled(id) {
    var el = document.getElementById(id);
    if (!el) return false;
    var box = el.closest("[data-show-if]");
    if (box && box.hidden) return false;
    return el.type === "checkbox" ? el.checked : el.value.trim() !== "";
  }
  function update() {
    deps.forEach(function (box) { box.hidden = !filled(box.getAttribute("data-show-if")); });
    document.querySelectorAll(".pf-cond").forEach(function (p) { p.hidden = true; });
  }
  document.addEventListener("input", update);
  document.addEventListener("change", update);
  update();
})();
