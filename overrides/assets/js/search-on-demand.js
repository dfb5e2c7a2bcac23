/* Search on demand.

   Material fetches the search index (search/search_index.json) and starts
   its search worker as soon as any page loads; it waits for the search box
   to open only when the site is opened from files. Most visits never search,
   and on a school network those two downloads are a fifth of the first
   page's weight and a good part of its start-up work. Material has no
   setting for this, so two small pieces make it wait on the web too:
   - this script, loaded just before Material's (overrides/main.html), holds
     back the request for the index until the search box opens (or a
     search-result page asks for its words to be highlighted);
   - the page's configuration names a stand-in worker (search-worker.js),
     which loads Material's only when the index arrives.
   A file of its own rather than inline: a browser keeps it, so later pages
   do not carry it again. Not used in the offline copy, where Material
   already waits. */
(function () {
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
