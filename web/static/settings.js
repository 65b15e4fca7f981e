// Copy buttons of the settings pages: data-copy names the input to copy.
document.addEventListener("click", (ev) => {
  const b = ev.target.closest("[data-copy]");
  if (!b) return;
  const input = document.querySelector(b.dataset.copy);
  input.select();
  navigator.clipboard.writeText(input.value).then(() => { b.textContent = "Copied"; }, () => { b.textContent = "Press Ctrl+C"; });
});

// Fields that matter for some choices only (a chat rule's delay, a
// chatbot step's answers and ticket field) show for those: the select
// names the fields' boxes in data-shows, and the choices in data-when,
// its own or a box's (space separated).
const showFor = (sel) => {
  sel.dataset.shows.split(" ").forEach((id) => {
    const box = document.getElementById(id);
    if (box) box.hidden = !(box.dataset.when || sel.dataset.when).split(" ").includes(sel.value);
  });
};
document.querySelectorAll("select[data-shows]").forEach(showFor);
document.addEventListener("change", (ev) => {
  if (ev.target.matches("select[data-shows]")) showFor(ev.target);
});
