/* Cited ranges in the article: a line link from a question carries the whole
   range ("?lines=25-29#L25"); every line of it is highlighted, not only the
   line the address lands on. Material's :target styling covers the rest. */
(function () {
  function citedRange() {
    var match = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get("lines") || "");
    if (!match) return null;
    var first = Number(match[1]), last = Number(match[2]);
    var hash = /^#L(\d+)$/.exec(location.hash);
    // Only while the reader is still at the range the link pointed to.
    if (hash && Number(hash[1]) !== first) return null;
    return [first, last];
  }

  function highlight() {
    var article = document.querySelector(".article[data-lines]");
    if (!article) return;
    var range = citedRange();
    article.querySelectorAll(".line").forEach(function (line) {
      var n = Number(line.getAttribute("data-line"));
      line.classList.toggle("is-cited", !!range && n >= range[0] && n <= range[1]);
    });
  }

  document$.subscribe(highlight);
  window.addEventListener("hashchange", highlight);
})();
