// Quick exit (the GOV.UK "Exit this page" pattern): the link already works without JavaScript; with it,
// the link and pressing Shift three times replace this page in the history, so Back does not return here.
// Only three separate Shift presses within a second count: a held Shift repeats, and typing capitals
// (Shift then a letter) resets the count.
(function () {
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.display = "none";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var presses = 0, last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses = now - last < 1000 ? presses + 1 : 1;
    last = now;
    if (presses >= 3) leave();
  });
})();
// The header search box leads to A-Z; on a web server, to the search page.
(function () {
  var form = document.querySelector("form[data-search]");
  if (form && /^https?:$/.test(location.protocol)) {
    form.addEventListener("submit", function () { form.action = form.dataset.search; });
  }
})();
