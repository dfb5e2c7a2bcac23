/* The student's answers: a box under each question, saved on this device
   as they type; the quotations of each answer checked against the text as
   they write; the work handed in (copied, downloaded, printed) or cleared.
   Nothing is sent anywhere.

   - The check is the build's (scripts/worksheet/answer_check.py, with
     quotes.py, refs.py and article.py's Flow), written again here: both
     pass the cases of tests/fixtures/answer-checks.json. The article's
     lines come from a script written at build time beside the worksheet's
     pages, loaded the first time an answer quotes (assets/js/data.js).
   - Storage: one record a worksheet (or sequence), {name, class, answers:
     {question id: text}}, through Material's __md_get/__md_set
     (localStorage, scoped to the site). When the browser blocks storage or
     it is full, the page says so (data-answers-storage on <html>) and the
     answers live in this page's memory for the visit.
   - The printable sheet opened with ?mine=1 ("Print my worksheet") shows
     the saved answers on its ruled lines, and with &print=1 prints itself. */
(function () {
  // -- The check: quotes.py ------------------------------------------------
  var QUOTE = /«\s*([^«»]+?)\s*»|“([^“”]+?)”|=\s*"[^"\n]*"|"((?:[^"\n]|\n(?![^\S\n]*\n))+?)"/g;
  var ELLIPSIS = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*/;
  var PLAIN = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "`": "'",
               "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "\u00a0": " ", "\u202f": " "};
  var MARKS = new RegExp("[" + Object.keys(PLAIN).join("") + "]", "g");

  function plainMarks(text) {
    return text.replace(MARKS, function (mark) { return PLAIN[mark] });
  }

  function normalise(text) {
    return plainMarks(text).split(/\s+/).filter(Boolean).join(" ");
  }

  function findQuotations(prose) {
    var found = [], match;
    QUOTE.lastIndex = 0;
    while ((match = QUOTE.exec(prose))) {
      var inner = (match[1] || match[2] || match[3] || "").trim();
      if (inner) found.push({text: inner, start: match.index, end: match.index + match[0].length});
    }
    return found;
  }

  // Where the quotation stands in text.slice(start, end), as [start, end]; null when it does not.
  function findIn(quotation, text, start, end) {
    var within = text.slice(0, end === undefined ? text.length : end);
    var parts = quotation.split(ELLIPSIS).map(normalise).filter(Boolean);
    start = start || 0;
    if (!parts.length) return [start, start];
    var first = within.indexOf(parts[0], start), position = first;
    if (first === -1) return null;
    for (var i = 0; i < parts.length; i++) {
      var found = within.indexOf(parts[i], position);
      if (found === -1) return null;
      position = found + parts[i].length;
    }
    return [first, position];
  }

  // -- refs.py: "line 4", "lines 25–29", "l. 9", "(9–10)" ---------------------
  var RANGE = "([0-9]{1,6})(?:\\s*[-‐‑‒–—]\\s*([0-9]{1,6}))?";
  var MENTION;
  try {  // Python's \b before "line" sees letters of every alphabet
    MENTION = new RegExp("(?<![\\p{L}\\p{N}_])(?:lines?|ll?\\.)\\s*" + RANGE + "|\\(\\s*" + RANGE + "\\s*\\)", "giu");
  } catch (e) {  // browsers without lookbehind
    MENTION = new RegExp("\\b(?:lines?|ll?\\.)\\s*" + RANGE + "|\\(\\s*" + RANGE + "\\s*\\)", "gi");
  }

  function findMentions(text) {
    var found = [], match;
    MENTION.lastIndex = 0;
    while ((match = MENTION.exec(text))) {
      var first = match[1] || match[3], last = match[1] ? match[2] : match[4];
      found.push({start: match.index, end: match.index + match[0].length,
                  range: [Number(first), Number(last || first)]});
    }
    return found;
  }

  // -- article.py's Flow, and answer_check.py's Source -------------------------
  // lines: the printed lines of an article, "" for a blank one.
  function Source(lines) {
    var parts = [], offset = 0;
    this.length = lines.length;
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
  var GAP = /^[ ,(\n]*(?:doc(?:ument)?\.?\s*([0-9]{1,3})[ ,]*)?$/i;

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

  // Every quotation of the answer, and every line mention that follows none, in order.
  function check(prose, sources) {
    var mentions = findMentions(prose), attached = {}, out = [];
    var quotes = findQuotations(prose);
    quotes.forEach(function (quote) {
      var after = mentionAfter(prose, quote.end, mentions);
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

  // For the tests: the check on an answer and lists of lines, in the JSON form of answer_check.py.
  window.__answerCheck = function (prose, articles) {
    return check(prose, articles.map(function (lines) { return new Source(lines) })).map(function (item) {
      return {quote: item.quote, found: item.found, mention: item.mention, mention_ok: item.mention_ok,
              document: item.document};
    });
  };

  // -- What the check says, beside the answer ----------------------------------
  function lines(range) {
    return range[0] === range[1] ? "line " + range[0] : "lines " + range[0] + "–" + range[1];
  }

  function shortened(text) {
    text = text.split(/\s+/).join(" ");
    return text.length <= 60 ? text : text.slice(0, 59).trim() + "…";
  }

  // {ok, text} for a result; null for a line mention that is right.
  function verdict(item, wanted, sources) {
    if (item.quote === null) {
      if (item.mention_ok) return null;
      var range = item.mention;
      return {ok: false, text: lines(range) + ": " + (range[0] > range[1]
        ? "write the first line first (" + range[1] + "–" + range[0] + ")"
        : sources.length > 1 ? "no text has it" : "the text has " + sources[0].length + " lines")};
    }
    var quote = "“" + shortened(item.quote) + "”: ";
    if (!item.found) return {ok: false, text: quote + "not in the text"};
    var where = (wanted.length > 1 ? wanted[item.found[0]].title + ", " : "") + lines(item.found.slice(1));
    var named = item.document === null ? "" : "document " + item.document + ", ";
    if (item.mention_ok === false) return {ok: false, text: quote + where + ", not " + named + lines(item.mention)};
    return {ok: true, text: quote + where};
  }

  // The list beside the answer, changed only where it changes: the live
  // region reads out the new lines, not the whole list again.
  function show(list, verdicts) {
    var old = Array.prototype.slice.call(list.children);
    verdicts.forEach(function (said, i) {
      var item = old[i];
      if (item && item.textContent === said.text && item.classList.contains("is-ok") === said.ok) return;
      var fresh = document.createElement("li");
      fresh.className = said.ok ? "is-ok" : "is-wrong";
      fresh.textContent = said.text;
      if (item) list.replaceChild(fresh, item);
      else list.appendChild(fresh);
    });
    old.slice(verdicts.length).forEach(function (item) { item.remove() });
  }

  var articles = {};  // worksheet folder -> Source

  // The sources a box names ({worksheet, src, title}), once their lines are loaded.
  function withSources(wanted, then) {
    var table = window.__articleLines || {};
    var missing = wanted.filter(function (s) { return !table[s.worksheet] })[0];
    if (missing) {
      return __loadData(missing.src, function () {
        if ((window.__articleLines || {})[missing.worksheet]) withSources(wanted, then);
      });
    }
    then(wanted.map(function (s) {
      return articles[s.worksheet] || (articles[s.worksheet] = new Source(table[s.worksheet]));
    }));
  }

  function checkBox(box) {
    var text = box.querySelector("textarea").value;
    var list = box.querySelector(".answer-check ul");
    if (!findQuotations(text).length && !findMentions(text).length) return show(list, []);
    var wanted = JSON.parse(box.getAttribute("data-sources"));
    withSources(wanted, function (sources) {
      if (box.querySelector("textarea").value !== text) return;  // a newer check is on its way
      show(list, check(text, sources).map(function (item) { return verdict(item, wanted, sources) })
        .filter(Boolean));
    });
  }

  // -- Storage -------------------------------------------------------------
  var PREFIX = "answers:";
  var records = {};  // key -> record: the truth for the visit once storage fails
  var trouble = "";  // "", "blocked" or "full"

  function fail(kind) {
    trouble = trouble || kind;
    document.documentElement.setAttribute("data-answers-storage", trouble);
  }

  function record(key) {
    if (trouble && records[key]) return records[key];
    var stored = null;
    try { stored = __md_get(PREFIX + key) } catch (e) { fail("blocked") }
    if (!trouble || !records[key]) {
      records[key] = stored && typeof stored.answers === "object" ? stored : {name: "", "class": "", answers: {}};
    }
    return records[key];
  }

  function save(key) {
    var failure = null;
    __md_set(PREFIX + key, records[key], {
      setItem: function (name, value) {
        try { localStorage.setItem(name, value) } catch (e) { failure = e }
      }
    });
    if (failure) fail(failure.name === "QuotaExceededError" ? "full" : "blocked");
  }

  // -- The boxes -------------------------------------------------------------
  var QUIET = 400;  // ms without typing before the check runs: it never holds up a key

  function countWords(text) {
    return (text.match(/[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*/gu) || []).length;
  }

  function refresh(box, wait) {
    var text = box.querySelector("textarea").value;
    var words = countWords(text);
    box.querySelector(".answer-count").textContent = words + (words === 1 ? " word" : " words");
    typeOut(box.parentElement, text);
    clearTimeout(box.__check);
    box.__check = setTimeout(function () { checkBox(box) }, wait);
  }

  // The answer as it prints, on the ruled lines of its writing space, with
  // more lines than it can need (a line holds some 90 letters; the more lines
  // show only under a typed answer, and only as far as it goes).
  function typeOut(space, text) {
    var typed = space.querySelector(".typed-answer"), rules = space.querySelector(".writing-space");
    typed.textContent = text;
    for (var n = rules.children.length, wanted = Math.ceil(text.length / 40) + text.split("\n").length; n < wanted; n++) {
      rules.appendChild(document.createElement("span")).className = "rule rule--more";
    }
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    var box = field.closest && field.closest(".answer-box");
    var where = box || (field.closest && field.closest(".hand-in"));
    if (!where || !(box || field.hasAttribute("data-field"))) return;
    var key = where.getAttribute("data-answers"), saved = record(key);
    if (box) {
      saved.answers[box.getAttribute("data-question")] = field.value;
      refresh(box, QUIET);
    } else {
      saved[field.getAttribute("data-field")] = field.value;
    }
    save(key);
  });

  // -- Handing in --------------------------------------------------------------
  function today() {
    return new Date().toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }

  // The name, the title, the date, then each question and its answer, as plain text.
  function handIn(section) {
    var key = section.getAttribute("data-answers"), saved = record(key);
    var out = [section.getAttribute("data-title"), "Name: " + (saved.name || ""), "Class: " + (saved["class"] || ""),
               "Date: " + today()];
    document.querySelectorAll(".answer-box").forEach(function (box) {
      if (box.getAttribute("data-answers") !== key) return;
      var question = box.closest(".question"), title = question.querySelector(".question-title");
      out.push("", question.querySelector("h2").textContent.trim());
      if (title) out.push(title.textContent.trim());
      out.push(question.querySelector(".question-text").innerText.trim(), "",
               (saved.answers[box.getAttribute("data-question")] || "").trim() || "(no answer)");
    });
    return out.join("\n") + "\n";
  }

  function tell(section, text) {
    section.querySelector(".hand-in-status").textContent = text;
  }

  // Copying the old way, where the clipboard API is missing (a page not served over HTTPS).
  function copyByHand(text) {
    var focused = document.activeElement, area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy") } catch (e) { /* refused */ }
    area.remove();
    if (focused) focused.focus();
    return done;
  }

  var ACTIONS = {
    copy: function (section) {
      var text = handIn(section);
      var copied = function () { tell(section, "Copied: paste your answers into your school's platform.") };
      var refused = function () {
        if (copyByHand(text)) copied();
        else tell(section, "This browser does not let the site copy: download your answers instead.");
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(copied, refused);
      else refused();
    },
    download: function (section) {
      var name = (record(section.getAttribute("data-answers")).name || "").trim();
      var file = section.getAttribute("data-file")
        + (name ? "-" + name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") : "") + ".txt";
      var url = URL.createObjectURL(new Blob([handIn(section).replace(/\n/g, "\r\n")], {type: "text/plain;charset=utf-8"}));
      var link = document.createElement("a");
      link.href = url;
      link.download = file;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url) }, 10000);
      tell(section, "Downloaded: " + file);
    },
    print: function () {
      window.print();
    },
    clear: function (section) {
      var dialog = section.querySelector("dialog");
      dialog.returnValue = "";
      dialog.showModal();
    }
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".hand-in [data-action]");
    if (button) ACTIONS[button.getAttribute("data-action")](button.closest(".hand-in"));
  });

  // "close" does not bubble: caught on its way down.
  document.addEventListener("close", function (event) {
    var dialog = event.target;
    if (!dialog.matches || !dialog.matches(".hand-in-confirm") || dialog.returnValue !== "clear") return;
    var section = dialog.closest(".hand-in"), key = section.getAttribute("data-answers");
    records[key] = {name: "", "class": "", answers: {}};
    save(key);
    mount();
    tell(section, "Your answers are cleared from this device.");
  }, true);

  // -- The printable sheet with the student's answers ------------------------
  function showMine(note) {
    var saved = record(note.getAttribute("data-answers"));
    document.querySelectorAll(".question[data-question]").forEach(function (question) {
      typeOut(question.querySelector(".answer-space"), saved.answers[question.getAttribute("data-question")] || "");
    });
    var values = {name: saved.name, "class": saved["class"], date: today()};
    document.querySelectorAll(".sheet-header [data-field]").forEach(function (field) {
      var value = field.querySelector(".sheet-header-value") || field.appendChild(document.createElement("b"));
      value.className = "sheet-header-value";
      value.textContent = " " + (values[field.getAttribute("data-field")] || "");
    });
    var address = new URL(location.href);
    if (address.searchParams.get("print") === "1") {  // once: not again on a reload
      address.searchParams.delete("print");
      history.replaceState(history.state, "", address.href);
      setTimeout(function () { window.print() }, 100);
    }
  }

  function mount() {
    document.querySelectorAll(".answer-box").forEach(function (box) {
      var saved = record(box.getAttribute("data-answers"));
      box.querySelector("textarea").value = saved.answers[box.getAttribute("data-question")] || "";
      refresh(box, 0);
    });
    document.querySelectorAll(".hand-in [data-field]").forEach(function (field) {
      field.value = record(field.closest(".hand-in").getAttribute("data-answers"))[field.getAttribute("data-field")] || "";
    });
    var note = document.querySelector(".mine-note");
    var mine = !!note && new URLSearchParams(location.search).get("mine") === "1";
    document.documentElement.toggleAttribute("data-mine", mine);
    if (mine) showMine(note);
  }

  // Every page Material shows, instant navigation included.
  document$.subscribe(mount);
})();
