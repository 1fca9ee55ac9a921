// Keeps the live tally's numbers current without reloading: the page names its event stream in data-stream, and
// each number its field in data-tally. Without script (or a dropped connection) the page still shows the tally it
// was rendered with, and the browser reconnects on its own.
(() => {
  const panel = document.querySelector("[data-stream]");
  if (!panel || !window.EventSource) {
    return;
  }

  const money = new Intl.NumberFormat(document.documentElement.lang || "zh-CN", { style: "currency", currency: "CNY" });
  const units = new Intl.NumberFormat(document.documentElement.lang || "zh-CN", { maximumFractionDigits: 3 });
  const source = new EventSource(panel.dataset.stream);
  source.addEventListener("tally", (message) => {
    const tally = JSON.parse(message.data);
    panel.querySelector("[data-tally=orders]").textContent = units.format(tally.orders);
    panel.querySelector("[data-tally=units]").textContent = units.format(tally.units);
    panel.querySelector("[data-tally=gmv]").textContent = money.format(tally.gmv);
    panel.dataset.live = "true";
  });
})();
