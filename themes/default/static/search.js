// The search page. Pagefind's index is fetched only here, when the reader focuses the box or a query
// arrives (?q= from the header's search box). Opened from disk (a portable copy), where the index cannot
// be fetched, the page hands over to the A-Z index. Results are built as text: only <mark> is kept.
(function () {
  var form = document.querySelector("form[data-bundle]");
  if (!form) return;
  if (location.protocol === "file:") {
    location.replace(new URL(form.dataset.aZ + "index.html", location.href).href);
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var loaded = null;
  function load() {
    loaded = loaded || import(new URL(form.dataset.bundle + "pagefind.js", location.href).href).then(function (pf) {
      // A page's search keywords (front matter) outweigh its title: they name what the page is for.
      var ranking = { metaWeights: { title: 5, keywords: 10 } };
      return pf.options({ baseUrl: new URL(form.dataset.root, location.href).pathname, ranking: ranking }).then(function () {
        pf.init();
        return pf;
      });
    });
    return loaded;
  }
  function excerpt(html) {
    var out = document.createElement("p");
    var body = new DOMParser().parseFromString(html, "text/html").body;
    body.childNodes.forEach(function (node) {
      var piece = document.createElement(node.nodeName === "MARK" ? "mark" : "span");
      piece.textContent = node.textContent;
      out.append(node.nodeName === "MARK" ? piece : piece.textContent);
    });
    return out;
  }
  function run(query) {
    list.replaceChildren();
    if (!query.trim()) return;
    status.textContent = status.dataset.loading;
    load()
      .then(function (pf) { return pf.search(query); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
      })
      .then(function (results) {
        results.forEach(function (r) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = r.url;
          link.textContent = r.meta.title;
          item.append(link, excerpt(r.excerpt));
          list.append(item);
        });
        status.textContent = results.length ? status.dataset.found : status.dataset.none;
      })
      .catch(function () { status.textContent = status.dataset.failed; });
  }
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
    run(query);
  }
})();
