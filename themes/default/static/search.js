// The search page: Pagefind loads only here, on focus or a query (?q=); opened from disk it hands over to A-Z.
(function () {
  var f = document.querySelector("form[data-bundle]");
  if (!f) return;
  if (location.protocol === "file:") return location.replace(new URL(f.dataset.aZ + "index.html", location.href).href);
  var q = f.querySelector("input[name=q]"), st = document.getElementById("search-status"), ol = document.getElementById("search-results"), pf;
  function load() {
    // A page's search keywords (front matter) outweigh its title.
    return (pf = pf || import(new URL(f.dataset.bundle + "pagefind.js", location.href).href).then(function (p) {
      return p.options({ baseUrl: new URL(f.dataset.root, location.href).pathname, ranking: { metaWeights: { title: 5, keywords: 10 } } }).then(function () { p.init(); return p; });
    }));
  }
  function excerpt(html) {
    var p = document.createElement("p");
    new DOMParser().parseFromString(html, "text/html").body.childNodes.forEach(function (n) {
      var m = document.createElement("mark");
      m.textContent = n.textContent;
      p.append(n.nodeName === "MARK" ? m : n.textContent);
    });
    return p;
  }
  function run(text) {
    ol.replaceChildren();
    if (!text.trim()) return;
    st.textContent = st.dataset.loading;
    load().then(function (p) { return p.search(text); }).then(function (s) {
      return Promise.all(s.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (rs) {
      rs.forEach(function (r) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = r.url;
        a.textContent = r.meta.title;
        li.append(a, excerpt(r.excerpt));
        ol.append(li);
      });
      st.textContent = rs.length ? st.dataset.found : st.dataset.none;
    }).catch(function () { st.textContent = st.dataset.failed; });
  }
  q.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
  f.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(q.value));
    run(q.value);
  });
  var v = new URLSearchParams(location.search).get("q");
  if (v) run(q.value = v);
})();
