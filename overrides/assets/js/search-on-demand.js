/* Search on demand: holds back Material's request for the search index
   until the search box opens. Why, and the stand-in worker that goes with
   it: overrides/main.html. */
(function () {
  // Material's search strings, the same on every page, come in this cached
  // file instead (scripts/compact_html.py writes them in when the site is
  // built) and go back into the page's configuration here, before
  // Material's script, which comes next, reads it.
  var strings = {};
  var config = document.getElementById("__config");
  if (config) {
    var settings = JSON.parse(config.textContent);
    settings.translations = Object.assign(settings.translations || {}, strings);
    config.textContent = JSON.stringify(settings);
  }

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var query = document.querySelector("[data-md-component=search-query]");
  var toggle = document.getElementById("__search");
  // Somebody may have opened the search before this script arrived.
  var wanted = /[?&]h=/.test(location.search) || (toggle && toggle.checked) || document.activeElement === query;
  var waiting = [];

  function release() {
    wanted = true;
    waiting.splice(0).forEach(function (go) { go() });
  }

  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) release();
  });
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.searchIndex || wanted) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args) });
  };
})();
