// Copy buttons of the settings pages: data-copy names the input to copy.
document.addEventListener("click", (ev) => {
  const b = ev.target.closest("[data-copy]");
  if (!b) return;
  const input = document.querySelector(b.dataset.copy);
  input.select();
  navigator.clipboard.writeText(input.value).then(() => { b.textContent = "Copied"; }, () => { b.textContent = "Press Ctrl+C"; });
});
