// The review's pages work without this. With it, a form that starts slow work (running the
// review, attaching a repository, deciding) says so at once and is not sent twice.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.pending) return;
  if (form.hasAttribute("data-pending-active")) {
    event.preventDefault();  // already on its way
    return;
  }
  form.setAttribute("data-pending-active", "");
  const note = document.createElement("p");
  note.className = "ds-paragraph pending-note";
  note.setAttribute("role", "status");
  form.append(note);
  // filled after insertion so screen readers announce it
  window.setTimeout(() => { note.textContent = form.dataset.pending; }, 50);
});
