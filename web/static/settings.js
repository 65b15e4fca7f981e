// Copy buttons of the settings pages: data-copy names the input to copy.
document.addEventListener("click", (ev) => {
  const b = ev.target.closest("[data-copy]");
  if (!b) return;
  const input = document.querySelector(b.dataset.copy);
  input.select();
  navigator.clipboard.writeText(input.value).then(() => { b.textContent = "Copied"; }, () => { b.textContent = "Press Ctrl+C"; });
});

// A chat rule's delay matters only when the chat opens by itself: its
// field shows for that choice alone (data-delay names the field's box).
const showDelay = (sel) => {
  const box = document.getElementById(sel.dataset.delay);
  if (box) box.hidden = sel.value !== "auto_open";
};
document.querySelectorAll("select[data-delay]").forEach(showDelay);
document.addEventListener("change", (ev) => {
  if (ev.target.matches("select[data-delay]")) showDelay(ev.target);
});
