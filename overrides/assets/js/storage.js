/* siteStorage: what the site keeps on the device (overrides/main.html puts
   it inline in every page's head, before any other script of the site).
     get(key)         the value saved under key, or null (none, unreadable)
     set(key, value)  saves any JSON value; true when the device keeps it,
                      false when storage is blocked or full: it then lasts
                      for the visit (instant navigation keeps it)
     remove(key)      forgets it
     problem          "", "blocked" or "full": the first trouble met
   Keys are scoped to the site's address as Material's own are, so what the
   site saved through Material's helpers reads the same. Every script of the
   site keeps what it keeps here: teacher mode, the answers, the marks. */
(function (script) {
  var scope = new URL(script.getAttribute("data-scope") || ".", location).pathname + ".";
  var visit = new Map();  // key -> JSON text, once the device refused it
  var store = { problem: "" };

  function trouble(error) {
    store.problem = store.problem || (/quota/i.test(error && error.name) ? "full" : "blocked");
  }

  store.get = function (key) {
    var text = visit.get(key);
    if (text === undefined) {
      try { text = localStorage.getItem(scope + key) } catch (e) { trouble(e) }
    }
    try { return JSON.parse(text) } catch (e) { return null }
  };

  store.set = function (key, value) {
    var text = JSON.stringify(value);
    try {
      localStorage.setItem(scope + key, text);
      visit.delete(key);
      return true;
    } catch (e) {
      visit.set(key, text);
      trouble(e);
      return false;
    }
  };

  store.remove = function (key) {
    visit.delete(key);
    try { localStorage.removeItem(scope + key) } catch (e) { trouble(e) }
  };

  window.siteStorage = store;
})(document.currentScript);
