(function () {
  "use strict";
  var panel = document.getElementById("detail-panel");
  function select(cell) {
    var detail = document.getElementById("detail-" + cell.id);
    if (!panel || !detail) { return; }
    var old = document.querySelectorAll("td.cell.selected");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("selected"); }
    cell.classList.add("selected");
    panel.replaceChildren(detail.cloneNode(true));
    panel.firstChild.removeAttribute("id");
  }
  var cells = document.querySelectorAll("td.cell");
  for (var i = 0; i < cells.length; i++) {
    cells[i].addEventListener("click", function () { select(this); });
    cells[i].addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(this); }
    });
  }
  // Evidence links point into collapsed report texts: open the report, then show the span.
  function reveal(id) {
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target) { return; }
    var box = target.closest ? target.closest("details") : null;
    if (box) { box.open = true; }
    target.scrollIntoView({block: "center"});
    var mark = target.tagName === "MARK" ? target : target.nextElementSibling;
    if (mark && mark.tagName === "MARK") {
      mark.classList.add("flash");
      setTimeout(function () { mark.classList.remove("flash"); }, 2500);
    }
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a.span-link, a.report-link") : null;
    if (!link) { return; }
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") { return; }
    ev.preventDefault();
    history.replaceState(null, "", href);
    reveal(href.slice(1));
  });
  window.addEventListener("hashchange", function () { reveal(location.hash.slice(1)); });
  if (location.hash) { reveal(location.hash.slice(1)); }
})();
