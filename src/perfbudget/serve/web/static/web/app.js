// Shared behaviour: show a figure's source in the side panel instead of leaving the page.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.fig");
    var panel = document.getElementById("source-panel");
    if (link && panel && window.htmx && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      panel.hidden = false;
      panel.closest(".doc-layout").classList.add("with-source");
      document.querySelectorAll("td.selected").forEach(function (td) { td.classList.remove("selected"); });
      window.htmx.ajax("GET", link.getAttribute("href"), { target: panel, swap: "innerHTML" });
      return;
    }
    if (event.target.closest("[data-close-source]") && panel) {
      panel.hidden = true;
      panel.innerHTML = "";
      panel.closest(".doc-layout").classList.remove("with-source");
    }
  });
})();
