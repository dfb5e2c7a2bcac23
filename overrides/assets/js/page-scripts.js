/* Scripts only some pages use (the answer boxes', the pop-ups'): a page
   names them in <meta name="page-scripts">, by their address in the site
   (scripts/worksheet_site/assets.py). Each loads the first time a page that
   names it is shown, on the first page of a visit or after instant
   navigation, and once a visit: each sets itself up on every page Material
   shows (document$). */
(function () {
  var loaded = {};

  function load() {
    var meta = document.querySelector('meta[name="page-scripts"]');
    if (!meta) return;
    meta.getAttribute("content").split(/\s+/).forEach(function (path) {
      if (!path || loaded[path]) return;
      loaded[path] = true;
      var script = document.createElement("script");
      script.src = new URL(path, __md_scope).href;
      document.head.appendChild(script);
    });
  }

  document$.subscribe(load);
})();
