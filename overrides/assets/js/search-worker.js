/* Stands in for Material's search worker until somebody searches.

   Material starts its search worker as soon as a page loads (see
   search-on-demand.js for why it waits here). This file
   is what the page starts instead: a few hundred bytes that load Material's
   worker, named in this file's address (?material=search.<hash>.min.js),
   only when the first message arrives, and then hand that message on. */
self.addEventListener("message", function start(event) {
  self.removeEventListener("message", start);
  var name = new URLSearchParams(self.location.search).get("material");
  importScripts(new URL("../javascripts/workers/" + name, self.location.href).href);
  self.dispatchEvent(new MessageEvent("message", { data: event.data }));
});
