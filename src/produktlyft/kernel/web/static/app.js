// Small enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed form submission, move focus to the list of problems so it is announced.
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
