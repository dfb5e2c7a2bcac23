/* Build-time data of a worksheet (its pop-up texts, its article's lines),
   shipped as small scripts beside its pages, each filling a global table,
   and loaded the first time a reader needs them: a script, not a fetch, so
   that it also works in the offline copy opened from files.

   __loadData(address, then): loads the script once, however many ask while
   it loads, then calls each back. The caller looks in the table first; a
   script that failed is tried again on the next ask. */
(function () {
  var loading = {};

  window.__loadData = function (address, then) {
    var url = new URL(address, location.href).href;
    if (!loading[url]) {
      loading[url] = [];
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () {
        var waiting = loading[url];
        delete loading[url];
        waiting.forEach(function (go) { go() });
      };
      script.onerror = function () {
        delete loading[url];
        script.remove();
      };
      document.head.appendChild(script);
    }
    loading[url].push(then);
  };
})();
