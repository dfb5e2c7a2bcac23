/* The site's one script loader, for everything a page needs only at times:
   the scripts only some pages use (the answer boxes', the pop-ups', the
   review page's), and a worksheet's build-time data (its pop-up texts, its
   article's lines), shipped as small scripts that fill a global table: a
   script, not a fetch, so that it also works in the offline copy opened
   from files.

   siteScripts.load(address, then): loads the script at the address
   (relative to the page) once a visit, however many ask while it loads,
   then calls each back; once loaded, calls back at once. A script that
   failed is tried again on the next ask.

   The scripts a page uses are named in its <meta name="page-scripts">, by
   their address in the site (scripts/worksheet_site/assets.py): each loads
   the first time a page that names it is shown, on the first page of a
   visit or after instant navigation, and sets itself up on every page
   Material shows (document$). */
(function () {
  var loaded = new Set(), waiting = new Map();  // address -> the callbacks waiting for it

  function load(address, then) {
    var url = new URL(address, location.href).href;
    if (loaded.has(url)) return void (then && then());
    if (!waiting.has(url)) {
      waiting.set(url, []);
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () {
        var callbacks = waiting.get(url);
        waiting.delete(url);
        loaded.add(url);
        callbacks.forEach(function (go) { go() });
      };
      script.onerror = function () {
        waiting.delete(url);
        script.remove();
      };
      document.head.appendChild(script);
    }
    if (then) waiting.get(url).push(then);
  }

  window.siteScripts = {load: load};

  document$.subscribe(function () {
    var meta = document.querySelector('meta[name="page-scripts"]');
    if (!meta) return;
    meta.getAttribute("content").split(/\s+/).forEach(function (path) {
      if (path) load(new URL(path, __md_scope).href);
    });
  });
})();
