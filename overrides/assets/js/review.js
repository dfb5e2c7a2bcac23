/* The review page (classroom edition only): a class's hand-in files read on
   the teacher's device, answers read question by question, marked, and
   sent back as marks (CSV) and feedback files. Nothing is sent anywhere.

   - Files: dropped or picked, any number, of any worksheets; each read with
     HandInFile (assets/js/hand-in-file.js). One that cannot be read gets
     one line saying why, and the others load. One written on another
     version of the article (its fingerprint differs from the page's) is
     flagged, on its line and on each of its answers.
   - Groups: the files of one worksheet and one class are read together;
     the teacher picks the group.
   - Each answer: its words against the length asked, each quotation
     checked with AnswerCheck (assets/js/answer-check.js), the build's rule;
     the model answer and teacher notes beside (the page's <template>s).
   - Marks and comments: saved in localStorage per class and worksheet,
     {student name: {question id: {mark, comment}}}, as they are typed.
   - Everything a file holds is shown as text (textContent), never as markup. */
(function () {
  var PREFIX = "review:";
  var state = null;  // {data, files: [{name, head, sections, sheet}], problems}

  // -- Storage (localStorage, scoped to the site as Material scopes it) ----------
  function storageKey(key) {
    var scope = typeof __md_scope === "object" && __md_scope ? __md_scope.pathname : "/";
    return scope + "." + PREFIX + key;
  }

  var memory = {};  // the marks, when storage is blocked

  function marksOf(group) {
    if (memory[group.id]) return memory[group.id];
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(storageKey(group.id))) } catch (e) { /* blocked, or not JSON */ }
    var marks = {};
    if (stored && typeof stored === "object" && !Array.isArray(stored)) {
      Object.keys(stored).forEach(function (name) {
        var given = stored[name];
        if (!given || typeof given !== "object") return;
        marks[name] = {};
        Object.keys(given).forEach(function (id) {
          var one = given[id] || {};
          marks[name][id] = {mark: typeof one.mark === "number" ? one.mark : null,
                             comment: typeof one.comment === "string" ? one.comment : ""};
        });
      });
    }
    return (memory[group.id] = marks);
  }

  function saveMarks(group) {
    try { localStorage.setItem(storageKey(group.id), JSON.stringify(memory[group.id])) } catch (e) {
      status("This browser does not let the page save your marks: they last until you close it.");
    }
  }

  // -- Numbers, the French way in the CSV ----------------------------------------
  function parseMark(text) {
    text = text.trim().replace(",", ".");
    if (!text) return null;
    return /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  }

  function number(value, comma) {
    var text = String(Math.round(value * 100) / 100);
    return comma ? text.replace(".", ",") : text;
  }

  function sum(values) {
    return values.reduce(function (a, b) { return a + b }, 0);
  }

  // -- Reading the files ---------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fileLine(name, text, kind) {
    var item = el("li", "review-file review-file--" + kind);
    item.appendChild(el("span", "review-file-name", name));
    item.appendChild(document.createTextNode(": " + text));
    document.querySelector(".review-files").appendChild(item);
  }

  function readFile(file) {
    return file.arrayBuffer().then(function (bytes) {
      var read = HandInFile.read(HandInFile.decode(new Uint8Array(bytes)));
      if (read.kind !== "answers") throw new Error("this is a feedback file, not a student's hand-in file");
      var sheet = state.data.sheets[read.head.worksheet];
      if (!sheet) throw new Error("it answers a worksheet this site does not have (“" + read.head.worksheet + "”)");
      var loaded = {file: file.name, head: read.head, sheet: sheet, answers: {}, times: {},
                    name: read.head.name || "(no name)", "class": read.head["class"] || "(no class)",
                    older: read.head.text !== sheet.text};
      read.sections.forEach(function (s) {
        loaded.answers[s.id] = s.text;
        loaded.times[s.id] = s.written;
      });
      var unknown = read.sections.filter(function (s) {
        return !sheet.questions.some(function (q) { return q.id === s.id });
      });
      var said = sheet.title + ", " + loaded.name + ", " + loaded["class"];
      if (unknown.length) said += "; " + unknown.length + " answer(s) to questions the worksheet no longer has";
      if (loaded.older) {
        fileLine(file.name, said + ". Written on another version of the text: its quotations are checked against the text as it is now.", "older");
      } else {
        fileLine(file.name, said, "ok");
      }
      return loaded;
    }).catch(function (error) {
      fileLine(file.name, "cannot be read: " + error.message, "error");
      return null;
    });
  }

  function addFiles(list) {
    var files = Array.prototype.slice.call(list);
    if (!files.length) return;
    Promise.all(files.map(readFile)).then(function (loaded) {
      loaded.filter(Boolean).forEach(function (one) {
        var same = state.files.filter(function (f) {
          return f.sheet.key === one.sheet.key && f["class"] === one["class"] && f.name === one.name;
        })[0];
        if (same) {
          state.files.splice(state.files.indexOf(same), 1);
          fileLine(one.file, "replaces " + same.file + " (the same student, worksheet and class)", "older");
        }
        state.files.push(one);
      });
      groupsChanged();
    });
  }

  // -- Groups: one worksheet, one class -------------------------------------------
  function groups() {
    var out = {};
    state.files.forEach(function (f) {
      var id = f.sheet.key + ":" + f["class"];
      (out[id] = out[id] || {id: id, sheet: f.sheet, "class": f["class"], students: []}).students.push(f);
    });
    return Object.keys(out).sort().map(function (id) { return out[id] });
  }

  function current() {
    var select = document.querySelector(".review-group");
    return groups().filter(function (g) { return g.id === select.value })[0];
  }

  function groupsChanged() {
    var select = document.querySelector(".review-group"), chosen = select.value, all = groups();
    select.textContent = "";
    all.forEach(function (g) {
      var option = el("option", "", g.sheet.title + " · " + g["class"] + " (" + g.students.length
        + (g.students.length === 1 ? " student)" : " students)"));
      option.value = g.id;
      select.appendChild(option);
    });
    if (all.some(function (g) { return g.id === chosen })) select.value = chosen;
    document.querySelector(".review-work").hidden = !all.length;
    if (all.length) render();
  }

  // -- Reading by question -------------------------------------------------------------
  function studentsOf(group) {
    return group.students;  // in the order they were loaded: blind marking shows no alphabetical hint
  }

  function label(group, student) {
    if (!document.querySelector(".review-blind").checked) return student.name;
    return "Student " + (studentsOf(group).indexOf(student) + 1);
  }

  function outOf(points) {
    return points === null || points === undefined ? "" : " / " + number(points);
  }

  function words(range) {
    return range[0] === range[1] ? range[0] + " words" : range[0] + "–" + range[1] + " words";
  }

  function render() {
    var group = current();
    if (!group) return;
    AnswerCheck.withSources(group.sheet.sources, function (sources) {
      if (!current() || current().id !== group.id) return;  // another group was chosen meanwhile
      var titles = group.sheet.sources.map(function (s) { return s.title });
      var filter = document.querySelector(".review-filter").value;
      var marks = marksOf(group);
      var holder = document.querySelector(".review-questions");
      holder.textContent = "";
      group.sheet.questions.forEach(function (q, qi) {
        var section = el("section", "review-question");
        section.setAttribute("aria-labelledby", "review-" + q.id);
        var heading = el("h2", "", q.title + (q.points !== null ? " (" + number(q.points) + (q.points === 1 ? " point)" : " points)") : ""));
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
        studentsOf(group).forEach(function (student, si) {
          var text = student.answers[q.id] || "";
          var count = AnswerCheck.countWords(text);
          var items = text.trim() ? AnswerCheck.check(text.slice(0, 20000), sources) : [];
          var verdicts = items.map(function (item) { return AnswerCheck.verdict(item, titles, sources) }).filter(Boolean);
          var failing = verdicts.some(function (v) { return !v.ok });
          var empty = !text.trim(), short = !empty && count < q.words[0];
          if (filter === "empty" && !empty || filter === "short" && !short || filter === "failing" && !failing) return;
          shown++;
          var answer = el("article", "review-answer");
          answer.setAttribute("data-student", String(si));
          answer.setAttribute("data-question", q.id);
          answer.setAttribute("aria-label", label(group, student) + ", " + q.title);
          var head = answer.appendChild(el("p", "review-answer-head"));
          head.appendChild(el("strong", "review-student", label(group, student)));
          head.appendChild(document.createTextNode(" · "));
          head.appendChild(el("span", "review-count" + (short ? " is-short" : ""),
                              count + (count === 1 ? " word" : " words") + " (asked: " + words(q.words) + ")"));
          if (student.times[q.id]) {
            var when = new Date(student.times[q.id]);
            if (!isNaN(when)) head.appendChild(el("span", "review-time", " · written " + when.toLocaleString("en-GB", {dateStyle: "medium", timeStyle: "short"})));
          }
          if (student.older) answer.appendChild(el("p", "review-older", "Written on another version of the text: its quotations are checked against the text as it is now."));
          answer.appendChild(el("div", "review-answer-text" + (empty ? " is-empty" : ""), empty ? "No answer." : text));
          if (verdicts.length) {
            var ul = answer.appendChild(el("ul", "review-checks"));
            ul.setAttribute("aria-label", "Quotations");
            verdicts.forEach(function (v) {
              ul.appendChild(el("li", v.ok ? "is-ok" : "is-wrong", v.text));
            });
          }
          var given = (marks[student.name] || {})[q.id] || {mark: null, comment: ""};
          var row = answer.appendChild(el("p", "review-marking"));
          var id = "mark-" + si + "-" + q.id;
          var markLabel = row.appendChild(el("label", "", "Mark" + outOf(q.points)));
          markLabel.htmlFor = id;
          var mark = row.appendChild(el("input", "review-mark"));
          mark.id = id;
          mark.type = "text";
          mark.setAttribute("inputmode", "decimal");
          mark.setAttribute("autocomplete", "off");
          mark.setAttribute("aria-describedby", "review-" + q.id);
          mark.value = given.mark === null ? "" : number(given.mark);
          var commentLabel = row.appendChild(el("label", "", "Comment"));
          commentLabel.htmlFor = "comment-" + si + "-" + q.id;
          var comment = row.appendChild(el("input", "review-comment"));
          comment.id = "comment-" + si + "-" + q.id;
          comment.type = "text";
          comment.setAttribute("autocomplete", "off");
          comment.value = given.comment;
          row.appendChild(el("span", "review-mark-error"));
          list.appendChild(answer);
        });
        if (!shown) list.appendChild(el("p", "review-none", "No answer to show here."));
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
    var marks = marksOf(group);
    var given = (marks[student.name] = marks[student.name] || {})[id] = marks[student.name][id] || {mark: null, comment: ""};
    var row = field.closest(".review-marking"), error = row.querySelector(".review-mark-error");
    if (field.classList.contains("review-mark")) {
      var value = parseMark(field.value);
      var wrong = isNaN(value) || (value !== null && q.points !== null && value > q.points);
      field.setAttribute("aria-invalid", wrong ? "true" : "false");
      error.textContent = wrong ? "Write a number" + (q.points !== null ? " from 0 to " + number(q.points) : "") : "";
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
      status(student ? "That was this student's last answer." : "That was the last answer to this question.");
    }
  }

  // -- What goes back ---------------------------------------------------------------------
  function totalOf(group, student) {
    var given = marksOf(group)[student.name] || {};
    var marks = group.sheet.questions.map(function (q) { return given[q.id] ? given[q.id].mark : null })
      .filter(function (m) { return m !== null });
    return marks.length ? sum(marks) : null;
  }

  function csvCell(value) {
    value = String(value);
    if (/^[=+\-@\t\r]/.test(value)) value = "'" + value;  // a spreadsheet would run it as a formula
    return /[;"\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function csv(group) {
    var qs = group.sheet.questions, marks = marksOf(group);
    var rows = [["Name", "Class"].concat(qs.map(function (q) { return q.title + outOf(q.points) }),
                                         ["Total" + outOf(group.sheet.total)])];
    sorted(group).forEach(function (student) {
      var given = marks[student.name] || {}, total = totalOf(group, student);
      rows.push([student.name, student["class"]].concat(qs.map(function (q) {
        return given[q.id] && given[q.id].mark !== null ? number(given[q.id].mark, true) : "";
      }), [total === null ? "" : number(total, true)]));
    });
    return "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(";") }).join("\r\n") + "\r\n";
  }

  function sorted(group) {
    return studentsOf(group).slice().sort(function (a, b) { return a.name.localeCompare(b.name, "fr") });
  }

  function feedback(group, student) {
    var given = marksOf(group)[student.name] || {}, total = totalOf(group, student);
    return HandInFile.write("feedback", {
      worksheet: group.sheet.key, title: group.sheet.title, text: student.head.text, name: student.name,
      "class": student["class"], written: new Date().toISOString(),
      total: total === null ? "" : number(total) + outOf(group.sheet.total)
    }, group.sheet.questions.map(function (q) {
      var one = given[q.id] || {mark: null, comment: ""};
      return {id: q.id, title: q.title, mark: one.mark === null ? null : number(one.mark) + outOf(q.points),
              text: one.comment};
    }));
  }

  function fileName(text) {
    return text.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  }

  function download(name, text, type) {
    HandInFile.save(name, text, type);
    status("Downloaded: " + name);
  }

  function status(text) {
    document.querySelector(".review-status").textContent = text;
  }

  function summary(group) {
    var qs = group.sheet.questions, marks = marksOf(group), students = sorted(group);
    document.querySelector(".review-summary-what").textContent = group.sheet.title + " · " + group["class"] + " · "
      + students.length + (students.length === 1 ? " student" : " students")
      + (group.sheet.total !== null ? " · marked out of " + number(group.sheet.total) : "");
    var table = document.querySelector(".review-table");
    table.textContent = "";
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    head.appendChild(el("th", "", "Student")).scope = "col";
    qs.forEach(function (q) { head.appendChild(el("th", "", q.title + outOf(q.points))).scope = "col" });
    head.appendChild(el("th", "", "Total" + outOf(group.sheet.total))).scope = "col";
    head.appendChild(el("th", "review-screen-only", "Feedback")).scope = "col";
    var body = table.appendChild(el("tbody"));
    students.forEach(function (student) {
      var row = body.appendChild(el("tr")), given = marks[student.name] || {};
      row.appendChild(el("th", "", label(group, student))).scope = "row";
      qs.forEach(function (q) {
        row.appendChild(el("td", "", given[q.id] && given[q.id].mark !== null ? number(given[q.id].mark) : "–"));
      });
      var total = totalOf(group, student);
      row.appendChild(el("td", "review-total", total === null ? "–" : number(total)));
      var cell = row.appendChild(el("td", "review-screen-only"));
      var button = cell.appendChild(el("button", "md-button review-feedback", "Feedback file"));
      button.type = "button";
      button.setAttribute("aria-label", "Feedback file for " + label(group, student));
      button.setAttribute("data-student", String(studentsOf(group).indexOf(student)));
    });
    var foot = table.appendChild(el("tfoot")).appendChild(el("tr"));
    foot.appendChild(el("th", "", "Class average")).scope = "row";
    function average(values) {
      values = values.filter(function (v) { return v !== null });
      return values.length ? number(sum(values) / values.length) : "–";
    }
    qs.forEach(function (q) {
      foot.appendChild(el("td", "", average(students.map(function (s) {
        var one = (marks[s.name] || {})[q.id];
        return one ? one.mark : null;
      }))));
    });
    foot.appendChild(el("td", "review-total", average(students.map(function (s) { return totalOf(group, s) }))));
    foot.appendChild(el("td", "review-screen-only"));
  }

  // -- Events -----------------------------------------------------------------------------
  function mount() {
    var page = document.querySelector(".review");
    state = page ? {page: page, data: JSON.parse(page.querySelector(".review-data").textContent), files: []} : null;
  }

  // The page's state, read first if a file or a click comes before Material's page-ready signal.
  function ready() {
    if (!state || !document.contains(state.page)) mount();
    return state;
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest(".review") || !ready()) return;
    if (target.matches(".review-drop input[type=file]")) {
      addFiles(target.files);
      target.value = "";
    } else if (target.matches(".review-group, .review-filter, .review-blind")) {
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
    var button = event.target.closest && event.target.closest(".review [data-review], .review-feedback");
    if (!button || !ready()) return;
    var group = current();
    if (button.classList.contains("review-feedback")) {
      var student = studentsOf(group)[Number(button.getAttribute("data-student"))];
      download(fileName(group.sheet.key.split("/").pop() + "-feedback-" + student.name) + ".txt",
               feedback(group, student).replace(/\n/g, "\r\n"), "text/plain");
    } else if (button.getAttribute("data-review") === "pick") {
      document.querySelector(".review-drop input[type=file]").click();
    } else if (button.getAttribute("data-review") === "csv") {
      download(fileName(group.sheet.key.split("/").pop() + "-" + group["class"] + "-marks") + ".csv", csv(group), "text/csv");
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
