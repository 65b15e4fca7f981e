// Copy buttons of the settings pages: data-copy names the input to copy.
document.addEventListener("click", (ev) => {
  const b = ev.target.closest("[data-copy]");
  if (!b) return;
  const input = document.querySelector(b.dataset.copy);
  input.select();
  navigator.clipboard.writeText(input.value).then(() => { b.textContent = "Copied"; }, () => { b.textContent = "Press Ctrl+C"; });
});

// Fields that matter for one choice only (a chat rule's delay, a
// chatbot step's answers) show for that choice: the select names the
// field's box in data-shows and the choice in data-when.
const showFor = (sel) => {
  const box = document.getElementById(sel.dataset.shows);
  if (box) box.hidden = sel.value !== sel.dataset.when;
};
document.querySelectorAll("select[data-shows]").forEach(showFor);
document.addEventListener("change", (ev) => {
  if (ev.target.matches("select[data-shows]")) showFor(ev.target);
});
