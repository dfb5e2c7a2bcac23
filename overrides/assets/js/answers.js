/* The student's answers: a box under each question, saved on this device
   as they type; the quotations of each answer checked against the text as
   they write; the work handed in (copied, downloaded, printed) or cleared;
   the teacher's feedback file opened beside the answers. Nothing is sent
   anywhere.

   - The check is AnswerCheck (assets/js/answer-check.js), the build's rule.
     The article's lines come from a script written at build time beside
     the worksheet's pages, loaded the first time an answer quotes
     (assets/js/scripts.js). Only the first CHECKED characters of an answer are
     checked, and at most SHOWN verdicts listed: a pasted book costs no more
     than a long answer.
   - Storage: one record a worksheet (or sequence), {name, class, answers:
     {question id: text}, times: {question id: when last written}}, kept
     through siteStorage (assets/js/storage.js), written QUIET ms after the
     last keystroke (and when the page is left). A stored record of another
     shape is read field by field, what is wrong dropped. When the browser
     blocks storage or it is full, the page says so (data-answers-storage on
     <html>) and the answers last for the visit.
   - Download and copy give the hand-in file (assets/js/hand-in-file.js),
     which the teacher's review page reads back; download first asks for
     the student's name, by which the teacher tells the files apart.
   - A feedback file opened here is checked against the page: its
     worksheet, its text's fingerprint, and the name and class the student
     gave. What differs is said; a name or class that differs asks before
     the marks show.
   - The printable sheet opened with ?mine=1 ("Print my worksheet") shows
     the saved answers on its ruled lines, and with &print=1 prints itself. */
(function () {
  var t = siteText;  // the interface's texts (worksheet/interface/*.yml)
  var CHECKED = 20000;  // characters of an answer whose quotations are checked
  var SHOWN = 30;  // verdicts listed under an answer, at most

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

  // At most SHOWN verdicts, the last one saying how many more there are.
  function capped(verdicts, cut) {
    var more = verdicts.length - SHOWN;
    if (more > 0) verdicts = verdicts.slice(0, SHOWN - 1).concat({ok: false, text: t("answers.more", {count: more + 1})});
    if (cut) verdicts = verdicts.concat({ok: false, text: t("answers.only_checked", {count: CHECKED.toLocaleString(siteText.lang)})});
    return verdicts;
  }

  function checkBox(box) {
    var full = box.querySelector("textarea").value, text = full.slice(0, CHECKED);
    var list = box.querySelector(".answer-check ul");
    var wanted = JSON.parse(box.getAttribute("data-sources"));
    if (!AnswerCheck.hasQuotations(text, wanted.length ? wanted[0].language : undefined)) return show(list, []);
    var titles = wanted.map(function (s) { return s.title });
    AnswerCheck.withSources(wanted, function (sources) {
      if (box.querySelector("textarea").value !== full) return;  // a newer check is on its way
      show(list, capped(AnswerCheck.check(text, sources).map(function (item) {
        return AnswerCheck.verdict(item, titles, sources);
      }).filter(Boolean), full.length > CHECKED));
    });
  }

  // -- Storage -------------------------------------------------------------
  var PREFIX = "answers:";
  var QUIET = 400;  // ms without typing before the check runs and the record is saved
  var records = new Map();  // key -> record, as typed
  var unsaved = new Set();  // keys whose record waits for typing to stop

  // The notice above the questions, once storage has failed.
  function noticed() {
    if (siteStorage.problem) document.documentElement.setAttribute("data-answers-storage", siteStorage.problem);
  }

  function texts(value) {
    var out = Object.create(null);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(value).forEach(function (id) { if (typeof value[id] === "string") out[id] = value[id] });
    }
    return out;
  }

  // A stored value as a record: what is not of the right shape is dropped.
  function shaped(stored) {
    stored = stored && typeof stored === "object" ? stored : {};
    return {name: typeof stored.name === "string" ? stored.name : "",
            "class": typeof stored["class"] === "string" ? stored["class"] : "",
            answers: texts(stored.answers), times: texts(stored.times)};
  }

  function record(key) {
    if (!unsaved.has(key)) {
      records.set(key, shaped(siteStorage.get(PREFIX + key)));
      noticed();
    }
    return records.get(key);
  }

  function save(key) {
    unsaved.delete(key);
    siteStorage.set(PREFIX + key, records.get(key));
    noticed();
  }

  var saving = null;

  function saveLater(key) {
    unsaved.add(key);
    clearTimeout(saving);
    saving = setTimeout(saveAll, QUIET);
  }

  function saveAll() {
    clearTimeout(saving);
    Array.from(unsaved).forEach(save);
  }

  addEventListener("pagehide", saveAll);
  document.addEventListener("visibilitychange", function () { if (document.hidden) saveAll() });

  // -- The boxes -------------------------------------------------------------
  var RULES = 120;  // ruled lines under a typed answer, at most

  // A saved answer's quotations are checked when its box comes near the
  // screen, not all as the page loads: a phone shows the page sooner.
  var nearScreen = window.IntersectionObserver && new IntersectionObserver(function (seen) {
    seen.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      nearScreen.unobserve(entry.target);
      checkBox(entry.target);
    });
  }, {rootMargin: "50% 0px"});

  // The answer's count and printed lines now; its check after ``wait`` ms,
  // or, without, once its box is near the screen.
  function refresh(box, wait) {
    var text = box.querySelector("textarea").value;
    var words = AnswerCheck.countWords(text);
    box.querySelector(".answer-count").textContent = t("answers.words", {count: words});
    typeOut(box.parentElement, text);
    clearTimeout(box.__check);
    if (nearScreen) nearScreen.unobserve(box);
    if (wait === undefined && nearScreen) nearScreen.observe(box);
    else box.__check = setTimeout(function () { checkBox(box) }, wait || 0);
  }

  // The answer as it prints, on the ruled lines of its writing space, with
  // more lines than it can need (a line holds some 90 letters; the more lines
  // show only under a typed answer, and only as far as it goes).
  function typeOut(space, text) {
    var typed = space.querySelector(".typed-answer"), rules = space.querySelector(".writing-space");
    typed.textContent = text;
    var wanted = Math.min(RULES, Math.ceil(text.length / 40) + text.split("\n", RULES).length);
    for (var n = rules.children.length; n < wanted; n++) {
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
      var id = box.getAttribute("data-question");
      saved.answers[id] = field.value;
      saved.times[id] = new Date().toISOString();
      refresh(box, QUIET);
    } else {
      saved[field.getAttribute("data-field")] = field.value;
      field.removeAttribute("aria-invalid");
    }
    saveLater(key);
  });

  // -- Handing in --------------------------------------------------------------
  function today() {
    return new Date().toLocaleDateString(siteText.locale, {day: "numeric", month: "long", year: "numeric"});
  }

  // The questions of a hand-in section's page: [{id, title, question, box}].
  function questionsOf(key) {
    return Array.prototype.filter.call(document.querySelectorAll(".answer-box"), function (box) {
      return box.getAttribute("data-answers") === key;
    }).map(function (box) {
      var question = box.closest(".question"), short = question.querySelector(".question-title");
      var text = question.querySelector(".question-text").innerText.trim();
      return {id: box.getAttribute("data-question"), title: question.querySelector("h2").textContent.trim(),
              question: short ? short.textContent.trim() + "\n" + text : text, box: box};
    });
  }

  // The hand-in file: the worksheet, its text's fingerprint, the name and
  // class, then each question and its answer with the time it was written.
  function handIn(section) {
    saveAll();
    var key = section.getAttribute("data-answers"), saved = record(key);
    return HandInFile.write("answers", {
      worksheet: key, title: section.getAttribute("data-title"), text: section.getAttribute("data-text"),
      name: saved.name, "class": saved["class"], written: new Date().toISOString()
    }, questionsOf(key).map(function (q) {
      var mark = q.box.getAttribute("data-mark");  // an exercise's, as exercises.js computed it
      return {id: q.id, title: q.title, question: q.question, written: saved.times[q.id] || "",
              mark: mark === null ? null : mark + " / " + q.box.getAttribute("data-points"),
              text: saved.answers[q.id] || ""};
    }));
  }

  // -- The teacher's feedback, beside the answers -------------------------------
  var waiting = new WeakMap();  // section -> the feedback that waits for "Show it anyway"

  // What differs between the feedback and this page: its text's version, and
  // the name and class, when both say one.
  function differences(section, head) {
    var saved = record(section.getAttribute("data-answers")), said = [];
    var names = HandInFile.person(head.name) && HandInFile.person(saved.name)
      && HandInFile.person(head.name) !== HandInFile.person(saved.name);
    var classes = HandInFile.person(head["class"]) && HandInFile.person(saved["class"])
      && HandInFile.person(head["class"]) !== HandInFile.person(saved["class"]);
    if (names) said.push(t("feedback.for_name", {file: head.name, page: saved.name.trim()}));
    if (classes) said.push(t("feedback.for_class", {file: head["class"], page: saved["class"].trim()}));
    return {person: said, older: head.text !== section.getAttribute("data-text")};
  }

  function feedbackIn(section, file) {
    var slot = section.querySelector(".hand-in-feedback-status");
    var tooBig = HandInFile.tooBig(file.size);
    waiting.delete(section);
    if (tooBig) return void (slot.textContent = file.name + ": " + tooBig);
    file.arrayBuffer().then(function (bytes) {
      var read = HandInFile.read(HandInFile.decode(new Uint8Array(bytes)));
      var key = section.getAttribute("data-answers");
      if (read.kind !== "feedback") throw new Error(t("feedback.not_feedback"));
      if (read.head.worksheet !== key) throw new Error(t("feedback.other_page", {title: read.head.title || read.head.worksheet}));
      var differ = differences(section, read.head);
      if (!differ.person.length) return showFeedback(section, file.name, read, differ.older);
      waiting.set(section, {file: file.name, read: read, older: differ.older});
      slot.textContent = file.name + ": " + differ.person.join("; ")
        + (differ.older ? t("feedback.older") : "") + t("feedback.is_it_yours");
      var anyway = slot.appendChild(document.createElement("button"));
      anyway.type = "button";
      anyway.className = "md-button";
      anyway.setAttribute("data-action", "feedback-anyway");
      anyway.textContent = t("feedback.show_anyway");
    }).catch(function (error) {
      slot.textContent = file.name + ": " + error.message;
    });
  }

  function showFeedback(section, name, read, older) {
    var slot = section.querySelector(".hand-in-feedback-status"), key = section.getAttribute("data-answers");
    var marks = new Map(read.sections.map(function (s) { return [s.id, s] }));
    questionsOf(key).forEach(function (q) {
      var space = q.box.closest(".question"), shown = space.querySelector(".answer-feedback");
      if (shown) shown.remove();
      var given = marks.get(q.id);
      if (!given) return;
      shown = document.createElement("aside");
      shown.className = "answer-feedback";
      shown.setAttribute("aria-label", t("feedback.on_question", {question: q.title}));
      var title = shown.appendChild(document.createElement("p"));
      title.className = "answer-feedback-title";
      title.textContent = t("feedback.teacher_says", {mark: given.mark ? given.mark : t("feedback.no_mark")});
      if (given.text) {
        var comment = shown.appendChild(document.createElement("p"));
        comment.className = "answer-feedback-comment";
        comment.textContent = given.text;
      }
      q.box.parentNode.insertBefore(shown, q.box.nextSibling);
    });
    slot.textContent = (read.head.total ? t("feedback.opened_total", {file: name, total: read.head.total})
      : t("feedback.opened", {file: name})) + (older ? t("feedback.opened_older") : "");
  }

  document.addEventListener("change", function (event) {
    var picker = event.target;
    if (!picker.matches || !picker.matches(".hand-in-feedback input[type=file]") || !picker.files.length) return;
    feedbackIn(picker.closest(".hand-in"), picker.files[0]);
    picker.value = "";
  });

  document.addEventListener("dragover", function (event) {
    if (event.target.closest && event.target.closest(".hand-in-feedback")) event.preventDefault();
  });

  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest(".hand-in-feedback");
    if (!zone || !event.dataTransfer.files.length) return;
    event.preventDefault();
    feedbackIn(zone.closest(".hand-in"), event.dataTransfer.files[0]);
  });

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
      var copied = function () { tell(section, t("hand_in.copied")) };
      var refused = function () {
        if (copyByHand(text)) copied();
        else tell(section, t("hand_in.cannot_copy"));
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(copied, refused);
      else refused();
    },
    download: function (section) {
      var name = (record(section.getAttribute("data-answers")).name || "").trim();
      if (!name) {
        var field = section.querySelector("[data-field=name]");
        field.setAttribute("aria-invalid", "true");
        field.focus();
        return tell(section, t("hand_in.name_first"));
      }
      var file = section.getAttribute("data-file") + "-" + name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") + ".txt";
      HandInFile.save(file, handIn(section).replace(/\n/g, "\r\n"), "text/plain");
      tell(section, t("hand_in.downloaded", {file: file}));
    },
    print: function () {
      window.print();
    },
    feedback: function (section) {
      section.querySelector(".hand-in-feedback input[type=file]").click();
    },
    "feedback-anyway": function (section) {
      var held = waiting.get(section);
      waiting.delete(section);
      if (held) showFeedback(section, held.file, held.read, held.older);
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
    records.set(key, shaped(null));
    save(key);
    mount();
    tell(section, t("hand_in.cleared"));
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

  // A field's saved value. What a student typed into a field before this
  // script first saw it (on a slow connection) is kept, and saved.
  var seen = new WeakSet();

  function fill(field, stored) {
    var typed = !seen.has(field) && field.value && field.value !== stored;
    seen.add(field);
    if (typed) field.dispatchEvent(new Event("input", {bubbles: true}));
    else field.value = stored;
  }

  function mount() {
    document.querySelectorAll(".answer-box").forEach(function (box) {
      var saved = record(box.getAttribute("data-answers"));
      fill(box.querySelector("textarea"), saved.answers[box.getAttribute("data-question")] || "");
      refresh(box);
    });
    document.querySelectorAll(".hand-in [data-field]").forEach(function (field) {
      fill(field, record(field.closest(".hand-in").getAttribute("data-answers"))[field.getAttribute("data-field")] || "");
    });
    var note = document.querySelector(".mine-note");
    var mine = !!note && new URLSearchParams(location.search).get("mine") === "1";
    document.documentElement.toggleAttribute("data-mine", mine);
    if (mine) showMine(note);
  }

  // Every page Material shows, instant navigation included.
  document$.subscribe(mount);
})();
