/* The check of a student's quotations against the text: the rule of the
   build (scripts/worksheet/answer_check.py, with quotes.py, refs.py and
   article.py's Flow), written again for the browser. Both pass the cases of
   tests/fixtures/answer-checks.json. Used by the answer boxes
   (assets/js/answers.js) and the review page (assets/js/review.js).

   AnswerCheck.check(answer, sources): each quotation of the answer, and each
   line mention standing alone, in the JSON form of answer_check.py;
   AnswerCheck.Source(lines): an article, by its printed lines ("" for a
   blank one); AnswerCheck.verdict(item, titles, sources): what to say about
   an item, {ok, text}, or null for a line mention that is right;
   AnswerCheck.countWords(text); AnswerCheck.normalise(text): quote marks
   and dashes plain, spacing collapsed; AnswerCheck.withSources(wanted, then): the
   articles an answer may quote, loaded when first needed. In Node, the same object is the module's
   export. */
(function (root) {
  // -- language.py: what each language of a text adds ----------------------------
  // Quotation marks every text accepts, then each language's own marks and the
  // words before a line or a document number (read in every language).
  var COMMON_QUOTES = [["«", "»"], ["“", "”"], ["„", "“"], ["„", "”"], ["‹", "›"]];
  var LANGUAGES = new Map([
    ["en", {quotes: [], line: ["lines?", "ll?\\."], document: ["doc(?:ument)?\\.?"]}],
    ["fr", {quotes: [], line: ["lignes?", "ll?\\."], document: ["doc(?:ument)?\\.?"]}],
    ["es", {quotes: [], line: ["l[ií]neas?", "rengl[oó]n(?:es)?", "ll?\\."], document: ["doc(?:umento)?\\.?"]}],
    ["de", {quotes: [["»", "«"], ["›", "‹"]], line: ["Zeilen?", "Z\\."], document: ["Dok(?:ument)?\\.?", "Text"]}],
    ["it", {quotes: [], line: ["righe", "riga", "rr?\\."], document: ["doc(?:umento)?\\.?"]}]
  ]);
  var DEFAULT = "en";

  function languageOf(code) {
    return LANGUAGES.get(code) || LANGUAGES.get(DEFAULT);
  }

  // Every language's words of one kind, longest first (as language.py sorts them).
  function allWords(kind) {
    var words = new Set();
    LANGUAGES.forEach(function (lang) { lang[kind].forEach(function (w) { words.add(w) }) });
    return Array.from(words).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0) });
  }

  function escapeRe(text) {
    return text.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&");
  }

  // -- The check: quotes.py ------------------------------------------------
  var quotePatterns = new Map();

  // Quotations as the language writes them; an HTML attribute's value (="…") is skipped.
  function quotePattern(code) {
    if (!quotePatterns.has(code)) {
      var pairs = COMMON_QUOTES.concat(languageOf(code).quotes);
      var marked = pairs.map(function (pair) {
        var a = escapeRe(pair[0]), b = escapeRe(pair[1]);
        return a + "\\s*([^" + a + b + "]+?)\\s*" + b;
      });
      quotePatterns.set(code, new RegExp(marked.concat(['=\\s*"[^"\\n]*"', '"((?:[^"\\n]|\\n(?![^\\S\\n]*\\n))+?)"']).join("|"), "g"));
    }
    return quotePatterns.get(code);
  }

  var ELLIPSIS = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*/;
  var PLAIN = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "‘": "'", "’": "'", "‚": "'", "`": "'",
               "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "\u00a0": " ", "\u202f": " "};
  var MARKS = new RegExp("[" + Object.keys(PLAIN).join("") + "]", "g");
  // What matching leaves out (Spanish ¿ ¡) or reads as other letters (ß as ss).
  var FOLD = new Map([["¿", ""], ["¡", ""], ["ß", "ss"], ["ẞ", "SS"]]);
  var FOLDABLE = /[¿¡ßẞ]/g;

  function plainMarks(text) {
    return text.replace(MARKS, function (mark) { return PLAIN[mark] });
  }

  function normalise(text) {
    return plainMarks(text.normalize("NFC")).split(/\s+/).filter(Boolean).join(" ");
  }

  function fold(text) {
    return text.replace(FOLDABLE, function (c) { return FOLD.get(c) });
  }

  // fold(text), with single spaces where a ¿ or ¡ stood alone, and each of
  // its characters' offset in text (and one past the end).
  function folded(text) {
    var out = [], offsets = [];
    for (var i = 0; i < text.length; i++) {
      var pieces = FOLD.has(text[i]) ? FOLD.get(text[i]) : text[i];
      for (var k = 0; k < pieces.length; k++) {
        if (pieces[k] === " " && (!out.length || out[out.length - 1] === " ")) continue;
        out.push(pieces[k]);
        offsets.push(i);
      }
    }
    offsets.push(text.length);
    return {text: out.join(""), offsets: offsets};
  }

  // A quotation in single quotes, British style: 'is already a reality'. An
  // apostrophe inside a word (it's, the students' books) neither opens nor closes one.
  var SINGLE = null;
  try {
    SINGLE = new RegExp("(?<![\\p{L}\\p{N}_'‘’])['‘]([^\\s'‘’](?:[^\\n'‘’]|\\n(?![^\\S\\n]*\\n)|['’](?=[\\p{L}\\p{N}_]))*?)" +
                        "['’](?![\\p{L}\\p{N}_])", "gu");
  } catch (e) {}  // browsers without lookbehind: double quotes only

  function findQuotations(prose, language) {
    var found = [], match, quote = quotePattern(language || DEFAULT);
    quote.lastIndex = 0;
    while ((match = quote.exec(prose))) {
      var inner = (match.slice(1).filter(Boolean)[0] || "").trim();
      if (inner) found.push({text: inner, start: match.index, end: match.index + match[0].length, single: false});
    }
    if (!SINGLE) return found;
    var inside = found.slice();
    SINGLE.lastIndex = 0;
    while ((match = SINGLE.exec(prose))) {
      var text = match[1].trim(), start = match.index;
      var quoted = inside.some(function (q) { return q.start <= start && start < q.end });
      if (text && !quoted) found.push({text: text, start: start, end: start + match[0].length, single: true});
    }
    return found.sort(function (a, b) { return a.start - b.start });
  }

  // Where the quotation stands in text.slice(start, end), as [start, end]; null when it does not.
  function findIn(quotation, text, start, end) {
    var parts = quotation.split(ELLIPSIS).map(function (p) { return fold(normalise(p)).split(/\s+/).filter(Boolean).join(" ") })
                         .filter(Boolean);
    start = start || 0;
    end = end === undefined ? text.length : end;
    if (!parts.length) return [start, start];
    var slice = text.slice(start, end);
    FOLDABLE.lastIndex = 0;
    if (!FOLDABLE.test(slice)) {
      var span = findParts(parts, slice);
      return span && [start + span[0], start + span[1]];
    }
    var f = folded(slice), found = findParts(parts, f.text);
    if (!found) return null;
    var last = found[1] > found[0] ? f.offsets[found[1] - 1] + 1 : f.offsets[found[0]];
    return [start + f.offsets[found[0]], start + last];
  }

  function findParts(parts, text) {
    var first = text.indexOf(parts[0]), position = first;
    if (first === -1) return null;
    for (var i = 0; i < parts.length; i++) {
      var found = text.indexOf(parts[i], position);
      if (found === -1) return null;
      position = found + parts[i].length;
    }
    return [first, position];
  }

  // -- refs.py: "line 4", "lines 25–29", "l. 9", "Z. 4 f.", "(9–10)" ------------
  var RANGE = "([0-9]{1,6})(?:\\s*[-‐‑‒–—]\\s*([0-9]{1,6}))?";
  var WORDS = "(?:" + allWords("line").join("|") + ")\\s*" + RANGE + "(?:\\s+(f{1,2})\\.)?";
  var MENTION;
  try {  // Python's \b before "line" sees letters of every alphabet
    MENTION = new RegExp("(?<![\\p{L}\\p{N}_])" + WORDS + "|\\(\\s*" + RANGE + "\\s*\\)", "giu");
  } catch (e) {  // browsers without lookbehind
    MENTION = new RegExp("\\b" + WORDS + "|\\(\\s*" + RANGE + "\\s*\\)", "gi");
  }

  function findMentions(text) {
    var found = [], match;
    MENTION.lastIndex = 0;
    while ((match = MENTION.exec(text))) {
      var first = match[1] || match[4], last = match[1] ? match[2] : match[5];
      var range = [Number(first), Number(last || first)];
      if (match[3] && !match[2]) range[1] = range[0] + match[3].length;
      found.push({start: match.index, end: match.index + match[0].length, range: range});
    }
    return found;
  }

  // -- article.py's Flow, and answer_check.py's Source -------------------------
  // lines: the printed lines of an article, "" for a blank one; language: its code ("en" when not given).
  function Source(lines, language) {
    var parts = [], offset = 0;
    this.length = lines.length;
    this.language = language || DEFAULT;
    this.starts = [];
    this.ends = [];
    this.numbers = [];
    for (var i = 0; i < lines.length; i++) {
      if (!lines[i]) continue;
      this.starts.push(offset);
      this.ends.push(offset + lines[i].length);
      this.numbers.push(i + 1);
      parts.push(lines[i]);
      offset += lines[i].length + 1;
    }
    this.normal = plainMarks(parts.join(" "));
  }

  // How many items of the sorted list are below the value (or at most it).
  function bisect(list, value, right) {
    var low = 0, high = list.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (list[middle] < value || (right && list[middle] === value)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  Source.prototype.lineAt = function (offset) {
    return this.numbers[Math.max(0, bisect(this.starts, offset, true) - 1)];
  };

  Source.prototype.has = function (range) {
    return range[0] <= range[1] && range[0] >= 1 && range[1] <= this.length;
  };

  // The lines [first, last] the quotation stands on (within the range, when given); null when not there.
  Source.prototype.find = function (quotation, within) {
    var bounds = [];
    if (within) {
      var i = bisect(this.numbers, within[0]), j = bisect(this.numbers, within[1], true) - 1;
      bounds = i > j ? [0, 0] : [this.starts[i], this.ends[j]];
    }
    var span = findIn(quotation, this.normal, bounds[0], bounds[1]);
    return span && [this.lineAt(span[0]), this.lineAt(Math.max(span[0], span[1] - 1))];
  };

  // -- answer_check.py ---------------------------------------------------------
  var MENTION_REACH = 4;
  var GAP = new RegExp("^[ ,(\\n]*(?:(?:" + allWords("document").join("|") + ")\\s*([0-9]{1,3})[ ,]*)?$", "i");

  // The line mention right after a quotation: {index, document}; null when none.
  function mentionAfter(prose, end, mentions) {
    for (var i = 0; i < mentions.length; i++) {
      var start = mentions[i].start, gap = start >= end && GAP.exec(prose.slice(end, start));
      if (gap && (gap[1] || start <= end + MENTION_REACH)) return {index: i, document: gap[1] ? Number(gap[1]) : null};
    }
    return null;
  }

  function checkQuotation(quote, range, document, sources) {
    var item = {quote: quote.text, start: quote.start, found: null, mention: range, mention_ok: null, document: document};
    if (range) {
      for (var i = 0; i < sources.length; i++) {
        if (document !== null && i !== document - 1) continue;
        var lines = sources[i].has(range) ? sources[i].find(quote.text, range) : null;
        if (lines) {
          item.found = [i, lines[0], lines[1]];
          item.mention_ok = true;
          return item;
        }
      }
      item.mention_ok = false;
    }
    for (var j = 0; j < sources.length && !item.found; j++) {
      var where = sources[j].find(quote.text);
      if (where) item.found = [j, where[0], where[1]];
    }
    return item;
  }

  // Every quotation of the answer, and every line mention that follows none,
  // in order; quotation marks read as the first source's language writes them.
  function check(prose, sources) {
    var mentions = findMentions(prose), attached = {}, out = [], quotes = [];
    findQuotations(prose, sources.length ? sources[0].language : DEFAULT).forEach(function (quote) {
      var after = mentionAfter(prose, quote.end, mentions);
      if (quote.single && !after) return;  // words in single quotes with no line after them: no quotation
      quotes.push(quote);
      if (after) attached[after.index] = true;
      out.push(checkQuotation(quote, after && mentions[after.index].range, after && after.document, sources));
    });
    mentions.forEach(function (mention, index) {
      var quoted = quotes.some(function (q) { return q.start <= mention.start && mention.start < q.end });
      if (attached[index] || prose[mention.start] === "(" || quoted) return;
      out.push({quote: null, start: mention.start, found: null, mention: mention.range, document: null,
                mention_ok: sources.some(function (s) { return s.has(mention.range) })});
    });
    return out.sort(function (a, b) { return a.start - b.start });
  }

  // -- What the check says, beside the answer ----------------------------------
  // The interface's texts (worksheet/interface/*.yml), looked up when a verdict is said.
  function t(key, values) {
    return siteText(key, values);
  }

  function lines(range) {
    return range[0] === range[1] ? t("check.line", {line: range[0]}) : t("check.lines", {first: range[0], last: range[1]});
  }

  function shortened(text) {
    text = text.split(/\s+/).join(" ");
    return text.length <= 60 ? text : text.slice(0, 59).trim() + "…";
  }

  // {ok, text} for a result; null for a line mention that is right. titles:
  // the sources' titles, named when there are several.
  function verdict(item, titles, sources) {
    if (item.quote === null) {
      if (item.mention_ok) return null;
      var range = item.mention;
      return {ok: false, text: range[0] > range[1]
        ? t("check.first_line_first", {lines: lines(range), first: range[0], last: range[1]})
        : sources.length > 1 ? t("check.no_text_has_it", {lines: lines(range)})
        : t("check.text_has", {lines: lines(range), count: sources[0].length})};
    }
    var quote = shortened(item.quote);
    if (!item.found) return {ok: false, text: t("check.not_in_text", {quote: quote})};
    var where = (titles.length > 1 ? titles[item.found[0]] + ", " : "") + lines(item.found.slice(1));
    if (item.mention_ok === false) {
      var named = item.document === null ? lines(item.mention) : t("check.document", {number: item.document, lines: lines(item.mention)});
      return {ok: false, text: t("check.found_elsewhere", {quote: quote, where: where, mentioned: named})};
    }
    return {ok: true, text: t("check.found", {quote: quote, where: where})};
  }

  function countWords(text) {
    return (text.match(/[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*/gu) || []).length;
  }

  // The check's items in the JSON form of answer_check.py.
  function checkAnswer(prose, sources) {
    return check(prose, sources).map(function (item) {
      return {quote: item.quote, found: item.found, mention: item.mention, mention_ok: item.mention_ok,
              document: item.document};
    });
  }

  var articles = new Map();  // worksheet folder -> Source

  // A worksheet's lines, once loaded (a folder may be named "constructor").
  function linesOf(worksheet) {
    var table = root.__articleLines;
    return table && Object.prototype.hasOwnProperty.call(table, worksheet) ? table[worksheet] : null;
  }

  // The sources named ({worksheet, src, title}) as Sources, once their lines
  // are loaded: scripts written at build time beside each worksheet's pages
  // (worksheet_site/plugin.py, lines_script), loaded by assets/js/scripts.js.
  function withSources(wanted, then) {
    var missing = wanted.filter(function (s) { return !linesOf(s.worksheet) })[0];
    if (missing) {
      return root.siteScripts.load(missing.src, function () {
        if (linesOf(missing.worksheet)) withSources(wanted, then);
      });
    }
    then(wanted.map(function (s) {
      if (!articles.has(s.worksheet)) articles.set(s.worksheet, new Source(linesOf(s.worksheet), s.language));
      return articles.get(s.worksheet);
    }));
  }

  var api = {check: checkAnswer, Source: Source, verdict: verdict, countWords: countWords, withSources: withSources,
             normalise: normalise,
             languages: LANGUAGES, commonQuotes: COMMON_QUOTES,
             hasQuotations: function (text, language) {
               return findQuotations(text, language).length > 0 || findMentions(text).length > 0;
             }};
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.AnswerCheck = api;
})(this);
