// An enhancement only: each formatted citation gets a "Copy" button. Without JavaScript (or without
// clipboard access) the citations are plain selectable text, and no button appears.
(function () {
  "use strict";
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    return;
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("p.citation[data-copy-label]").forEach(function (citation) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-citation";
      button.textContent = citation.dataset.copyLabel;
      var heading = citation.closest(".citation-style").querySelector("dt");
      if (heading && heading.id) {
        button.setAttribute("aria-describedby", heading.id);
      }
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(citation.textContent.trim()).then(function () {
          button.textContent = citation.dataset.copiedLabel;
          setTimeout(function () {
            button.textContent = citation.dataset.copyLabel;
          }, 2000);
        });
      });
      citation.insertAdjacentElement("afterend", button);
    });
  });
})();
