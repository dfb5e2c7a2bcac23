/* The review page (classroom edition only): a class's hand-in files read on
   the teacher's device, answers read question by question, marked, and
   sent back as marks (CSV) and feedback files. Nothing is sent anywhere.

   - Files: dropped or picked, any number, of any worksheets; each read with
     HandInFile (assets/js/hand-in-file.js), once its size is known to be
     under HandInFile.LIMIT. One that cannot be read gets one line saying
     why, and the others load. One written on another version of the
     article (its fingerprint differs from the page's) is flagged, on its
     line and on each of its answers. An answer longer than LONGEST is shown
     and checked that far, and says so. Each file's line can remove it.
   - Students: a file's student is its name, class and file name (names and
     classes compared as HandInFile.person says). Two files of one name and
     class but different file names are namesakes, kept apart and shown with
     their class and file. A file of the same name, class and file name as
     one loaded is a later hand-in: it takes the earlier one's place, says
     so, and can be undone.
   - Groups: the files of one worksheet and one class are read together;
     the teacher picks the group.
   - Each answer: its words against the length asked, each quotation
     checked with AnswerCheck (assets/js/answer-check.js), the build's rule;
     the model answer and teacher notes beside (the page's <template>s).
   - An exercise's mark is computed again here from the student's answers,
     by the rule of the questions page (Exercises, assets/js/exercises.js),
     and is the first mark of that answer, which the teacher may change. The
     mark the hand-in file carries ("mark: 3.5 / 5") is not trusted: where
     it differs, the answer says so.
   - Marks and comments: kept through siteStorage (assets/js/storage.js),
     a record per class and worksheet, {students: [{name, file, number,
     marks: [[question id, mark, comment]]}]}, as they are typed. A mark
     that is not one is not kept, and the message says which mark is.
     number: the student's place in blind marking, drawn at random when
     the student is first seen, so that it says nothing of names or files.
   - Blind marking hides every name and file name (the file list, the
     answers, the summary), orders students by their number, and is
     remembered on the device until the teacher unticks it.
   - Numbers show with the device's decimal sign (a comma in French, say),
     on screen, in print and in feedback files; the CSV always has a comma.
   - Everything a file holds is shown as text (textContent), never as
     markup, and never becomes a key of a plain object (Map, Set).
   - In Node, the rules that need no page (csvText, parseMark, number) are
     the export, for tests/js/review.test.js. */
(function () {
  var t = siteText;  // the interface's texts (worksheet/interface/*.yml)
  var PREFIX = "review:";  // siteStorage: the marks of a group, by its id
  var BLIND = "review-blind";  // siteStorage: blind marking on
  var SOURCES_WAIT = 10000;  // ms to wait for an article's lines before an exercise's mark is left to the teacher
  var LONGEST = 20000;  // characters of an answer shown and checked (as the answer box checks)
  var NAME_LONGEST = 100;  // characters of a name or class shown
  var state = null;  // mount(): {page, sheets, students, lines, entryOf}
  var records = new Map();  // group id -> {entries}: the marks, as read this visit

  // -- Numbers: the device's decimal sign on screen, a comma in the CSV -----------
  var DECIMAL = (function () {
    try {
      var parts = new Intl.NumberFormat(navigator.language).formatToParts(1.5);
      return parts.some(function (p) { return p.type === "decimal" && p.value === "," }) ? "," : ".";
    } catch (e) {
      return ".";
    }
  })();

  function parseMark(text) {
    text = text.trim().replace(",", ".");
    if (!text) return null;
    return /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  }

  function number(value, comma) {
    return String(Math.round(value * 100) / 100).replace(".", comma ? "," : DECIMAL);
  }

  function sum(values) {
    return values.reduce(function (a, b) { return a + b }, 0);
  }

  function when(written) {
    var date = new Date(written);
    return isNaN(date) ? "" : date.toLocaleString(siteText.locale, {dateStyle: "medium", timeStyle: "short"});
  }

  // -- Marks, kept on the device -----------------------------------------------------
  function entry(name, file, drawn, marks) {
    var kept = new Map();
    (Array.isArray(marks) ? marks : []).forEach(function (one) {
      if (!Array.isArray(one) || typeof one[0] !== "string") return;
      kept.set(one[0], {mark: typeof one[1] === "number" && isFinite(one[1]) ? one[1] : null,
                        comment: typeof one[2] === "string" ? one[2] : ""});
    });
    return {name: name, key: HandInFile.person(name), file: file, number: drawn, marks: kept};
  }

  function marksOf(group) {
    if (records.has(group.id)) return records.get(group.id);
    var stored = siteStorage.get(PREFIX + group.id) || siteStorage.get(PREFIX + group.sheet.key + ":" + group["class"]);
    var record = {entries: []};
    if (stored && Array.isArray(stored.students)) {
      stored.students.forEach(function (s) {
        if (!s || typeof s.name !== "string") return;
        record.entries.push(entry(s.name, typeof s.file === "string" ? s.file : null,
                                  typeof s.number === "number" ? s.number : null, s.marks));
      });
    } else if (stored && typeof stored === "object" && !Array.isArray(stored)) {
      // Marks kept by name alone, {name: {question id: {mark, comment}}}: each
      // goes to the one student of that name, if only one has it.
      Object.keys(stored).forEach(function (name) {
        var given = stored[name];
        if (!given || typeof given !== "object") return;
        record.entries.push(entry(name, null, null, Object.keys(given).map(function (id) {
          return [id, given[id] && given[id].mark, given[id] && given[id].comment];
        })));
      });
    }
    records.set(group.id, record);
    return record;
  }

  function saveMarks(group) {
    var kept = siteStorage.set(PREFIX + group.id, {students: marksOf(group).entries.map(function (e) {
      return {name: e.name, file: e.file, number: e.number, marks: Array.from(e.marks, function (pair) {
        return [pair[0], pair[1].mark, pair[1].comment];
      })};
    })});
    if (!kept) status(t("review.cannot_save"));
  }

  function shuffled(list) {
    list = list.slice();
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), held = list[i];
      list[i] = list[j];
      list[j] = held;
    }
    return list;
  }

  // Ties each student of the group to their marks: those kept for their name
  // and file; or those kept by name alone, when one student has that name;
  // or new ones. Students met for the first time get the next numbers, in
  // an order drawn at random.
  function bind(group) {
    var record = marksOf(group), students = group.students, taken = new Set(), changed = false;
    students.forEach(function (s) {
      var e = state.entryOf.get(s);
      if (e && record.entries.indexOf(e) !== -1) taken.add(e);
      else state.entryOf.delete(s);
    });
    function take(s, e) {
      state.entryOf.set(s, e);
      taken.add(e);
    }
    students.forEach(function (s) {
      if (state.entryOf.has(s)) return;
      var found = record.entries.filter(function (e) { return !taken.has(e) && e.key === s.key && e.file === s.file })[0];
      if (found) take(s, found);
    });
    students.forEach(function (s) {
      if (state.entryOf.has(s)) return;
      var old = record.entries.filter(function (e) { return !taken.has(e) && e.file === null && e.key === s.key });
      if (old.length === 1 && namesakes(group, s).length === 1) {
        old[0].file = s.file;
        take(s, old[0]);
        changed = true;
      }
    });
    students.forEach(function (s) {
      if (state.entryOf.has(s)) return;
      var fresh = entry(s.name, s.file, null, []);
      record.entries.push(fresh);
      take(s, fresh);
      changed = true;
    });
    students.forEach(function (s) {  // an exercise's mark, computed again from its answers: the first mark
      var marks = state.entryOf.get(s).marks;
      s.computed.forEach(function (mark, id) {
        var one = marks.get(id);
        if (one && one.mark !== null) return;
        marks.set(id, {mark: mark, comment: one ? one.comment : ""});
        changed = true;
      });
    });
    var last = record.entries.reduce(function (n, e) { return Math.max(n, e.number || 0) }, 0);
    shuffled(students.map(function (s) { return state.entryOf.get(s) }).filter(function (e) { return !e.number }))
      .forEach(function (e) {
        e.number = ++last;
        changed = true;
      });
    if (changed) saveMarks(group);
  }

  // -- Reading the files ---------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clip(text, length) {
    text = String(text || "").normalize("NFC").trim().replace(/\s+/g, " ");
    return text.length > length ? text.slice(0, length - 1) + "…" : text;
  }

  // Each exercise's mark, computed again from the student's answers by the
  // rule of the page (Exercises, assets/js/exercises.js), whatever the file
  // says (student.claimed); none when the text cannot be loaded in time.
  function exerciseMarks(student) {
    var exercises = student.sheet.questions.filter(function (q) { return q.exercise && student.answers.has(q.id) });
    if (!exercises.length || !window.Exercises) return Promise.resolve();
    var loaded = new Promise(function (done) {
      AnswerCheck.withSources(student.sheet.sources, done);
      setTimeout(function () { done(null) }, SOURCES_WAIT);
    });
    return loaded.then(function (sources) {
      if (!sources) return;
      return Promise.all(exercises.map(function (q) {
        return Exercises.markOfText(q.exercise, student.answers.get(q.id), sources).then(function (mark) {
          if (mark !== null) student.computed.set(q.id, mark);
        });
      }));
    });
  }

  // A file as a line of the file list: {file, error} or {file, student}.
  function readFile(file) {
    var tooBig = HandInFile.tooBig(file.size);
    if (tooBig) return Promise.resolve({file: file.name, error: tooBig});
    return file.arrayBuffer().then(function (bytes) {
      var read = HandInFile.read(HandInFile.decode(new Uint8Array(bytes)));
      if (read.kind !== "answers") throw new Error(t("review.is_feedback"));
      var sheet = state.sheets.get(read.head.worksheet);
      if (!sheet) throw new Error(t("review.unknown_sheet", {worksheet: clip(read.head.worksheet, 60)}));
      var name = clip(read.head.name, NAME_LONGEST), group = clip(read.head["class"], NAME_LONGEST);
      var student = {file: file.name, head: read.head, sheet: sheet, name: name, key: HandInFile.person(name),
                     "class": group, classKey: HandInFile.person(group), older: read.head.text !== sheet.text,
                     answers: new Map(), words: new Map(), times: new Map(), cut: new Map(), computed: new Map(),
                     claimed: new Map(), unknown: 0};
      var ids = new Set(sheet.questions.map(function (q) { return q.id }));
      read.sections.forEach(function (s) {
        if (!ids.has(s.id)) return student.unknown++;
        student.words.set(s.id, AnswerCheck.countWords(s.text));
        if (s.text.length > LONGEST) student.cut.set(s.id, s.text.length);
        student.answers.set(s.id, s.text.slice(0, LONGEST));
        student.times.set(s.id, s.written);
        var q = sheet.questions.filter(function (x) { return x.id === s.id })[0];
        if (q.exercise) student.claimed.set(s.id, s.mark === null ? null : parseMark(s.mark.split("/")[0]));
      });
      return exerciseMarks(student).then(function () { return {file: file.name, student: student} });
    }).catch(function (error) {
      return {file: file.name, error: error.message};
    });
  }

  // A student's place: a later hand-in (same name, class and file name)
  // takes the earlier one's, which its line keeps for undoing.
  function place(line) {
    var one = line.student;
    var earlier = state.students.filter(function (s) {
      return s.sheet === one.sheet && s.classKey === one.classKey && s.key === one.key && s.file === one.file;
    })[0];
    if (!earlier) return state.students.push(one);
    state.students[state.students.indexOf(earlier)] = one;
    var old = lineOf(earlier);
    state.lines.splice(state.lines.indexOf(old), 1);
    line.replaced = old;
  }

  function lineOf(student) {
    return state.lines.filter(function (l) { return l.student === student })[0];
  }

  function addFiles(list) {
    var files = Array.prototype.slice.call(list);
    if (!files.length) return;
    Promise.all(files.map(readFile)).then(function (lines) {
      lines.forEach(function (line) {
        if (line.student) place(line);
        state.lines.push(line);
      });
      var failed = lines.filter(function (l) { return l.error }).length;
      dropStatus(failed ? t("review.files_some_failed", {count: lines.length, loaded: lines.length - failed, failed: failed})
        : t("review.files_loaded", {count: lines.length}));
      groupsChanged();
    });
  }

  function remove(line) {
    var at = state.lines.indexOf(line);
    if (at === -1) return;
    state.lines.splice(at, 1);
    if (line.student) state.students.splice(state.students.indexOf(line.student), 1);
    dropStatus(t(line.student ? "review.removed" : "review.removed_line", {file: fileLabel(line)}));
    groupsChanged();
  }

  function undo(line) {
    var old = line.replaced;
    state.students[state.students.indexOf(line.student)] = old.student;
    state.lines[state.lines.indexOf(line)] = old;
    dropStatus(t("review.undone", {file: fileLabel(old)}));
    groupsChanged();
  }

  // -- The file list -------------------------------------------------------------------
  function blind() {
    var box = document.querySelector(".review-blind");
    return !!box && box.checked;
  }

  function groupOf(student) {
    return groups().filter(function (g) { return g.students.indexOf(student) !== -1 })[0];
  }

  function fileLabel(line) {
    if (!blind()) return line.file;
    var entry = line.student && state.entryOf.get(line.student);
    return entry ? t("review.file_of_student", {number: entry.number}) : t("review.a_file");
  }

  function said(line) {
    if (line.error) return t("review.cannot_read", {error: line.error});
    var s = line.student, group = groupOf(s);
    var text = s.sheet.title + (blind() ? "" : ", " + (s.name || t("review.no_name"))) + ", " + (s["class"] || t("review.no_class"));
    var notes = [];
    if (line.replaced) {
      var before = when(line.replaced.student.head.written), now = when(s.head.written);
      notes.push(before || now ? t("review.replaces_written", {before: before || t("review.no_time"), now: now || t("review.no_time")})
        : t("review.replaces"));
    }
    if (group && namesakes(group, s).length > 1) {
      var others = namesakes(group, s).filter(function (o) { return o !== s });
      notes.push(blind() ? t("review.namesakes_blind", {count: others.length})
        : t("review.namesakes", {count: others.length, files: others.map(function (o) { return o.file }).join(", ")}));
    }
    if (s.unknown) notes.push(t("review.unknown_questions", {count: s.unknown}));
    s.cut.forEach(function (length, id) {
      var q = s.sheet.questions.filter(function (x) { return x.id === id })[0];
      notes.push(t("review.cut_question", {question: q.title, length: length.toLocaleString(siteText.lang),
                                            longest: LONGEST.toLocaleString(siteText.lang)}));
    });
    if (s.older) notes.push(t("review.older"));
    return text + (notes.length ? ". " + notes.join(" ") : "");
  }

  function renderFiles() {
    var list = document.querySelector(".review-files");
    list.textContent = "";
    var lines = state.lines;
    if (blind()) {  // in no order a name or a file name gives: by number, then those not read
      var number = function (l) { return l.student && state.entryOf.has(l.student) ? state.entryOf.get(l.student).number : Infinity };
      lines = lines.slice().sort(function (a, b) { return number(a) - number(b) });
    }
    lines.forEach(function (line) {
      var warned = line.student && (line.replaced || line.student.older || line.student.unknown || line.student.cut.size
        || namesakes(groupOf(line.student), line.student).length > 1);
      var item = list.appendChild(el("li", "review-file review-file--" + (line.error ? "error" : warned ? "older" : "ok")));
      var name = blind() ? (line.student ? t("review.student", {number: state.entryOf.get(line.student).number}) : t("review.a_file_title")) : line.file;
      var text = item.appendChild(el("span", "review-file-text"));
      text.appendChild(el("span", "review-file-name", name));
      text.appendChild(document.createTextNode(": " + said(line)));
      if (line.replaced) {
        var back = item.appendChild(el("button", "review-file-action", t("review.undo")));
        back.type = "button";
        back.setAttribute("data-line", "undo");
        back.setAttribute("aria-label", t("review.undo_label", {file: fileLabel(line)}));
      }
      var drop = item.appendChild(el("button", "review-file-action", t("review.remove")));
      drop.type = "button";
      drop.setAttribute("data-line", "remove");
      drop.setAttribute("aria-label", t("review.remove_label", {file: fileLabel(line)}));
      item.__line = line;
    });
  }

  function dropStatus(text) {
    document.querySelector(".review-drop-status").textContent = text;
  }

  // -- Groups: one worksheet, one class -------------------------------------------
  function groups() {
    var found = new Map();
    state.students.forEach(function (s) {
      var id = s.sheet.key + ":" + s.classKey;
      if (!found.has(id)) found.set(id, {id: id, sheet: s.sheet, "class": s["class"], students: []});
      found.get(id).students.push(s);
    });
    return Array.from(found.keys()).sort().map(function (id) { return found.get(id) });
  }

  function current() {
    var select = document.querySelector(".review-group");
    return groups().filter(function (g) { return g.id === select.value })[0];
  }

  function groupsChanged() {
    var select = document.querySelector(".review-group"), chosen = select.value, all = groups();
    all.forEach(bind);
    select.textContent = "";
    all.forEach(function (g) {
      var option = el("option", "", g.sheet.title + " · " + (g["class"] || t("review.no_class")) + " ("
        + t("review.students", {count: g.students.length}) + ")");
      option.value = g.id;
      select.appendChild(option);
    });
    if (all.some(function (g) { return g.id === chosen })) select.value = chosen;
    renderFiles();
    document.querySelector(".review-work").hidden = !all.length;
    if (all.length) render();
  }

  // -- Reading by question -------------------------------------------------------------
  function namesakes(group, student) {
    return group ? group.students.filter(function (s) { return s.key === student.key }) : [student];
  }

  // In the order loaded; in blind marking, by number.
  function studentsOf(group) {
    if (!blind()) return group.students;
    return group.students.slice().sort(function (a, b) { return state.entryOf.get(a).number - state.entryOf.get(b).number });
  }

  function label(group, student) {
    if (blind()) return t("review.student", {number: state.entryOf.get(student).number});
    var name = student.name || t("review.no_name");
    return namesakes(group, student).length > 1 ? name + " (" + (student["class"] || t("review.no_class")) + ", " + student.file + ")" : name;
  }

  function outOf(points) {
    return points === null || points === undefined ? "" : " / " + number(points);
  }

  function words(range) {
    return t("review.words_asked", {words: range[0] === range[1] ? range[0] : range[0] + "–" + range[1]});
  }

  function render() {
    var group = current();
    if (!group) return;
    AnswerCheck.withSources(group.sheet.sources, function (sources) {
      if (!current() || current().id !== group.id) return;  // another group was chosen meanwhile
      var titles = group.sheet.sources.map(function (s) { return s.title });
      var filter = document.querySelector(".review-filter").value;
      var holder = document.querySelector(".review-questions");
      holder.textContent = "";
      var students = studentsOf(group);
      group.sheet.questions.forEach(function (q) {
        var section = el("section", "review-question");
        section.setAttribute("aria-labelledby", "review-" + q.id);
        var heading = el("h2", "", q.title + (q.points !== null ? " (" + t("questions.points", {count: q.points, points: number(q.points)}) + ")" : ""));
        heading.id = "review-" + q.id;
        section.appendChild(heading);
        var key = document.querySelector('template.review-key[data-sheet="' + CSS.escape(group.sheet.key) + '"][data-question="' + CSS.escape(q.id) + '"]');
        var layout = section.appendChild(el("div", "review-layout"));
        var list = layout.appendChild(el("div", "review-answers"));
        if (key) {
          var model = layout.appendChild(key.content.cloneNode(true).querySelector(".review-model"));
          var modelAnswer = model.querySelector(".review-model-answer");
          // Beside the answers on a wide screen, open; above them on a phone, closed.
          if (modelAnswer) modelAnswer.open = matchMedia("(min-width: 60em)").matches;
        }
        if (key) section.insertBefore(key.content.cloneNode(true).querySelector(".review-question-text"), layout);
        var shown = 0;
        students.forEach(function (student, si) {
          var text = student.answers.get(q.id) || "";
          var count = student.words.get(q.id) || 0;
          var items = text.trim() ? AnswerCheck.check(text, sources) : [];
          var verdicts = items.map(function (item) { return AnswerCheck.verdict(item, titles, sources) }).filter(Boolean);
          var failing = verdicts.some(function (v) { return !v.ok });
          var empty = !text.trim(), short = !empty && !q.exercise && count < q.words[0];
          if (filter === "empty" && !empty || filter === "short" && !short || filter === "failing" && !failing) return;
          shown++;
          var answer = el("article", "review-answer");
          answer.setAttribute("data-student", String(si));
          answer.setAttribute("data-question", q.id);
          answer.setAttribute("aria-label", label(group, student) + ", " + q.title);
          var head = answer.appendChild(el("p", "review-answer-head"));
          head.appendChild(el("strong", "review-student", label(group, student)));
          if (!q.exercise) {  // an exercise's length says nothing
            head.appendChild(document.createTextNode(" · "));
            head.appendChild(el("span", "review-count" + (short ? " is-short" : ""),
                                t("answers.words", {count: count}) + " (" + t("review.asked", {words: words(q.words)}) + ")"));
          }
          var written = when(student.times.get(q.id));
          if (written) head.appendChild(el("span", "review-time", " · " + t("review.written", {time: written})));
          if (student.older) answer.appendChild(el("p", "review-older", t("review.older")));
          var answerText = answer.appendChild(el("div", "review-answer-text" + (empty ? " is-empty" : ""), empty ? t("review.no_answer") : text));
          if (!empty && sources.length) answerText.lang = sources[0].language;  // the student writes in the text's language
          if (student.cut.has(q.id)) {
            answer.appendChild(el("p", "review-older", t("review.cut", {length: student.cut.get(q.id).toLocaleString(siteText.lang),
                                                                        longest: LONGEST.toLocaleString(siteText.lang)})));
          }
          if (verdicts.length) {
            var ul = answer.appendChild(el("ul", "review-checks"));
            ul.setAttribute("aria-label", t("review.quotations"));
            verdicts.forEach(function (v) {
              ul.appendChild(el("li", v.ok ? "is-ok" : "is-wrong", v.text));
            });
          }
          var given = state.entryOf.get(student).marks.get(q.id) || {mark: null, comment: ""};
          var row = answer.appendChild(el("p", "review-marking"));
          var id = "mark-" + si + "-" + q.id;
          var markLabel = row.appendChild(el("label", "", t("review.mark") + outOf(q.points)));
          markLabel.htmlFor = id;
          var mark = row.appendChild(el("input", "review-mark"));
          mark.id = id;
          mark.type = "text";
          mark.setAttribute("inputmode", "decimal");
          mark.setAttribute("autocomplete", "off");
          mark.setAttribute("aria-describedby", "review-" + q.id + " " + id + "-error");
          mark.value = given.mark === null ? "" : number(given.mark);
          var commentLabel = row.appendChild(el("label", "", t("review.comment")));
          commentLabel.htmlFor = "comment-" + si + "-" + q.id;
          var comment = row.appendChild(el("input", "review-comment"));
          comment.id = "comment-" + si + "-" + q.id;
          comment.type = "text";
          comment.setAttribute("autocomplete", "off");
          comment.value = given.comment;
          row.appendChild(el("span", "review-mark-error")).id = id + "-error";
          var claimed = student.claimed.get(q.id), computed = student.computed.get(q.id);
          if (claimed !== undefined && computed !== undefined && claimed !== computed) {
            answer.appendChild(el("p", "review-older", t("exercise.mark_differs", {claimed: claimed === null || isNaN(claimed)
              ? t("exercise.no_mark") : number(claimed), computed: number(computed)})));
          }
          list.appendChild(answer);
        });
        if (!shown) list.appendChild(el("p", "review-none", t("review.none_shown")));
        holder.appendChild(section);
      });
      summary(group);
    });
  }

  // -- Marking ------------------------------------------------------------------------
  function marked(field) {
    var answer = field.closest(".review-answer"), group = current();
    var student = studentsOf(group)[Number(answer.getAttribute("data-student"))];
    var id = answer.getAttribute("data-question");
    var q = group.sheet.questions.filter(function (x) { return x.id === id })[0];
    var marks = state.entryOf.get(student).marks;
    if (!marks.has(id)) marks.set(id, {mark: null, comment: ""});
    var given = marks.get(id);
    var row = field.closest(".review-marking"), error = row.querySelector(".review-mark-error");
    if (field.classList.contains("review-mark")) {
      var value = parseMark(field.value);
      var wrong = isNaN(value) || (value !== null && q.points !== null && value > q.points);
      field.setAttribute("aria-invalid", wrong ? "true" : "false");
      error.textContent = !wrong ? "" : (q.points !== null ? t("review.write_number_to", {most: number(q.points)}) : t("review.write_number"))
        + (given.mark === null ? t("review.no_mark_saved") : t("review.mark_kept", {mark: number(given.mark)}));
      if (wrong) return;
      given.mark = value;
    } else {
      given.comment = field.value;
    }
    saveMarks(group);
    summary(group);
  }

  function move(field, student) {
    var answers = Array.prototype.slice.call(document.querySelectorAll(".review-answer"));
    var here = field.closest(".review-answer"), which = field.classList.contains("review-mark") ? ".review-mark" : ".review-comment";
    var next;
    if (student) {  // this student's answer to the next question
      var after = answers.slice(answers.indexOf(here) + 1);
      next = after.filter(function (a) {
        return a.getAttribute("data-student") === here.getAttribute("data-student")
          && a.getAttribute("data-question") !== here.getAttribute("data-question");
      })[0];
    } else {  // the next student's answer to this question
      next = answers.slice(answers.indexOf(here) + 1).filter(function (a) {
        return a.getAttribute("data-question") === here.getAttribute("data-question");
      })[0];
    }
    if (next) {
      next.querySelector(which).focus();
      next.scrollIntoView({block: "nearest"});
    } else {
      status(t(student ? "review.last_of_student" : "review.last_of_question"));
    }
  }

  // -- What goes back ---------------------------------------------------------------------
  function markOf(student, q) {
    var one = state.entryOf.get(student).marks.get(q.id);
    return one ? one.mark : null;
  }

  function totalOf(group, student) {
    var marks = group.sheet.questions.map(function (q) { return markOf(student, q) })
      .filter(function (m) { return m !== null });
    return marks.length ? sum(marks) : null;
  }

  function csvCell(value) {
    value = String(value);
    if (/^[=+\-@\t\r]/.test(value)) value = "'" + value;  // a spreadsheet would run it as a formula
    return /[;"\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function csv(group) {
    var qs = group.sheet.questions;
    var rows = [[t("hand_in.name"), t("hand_in.class")].concat(qs.map(function (q) { return q.title + outOf(q.points) }),
                                         [t("review.total") + outOf(group.sheet.total), t("review.file")])];
    byName(group).forEach(function (student) {
      var total = totalOf(group, student);
      rows.push([student.name, student["class"]].concat(qs.map(function (q) {
        var mark = markOf(student, q);
        return mark === null ? "" : number(mark, true);
      }), [total === null ? "" : number(total, true), student.file]));
    });
    return csvText(rows);
  }

  // Rows as a CSV file a spreadsheet opens as they read: UTF-8 with a BOM,
  // semicolons between cells, CRLF between rows.
  function csvText(rows) {
    return "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(";") }).join("\r\n") + "\r\n";
  }

  function byName(group) {
    return group.students.slice().sort(function (a, b) {
      return a.name.localeCompare(b.name, "fr") || a.file.localeCompare(b.file, "fr");
    });
  }

  function feedback(group, student) {
    var total = totalOf(group, student);
    return HandInFile.write("feedback", {
      worksheet: group.sheet.key, title: group.sheet.title, text: student.head.text, name: student.name,
      "class": student["class"], written: new Date().toISOString(),
      total: total === null ? "" : number(total) + outOf(group.sheet.total)
    }, group.sheet.questions.map(function (q) {
      var one = state.entryOf.get(student).marks.get(q.id) || {mark: null, comment: ""};
      return {id: q.id, title: q.title, mark: one.mark === null ? null : number(one.mark) + outOf(q.points),
              text: one.comment};
    }));
  }

  function fileName(text) {
    return text.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  }

  function status(text) {
    document.querySelector(".review-status").textContent = text;
  }

  function summary(group) {
    var qs = group.sheet.questions, students = blind() ? studentsOf(group) : byName(group);
    document.querySelector(".review-summary-what").textContent = group.sheet.title + " · " + (group["class"] || t("review.no_class"))
      + " · " + t("review.students", {count: students.length})
      + (group.sheet.total !== null ? " · " + t("review.marked_out_of", {total: number(group.sheet.total)}) : "");
    var table = document.querySelector(".review-table");
    table.textContent = "";
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    head.appendChild(el("th", "", t("review.student_column"))).scope = "col";
    qs.forEach(function (q) { head.appendChild(el("th", "", q.title + outOf(q.points))).scope = "col" });
    head.appendChild(el("th", "", t("review.total") + outOf(group.sheet.total))).scope = "col";
    head.appendChild(el("th", "review-screen-only", t("review.feedback"))).scope = "col";
    var body = table.appendChild(el("tbody"));
    students.forEach(function (student) {
      var row = body.appendChild(el("tr"));
      row.appendChild(el("th", "", label(group, student))).scope = "row";
      qs.forEach(function (q) {
        var mark = markOf(student, q);
        row.appendChild(el("td", "", mark === null ? "–" : number(mark)));
      });
      var total = totalOf(group, student);
      row.appendChild(el("td", "review-total", total === null ? "–" : number(total)));
      var cell = row.appendChild(el("td", "review-screen-only"));
      var button = cell.appendChild(el("button", "md-button review-feedback", t("review.feedback_file")));
      button.type = "button";
      button.setAttribute("aria-label", t("review.feedback_file_for", {student: label(group, student)}));
      button.setAttribute("data-student", String(studentsOf(group).indexOf(student)));
    });
    var foot = table.appendChild(el("tfoot")).appendChild(el("tr"));
    foot.appendChild(el("th", "", t("review.average"))).scope = "row";
    function average(values) {
      values = values.filter(function (v) { return v !== null });
      return values.length ? number(sum(values) / values.length) : "–";
    }
    qs.forEach(function (q) {
      foot.appendChild(el("td", "", average(students.map(function (s) { return markOf(s, q) }))));
    });
    foot.appendChild(el("td", "review-total", average(students.map(function (s) { return totalOf(group, s) }))));
    foot.appendChild(el("td", "review-screen-only"));
  }

  // -- Events -----------------------------------------------------------------------------
  function mount() {
    var page = document.querySelector(".review");
    if (!page) return (state = null);
    var data = JSON.parse(page.querySelector(".review-data").textContent);
    state = {page: page, sheets: new Map(Object.entries(data.sheets)), students: [], lines: [], entryOf: new Map()};
    page.querySelector(".review-blind").checked = siteStorage.get(BLIND) === true;
  }

  // The page's state, read first if a file or a click comes before Material's page-ready signal.
  function ready() {
    if (!state || !document.contains(state.page)) mount();
    return state;
  }

  // In Node (the tests), the rules that need no page are the export.
  if (typeof module === "object" && module.exports) {
    module.exports = {csvText: csvText, parseMark: parseMark, number: number};
    return;
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest(".review") || !ready()) return;
    if (target.matches(".review-drop input[type=file]")) {
      addFiles(target.files);
      target.value = "";
    } else if (target.matches(".review-blind")) {
      siteStorage.set(BLIND, target.checked);
      renderFiles();
      render();
    } else if (target.matches(".review-group, .review-filter")) {
      render();
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches(".review-mark, .review-comment")) marked(event.target);
  });

  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !field.matches || !field.matches(".review-mark, .review-comment")) return;
    event.preventDefault();
    move(field, event.shiftKey);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".review [data-review], .review-feedback, .review [data-line]");
    if (!button || !ready()) return;
    if (button.hasAttribute("data-line")) {
      var line = button.closest("li").__line;
      return button.getAttribute("data-line") === "undo" ? undo(line) : remove(line);
    }
    var group = current();
    if (button.classList.contains("review-feedback")) {
      var student = studentsOf(group)[Number(button.getAttribute("data-student"))];
      var name = fileName(group.sheet.key.split("/").pop() + "-feedback-" + (student.name || "no-name")
        + (namesakes(group, student).length > 1 ? "-" + student.file.replace(/\.txt$/i, "") : "")) + ".txt";
      HandInFile.save(name, feedback(group, student).replace(/\n/g, "\r\n"), "text/plain");
      status(blind() ? t("review.downloaded_of", {student: label(group, student)}) : t("hand_in.downloaded", {file: name}));
    } else if (button.getAttribute("data-review") === "pick") {
      document.querySelector(".review-drop input[type=file]").click();
    } else if (button.getAttribute("data-review") === "csv") {
      var csvName = fileName(group.sheet.key.split("/").pop() + "-" + group["class"] + "-marks") + ".csv";
      HandInFile.save(csvName, csv(group), "text/csv");
      status(t("hand_in.downloaded", {file: csvName}));
    } else {
      window.print();
    }
  });

  document.addEventListener("dragover", function (event) {
    if (event.target.closest && event.target.closest(".review-drop")) {
      event.preventDefault();
      event.target.closest(".review-drop").classList.add("is-over");
    }
  });

  document.addEventListener("dragleave", function (event) {
    var zone = event.target.closest && event.target.closest(".review-drop");
    if (zone) zone.classList.remove("is-over");
  });

  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest(".review-drop");
    if (!zone || !ready()) return;
    event.preventDefault();
    zone.classList.remove("is-over");
    addFiles(event.dataTransfer.files);
  });

  document$.subscribe(mount);
})();
