/* Exercises that check themselves (true or false, find the words, multiple
   choice, matching): each answer checked as it is given, the mark computed,
   the answers saved and handed in with the others. Nothing is sent.

   - The page holds no expected answer: each item lists salted hashes of
     the answers it accepts (worksheet/exercises.py, answer_hash); an answer
     is normalised as there (NFC, quote marks and dashes plain, spacing
     collapsed, case ignored), hashed with SHA-256 and compared.
   - A quotation is checked by AnswerCheck (assets/js/answer-check.js), the
     build's rule: it must stand in the text, within the item's lines.
   - The answers are written, an item a line, into the exercise's hidden
     answer box (1. True: "…" (l. 8–14)), where answers.js saves them
     (siteStorage) and puts them in the hand-in file, with the mark
     (data-mark); they are read back from it when the page opens.
   - Marks: an item right is a point; a true-or-false or choice whose
     proving quotation is missing or wrong, half a point; the exercise's
     points share them, rounded to the half. */
(function () {
  var t = siteText;  // the interface's texts (worksheet/interface/*.yml)
  // The words of the saved and handed-in answers: the file's format, the
  // same whatever the interface's language (hand-in files are read back).
  var FILE = {"true": "True", "false": "False", unanswered: "–"};
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2) }).join("");
  }

  function hashOf(spec, item, answer) {
    var normal = AnswerCheck.normalise(String(answer).normalize("NFC")).toLowerCase();
    var data = spec.salt + "|" + spec.question + "|" + item.number + "|" + normal;
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(data)).then(function (d) { return hex(d).slice(0, 24) });
  }

  // An exercise as its page holds it: {kind, salt, question, points, items:
  // [{number, hashes, lines, quotes: {option: lines}}]}; the review page gets
  // the same from the build (worksheet_site/review.py).
  function specOf(exercise) {
    return {kind: exercise.getAttribute("data-exercise"), salt: exercise.getAttribute("data-salt"),
            question: exercise.getAttribute("data-question"), points: Number(exercise.getAttribute("data-points")),
            items: Array.prototype.map.call(exercise.querySelectorAll(".exercise-item"), function (li) {
              var quotes = {};
              li.querySelectorAll("input[data-quote]").forEach(function (i) { quotes[i.value] = i.getAttribute("data-quote") });
              return {number: Number(li.getAttribute("data-item")), hashes: li.getAttribute("data-hashes").split(" "),
                      lines: li.getAttribute("data-lines"), quotes: quotes};
            })};
  }

  // -- Each item's answer, as given ---------------------------------------------
  function quoted(text) {
    text = text.trim().replace(/^["“«]\s*|\s*["”»]$/g, "");
    return text ? '"' + text + '"' : "";
  }

  function given(kind, li) {
    if (kind === "true-false") {
      var picked = li.querySelector("input[type=radio]:checked");
      return {value: picked ? picked.value : "", quotes: [{quote: quoted(li.querySelector(".exercise-quote").value),
                                                          lines: li.getAttribute("data-lines")}]};
    }
    if (kind === "find-words") return {value: li.querySelector(".exercise-word").value.trim(), quotes: []};
    if (kind === "matching") return {value: li.querySelector("select").value, quotes: []};
    var ticked = Array.prototype.filter.call(li.querySelectorAll("input[name]"), function (i) { return i.checked });
    return {value: ticked.map(function (i) { return i.value }).join(","), quotes: ticked.filter(function (i) {
      return i.hasAttribute("data-quote");
    }).map(function (i) {
      return {option: i.value, lines: i.getAttribute("data-quote"),
              quote: quoted(li.querySelector('.exercise-quote[data-option="' + i.value + '"]').value)};
    })};
  }

  // The answers as text, an item a line: what is saved and handed in.
  function written(kind, li, answer) {
    var n = li.getAttribute("data-item") + ". ";
    if (!answer.value) return n + FILE.unanswered;
    if (kind === "true-false") {
      var q1 = answer.quotes[0];
      return n + FILE[answer.value] + (q1.quote ? ": " + q1.quote + " (l. " + q1.lines + ")" : "");
    }
    if (kind === "matching") return n + li.querySelector(".exercise-term").textContent.trim() + ": " + LETTERS[Number(answer.value) - 1];
    if (kind === "choice") return n + answer.value.split(",").map(function (o) {
      var q = answer.quotes.filter(function (x) { return x.option === o && x.quote })[0];
      return q ? o + ": " + q.quote + " (l. " + q.lines + ")" : o;
    }).join(", ");
    return n + answer.value;
  }

  // An item's answer read back from its row of text, its quotations'
  // lines taken from the item, not from the row.
  function parsedRow(kind, row, item) {
    if (!row || row === FILE.unanswered) return {value: "", quotes: []};
    if (kind === "true-false") {
      var m = /^(\w+)(?::\s*"(.*)"\s*\(l\. [^)]*\))?$/.exec(row) || [];
      var value = m[1] === FILE["true"] ? "true" : m[1] === FILE["false"] ? "false" : "";
      return {value: value, quotes: [{quote: m[2] ? '"' + m[2] + '"' : "", lines: item.lines}]};
    }
    if (kind === "find-words") return {value: row, quotes: []};
    if (kind === "matching") {
      var letter = LETTERS.indexOf(row.slice(-1)) + 1;
      return {value: letter ? String(letter) : "", quotes: []};
    }
    var re = /(\d+)(?::\s*"([^"]*)"\s*\(l\. [^)]*\))?/g, one, picked = [], quotes = [];
    while ((one = re.exec(row))) {
      picked.push(Number(one[1]));
      if (Object.prototype.hasOwnProperty.call(item.quotes, one[1])) {
        quotes.push({option: one[1], lines: item.quotes[one[1]], quote: one[2] ? '"' + one[2] + '"' : ""});
      }
    }
    return {value: picked.sort(function (a, b) { return a - b }).join(","), quotes: quotes};
  }

  function rowsOf(text) {
    var rows = new Map();
    String(text || "").split("\n").forEach(function (row) {
      var m = /^(\d+)\. (.*)$/.exec(row.trim());
      if (m) rows.set(m[1], m[2]);
    });
    return rows;
  }

  // The answers read back from their text into the controls.
  function restore(exercise, text) {
    var spec = specOf(exercise), rows = rowsOf(text);
    exercise.querySelectorAll(".exercise-item").forEach(function (li, i) {
      var answer = parsedRow(spec.kind, rows.get(li.getAttribute("data-item")), spec.items[i]);
      if (!answer.value) return;
      if (spec.kind === "true-false") {
        li.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === answer.value });
        li.querySelector(".exercise-quote").value = answer.quotes[0].quote.replace(/^"|"$/g, "");
      } else if (spec.kind === "find-words") {
        li.querySelector(".exercise-word").value = answer.value;
      } else if (spec.kind === "matching") {
        li.querySelector("select").value = answer.value;
      } else {
        answer.value.split(",").forEach(function (n) {
          var box = li.querySelector('input[name][value="' + n + '"]');
          if (box) box.checked = true;
        });
        answer.quotes.forEach(function (q) {
          var field = li.querySelector('.exercise-quote[data-option="' + q.option + '"]');
          if (field) field.value = q.quote.replace(/^"|"$/g, "");
        });
      }
    });
  }

  // -- The checks ------------------------------------------------------------------
  // Whether the quotation stands within the lines: {ok, text}.
  function quoteVerdict(quote, lines, sources, titles) {
    if (!quote) return {ok: false, text: t("exercise.quote_missing")};
    var items = AnswerCheck.check(quote + " (l. " + lines + ")", sources);
    return items.length ? AnswerCheck.verdict(items[0], titles, sources) || {ok: true, text: ""} : {ok: false, text: t("exercise.quote_missing")};
  }

  // An item's answer checked: {score: 1, ½ or 0, said: [{ok, text}]}.
  function scoreItem(spec, item, answer, sources, titles) {
    if (!answer.value) return Promise.resolve({score: 0, said: []});
    return hashOf(spec, item, answer.value).then(function (hash) {
      var right = item.hashes.indexOf(hash) !== -1, said = [], score = right ? 1 : 0;
      var quotes = answer.quotes.filter(function (q) { return q.quote || right }).map(function (q) {
        return {quote: q.quote, verdict: quoteVerdict(q.quote, q.lines, sources, titles)};
      });
      var quoteWrong = quotes.filter(function (q) { return q.quote && !q.verdict.ok });
      if (right && quotes.some(function (q) { return !q.verdict.ok })) score = 0.5;
      if (right && quoteWrong.length) {
        // A right choice, its quotation wrong: said as one, not "Right" beside a cross.
        said.push({ok: false, text: t("exercise.right_but_quote", {verdict: quoteWrong.map(function (q) {
          return q.verdict.text;
        }).join(" · ")})});
        quotes.forEach(function (q) { if (!q.quote) said.push({ok: false, text: t("exercise.quote_needed")}) });
        return {score: score, said: said};
      }
      said.push({ok: right, text: right ? t("exercise.right") : t("exercise.wrong")});
      quotes.forEach(function (q) {
        said.push(q.verdict.ok || q.quote ? q.verdict : {ok: false, text: t("exercise.quote_needed")});
      });
      return {score: score, said: said};
    });
  }

  function show(li, said) {
    var slot = li.querySelector(".exercise-verdict"), text = said.map(function (s) { return s.text }).filter(Boolean).join(" · ");
    if (slot.textContent !== text) slot.textContent = text;
    li.classList.toggle("is-right", said.length > 0 && said.every(function (s) { return s.ok }));
    li.classList.toggle("is-wrong", said.some(function (s) { return !s.ok }));
  }

  // The points the item scores share, to the half.
  function markOf(spec, scores) {
    var sum = scores.reduce(function (a, b) { return a + b }, 0);
    return Math.round(spec.points * sum / Math.max(1, scores.length) * 2) / 2;
  }

  function check(exercise) {
    var spec = specOf(exercise), items = exercise.querySelectorAll(".exercise-item");
    if (!(window.crypto && crypto.subtle)) return void (exercise.querySelector(".exercise-help").textContent = t("exercise.no_check"));
    var wanted = JSON.parse(exercise.getAttribute("data-sources"));
    var titles = wanted.map(function (s) { return s.title });
    AnswerCheck.withSources(wanted, function (sources) {
      Promise.all(Array.prototype.map.call(items, function (li, i) {
        return scoreItem(spec, spec.items[i], given(spec.kind, li), sources, titles).then(function (result) {
          show(li, result.said);
          return result.score;
        });
      })).then(function (scores) {
        var mark = markOf(spec, scores);
        exercise.querySelector(".exercise-mark-value").textContent = String(mark);
        exercise.querySelector(".answer-box").setAttribute("data-mark", String(mark));
      });
    });
  }

  // The mark of a handed-in answer (its text, as saved), computed again by
  // the same rule: a promise of a number; null where the browser cannot hash.
  function markOfText(spec, text, sources) {
    if (!(window.crypto && crypto.subtle)) return Promise.resolve(null);
    var rows = rowsOf(text);
    return Promise.all(spec.items.map(function (item) {
      return scoreItem(spec, item, parsedRow(spec.kind, rows.get(String(item.number)), item), sources, [""])
        .then(function (result) { return result.score });
    })).then(function (scores) { return markOf(spec, scores) });
  }

  window.Exercises = {markOfText: markOfText};

  // The answers into the hidden box, where answers.js saves them.
  function record(exercise) {
    var kind = exercise.getAttribute("data-exercise");
    var text = Array.prototype.map.call(exercise.querySelectorAll(".exercise-item"), function (li) {
      return written(kind, li, given(kind, li));
    }).join("\n");
    var area = exercise.querySelector(".answer-box textarea");
    if (area.value !== text) {
      area.value = text;
      area.dispatchEvent(new Event("input", {bubbles: true}));
    }
    check(exercise);
  }

  function changed(event) {
    var exercise = event.target.closest && !event.target.matches("textarea") && event.target.closest(".exercise");
    if (exercise) record(exercise);
  }
  document.addEventListener("input", changed);
  document.addEventListener("change", changed);

  function mount() {
    document.querySelectorAll(".exercise").forEach(function (exercise) {
      restore(exercise, exercise.querySelector(".answer-box textarea").value);
      check(exercise);
    });
  }

  document$.subscribe(function () { setTimeout(mount, 0) });
})();
