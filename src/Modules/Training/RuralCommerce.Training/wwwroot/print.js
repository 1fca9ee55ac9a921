// The certificate's print button (inline handlers are refused by the page's Content-Security-Policy).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
