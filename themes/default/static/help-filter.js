// The help page's country filter. Without JavaScript every country is a plain link, grouped by region;
// with it, a search box shows and narrows the list as the reader types. Matching ignores case and accents
// (and Arabic vowel marks and letter variants, and ё/е), so a child finds their country however they type it.
(function () {
  var box = document.querySelector("[data-filter]");
  if (!box) return;
  var input = box.querySelector("input");
  var none = box.querySelector("[data-filter-none]");
  var regions = document.querySelectorAll("[data-region]");
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
      .toLowerCase().replace(/[\u0622\u0623\u0625]/g, "\u0627").replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647").replace(/\u0451/g, "\u0435").replace(/[\s\u2019'.-]+/g, " ").trim();
  }
  var items = [];
  regions.forEach(function (region) {
    region.querySelectorAll("li").forEach(function (li) {
      var a = li.querySelector("a");
      items.push({ li: li, text: fold(a.textContent) });
    });
  });
  function filter() {
    var query = fold(input.value);
    var shown = 0;
    items.forEach(function (item) {
      var match = !query || item.text.indexOf(query) !== -1;
      item.li.hidden = !match;
      if (match) shown++;
    });
    regions.forEach(function (region) {
      region.hidden = !region.querySelector("li:not([hidden])");
    });
    none.hidden = shown > 0;
  }
  input.addEventListener("input", filter);
  box.hidden = false;
  if (input.value) filter();
})();
