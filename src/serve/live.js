// safeguide serve: reloads the page when the site is rebuilt, and shows a build error over the page.
// Added only by `safeguide serve`, never to built sites.
(function () {
  var box = document.getElementById("safeguide-error");
  if (box) {
    var s = box.style;
    s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
    s.background = "rgba(20,20,20,.94)"; s.color = "#fff"; s.padding = "1.5rem"; s.margin = "0";
    s.font = "14px/1.5 ui-monospace, monospace"; s.direction = "ltr"; s.textAlign = "left";
  }
  if (!window.EventSource) return;
  var events = new EventSource("/__safeguide/events");
  events.addEventListener("reload", function () { location.reload(); });
  // Release the connection when the tab goes away, so open previews never exhaust the server.
  addEventListener("pagehide", function () { events.close(); });
})();
