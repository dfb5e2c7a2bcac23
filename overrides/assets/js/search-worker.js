/* The site's search worker. Material's search box talks to it in Material's
   own messages (set-up, ready, query, result); it answers each query from the
   Pagefind index (scripts/worksheet_site/search.py), which it loads on the
   first query, and then only the parts of it the query needs. Worksheets in
   another language than the site's have their own index, stemmed in theirs
   (pagefind/<language>/, listed in pagefind/languages.json): each is asked,
   and their results are ranked together.

   A result is a worksheet: its best page first, then each line of the
   article (#L25), question (#q3) or section where the words stand, with the
   words highlighted. Texts are escaped here: Material shows them as HTML. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var PAGES = 12;          /* pages read for one query */
var PLACES = 8;          /* places shown for one page */
var AROUND = 14;         /* words shown around a match that is not on a line */
var LINE = 18;           /* words a printed line holds at most */
var LANDMARK = /^(L\d+|q\d+)$/;
var pagefind = null;
var lineTitle = "Line {line}";  /* a line's title, in the interface's words (pagefind/interface.json) */
var asked = 0;

/* Each index, loaded and ready: the site's language first. */
function load() {
  if (!pagefind) {
    var base = new URL("../../pagefind/", self.location.href);
    pagefind = fetch(new URL("interface.json", base).href).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (words) {
      if (words && typeof words.line === "string") lineTitle = words.line;
    }, function () {}).then(function () {
      return fetch(new URL("languages.json", base).href);
    }).then(function (response) {
      return response.ok ? response.json() : [];
    }, function () { return []; }).then(function (languages) {
      var folders = [""].concat(languages.filter(function (code) { return /^[a-z]{2,3}$/.test(code); })
                                         .map(function (code) { return code + "/"; }));
      return Promise.all(folders.map(function (folder) {
        return import(new URL(folder + "pagefind.js", base).href).then(function (pf) {
          return pf.init().then(function () { return pf; });
        });
      }));
    });
  }
  return pagefind;
}

/* A word as the query and the page are compared: lower case, no accents. */
function folded(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/* Whether a word the page matched begins as a word of the query does (its
   first three letters): an index in another language than the query's
   answers with words that merely share a letter or two. */
function beginsLikeQuery(data, starts) {
  var words = data.content.split(/[\r\n\s]+/g);
  return data.locations.some(function (at) {
    var word = folded((words[at] || "").replace(/^[^\p{L}\p{N}]+/u, ""));
    return starts.some(function (start) { return word.slice(0, start.length) === start; });
  });
}

/* The results of every index for the query, best first. */
function searchAll(indexes, query) {
  return Promise.all(indexes.map(function (pf) { return pf.search(query); })).then(function (found) {
    var results = [];
    found.forEach(function (search) { if (search) results.push.apply(results, search.results); });
    results.sort(function (a, b) { return b.score - a.score; });
    return { results: results };
  });
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* The words from..to of the page's text, matched ones marked. */
function passage(words, from, to, marked) {
  var out = [];
  for (var i = Math.max(0, from); i < Math.min(words.length, to); i++) {
    out.push(marked.has(i) ? "<mark>" + escape(words[i]) + "</mark>" : escape(words[i]));
  }
  return out.join(" ");
}

/* The words around the page's first match. */
function teaser(data) {
  var words = data.content.split(/[\r\n\s]+/g);
  var first = data.locations.length ? Math.min.apply(null, data.locations) : 0;
  var from = Math.max(0, first - AROUND);
  return passage(words, from, from + 2 * AROUND, new Set(data.locations));
}

/* Where on the page each match stands: the line, question or heading before
   it, with the words up to the next one. */
function places(data, score) {
  var words = data.content.split(/[\r\n\s]+/g);
  var marked = new Set(data.locations);
  var anchors = (data.anchors || []).filter(function (a) {
    return LANDMARK.test(a.id) || /^h[1-6]$/.test(a.element);
  });
  var found = new Map();
  data.locations.forEach(function (at) {
    var i = -1;
    for (var k = 0; k < anchors.length && anchors[k].location <= at; k++) i = k;
    var anchor = i >= 0 ? anchors[i] : null;
    var key = anchor ? anchor.id : "";
    if (found.has(key) || !anchor || !anchor.id) return;
    var end = i + 1 < anchors.length ? anchors[i + 1].location : words.length;
    var line = /^L(\d+)$/.exec(anchor.id);
    if (line) end = Math.min(end, anchor.location + LINE);
    if (line && at >= end) return;  /* after the text: the notes under it */
    var from = line ? anchor.location : Math.max(anchor.location, at - AROUND / 2);
    var to = line ? end : Math.min(end, from + AROUND);
    found.set(key, {
      location: data.url.replace(/^\//, "") + "#" + anchor.id,
      title: escape(line ? lineTitle.replace("{line}", line[1]) : anchor.text || ""),
      text: "<p>" + passage(words, from, to, marked) + "</p>",
      score: score
    });
  });
  return Array.from(found.values()).slice(0, PLACES);
}

function answer(query, number) {
  if (!query.trim()) return Promise.resolve({ items: [], total: 0 });
  return load().then(function (indexes) {
    return searchAll(indexes, query);
  }).then(function (search) {
    if (number !== asked) return null;
    var starts = query.trim().split(/\s+/).map(function (t) { return folded(t).slice(0, 3); });
    var top = search.results.slice(0, 2 * PAGES);
    return Promise.all(top.map(function (r) { return r.data(); })).then(function (found) {
      var pages = [];
      found.forEach(function (data, i) {
        if (pages.length < PAGES && beginsLikeQuery(data, starts)) pages.push([data, top[i].score]);
      });
      return pages;
    }).then(function (pages) {
      var terms = {};
      query.trim().split(/\s+/).forEach(function (t) { terms[t.toLowerCase()] = true; });
      var groups = new Map();
      pages.forEach(function (pair) {
        var data = pair[0], score = pair[1];
        var key = data.meta.worksheet || data.url;
        if (!groups.has(key)) groups.set(key, []);
        var group = groups.get(key);
        var page = {
          location: data.url.replace(/^\//, ""),
          title: escape(data.meta.title || ""),
          text: "<p>" + teaser(data) + "</p>",
          score: score, terms: terms
        };
        var found = places(data, score);
        if (group.length) {
          /* another page of the same worksheet: its places, under its title */
          page.location += "#";
          page.score = group[0].score;
          found.forEach(function (place) { place.score = group[0].score; });
          found.forEach(function (place) { place.title = page.title + " · " + place.title; });
          group.push.apply(group, found.length ? found : [page]);
        } else {
          group.push(page);
          group.push.apply(group, found);
        }
        group.forEach(function (doc) { doc.terms = terms; });
      });
      var items = Array.from(groups.values());
      return { items: items, total: items.length };
    });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var number = ++asked;
    answer(message.data, number).then(function (result) {
      if (result && number === asked) self.postMessage({ type: RESULT, data: result });
    }, function (error) {
      console.error("search: " + error);
      if (number === asked) self.postMessage({ type: RESULT, data: { items: [], total: 0 } });
    });
  }
});
