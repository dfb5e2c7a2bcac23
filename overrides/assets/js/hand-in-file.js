/* The files that go between a student and their teacher, as plain text a
   person can read and the site reads back exactly: the hand-in file (a
   student's answers to a worksheet, written on the questions page, read on
   the review page) and the feedback file (the teacher's marks and comments,
   written on the review page, read on the questions page). The README
   describes the format.

     Worksheet answers: hand-in file, format 1
     worksheet: bikes
     title: Amsterdam's bikes
     text: 3f1c0e9a7b2d4c58
     name: Léa Martin
     class: 2nde 3
     written: 2026-12-02T18:05:12.000Z

     [q1] Question 1
       How did « Parents and activists » change the city?
     written: 2026-12-02T18:04:31.000Z
     | Cars "took over the city's old streets" (l. 6).
     |
     | A second paragraph.

   A feedback file starts "Worksheet feedback: feedback file, format 1",
   gives "total: 7.5 / 10" in its head, and in each question "mark: 3.5 / 4"
   and the comment on its "|" lines. A hand-in file's exercise gives its
   mark as computed on the student's device, "mark: 3.5 / 5"; a file
   without one reads as before.

   HandInFile.write(kind, head, sections) -> text; kind "answers" or
   "feedback"; head {worksheet, title, text, name, class, written, total};
   sections [{id, title, question, written, mark, text}].
   HandInFile.read(text) -> {kind, head, sections} or throws an Error whose
   message says, in plain words, what is wrong and at which line.
   HandInFile.decode(bytes) -> text: UTF-8, UTF-16 (what Notepad saves as
   "Unicode"), or Windows-1252 when a platform re-encoded the file.
   HandInFile.tooBig(size) -> "" or why a file of size bytes is not read:
   a hand-in or feedback file is at most LIMIT bytes, checked before it is.
   HandInFile.person(text) -> a name or class as compared: Unicode NFC,
   spaces trimmed and collapsed, case ignored.
   HandInFile.save(name, text, type): downloads it.
   A byte-order mark, CRLF or CR line ends and a
   renamed file change nothing. What a file holds never becomes a key of a
   plain object. In Node, the same object is the export. */
(function (root) {
  var FIRST = {answers: "Worksheet answers: hand-in file, format 1",
               feedback: "Worksheet feedback: feedback file, format 1"};
  var HEAD = ["worksheet", "title", "text", "name", "class", "written", "total"];
  var SECTION = /^\[([A-Za-z_][A-Za-z0-9_-]*)\] ?(.*)$/;
  var FIELD = /^([a-z]+):[ \t]*(.*)$/;
  // What stands for an empty answer or comment: a line in brackets, in the
  // interface's language when written, in any language when read.
  var EMPTY = {answers: "hand_in.no_answer", feedback: "hand_in.no_comment"};
  var EMPTY_READ = /^\(.*\)$/;
  var LIMIT = 1024 * 1024;  // bytes: some 150,000 words of answers

  function oneLine(value) {
    return String(value === undefined || value === null ? "" : value).replace(/\s*[\r\n]+\s*/g, " ").trim();
  }

  function write(kind, head, sections) {
    var out = [FIRST[kind]];
    HEAD.forEach(function (key) {
      if (head[key] !== undefined && head[key] !== null) out.push(key + ": " + oneLine(head[key]));
    });
    sections.forEach(function (section) {
      out.push("", "[" + section.id + "] " + oneLine(section.title));
      String(section.question || "").split(/\r\n?|\n/).forEach(function (row) {
        if (row.trim()) out.push("  " + row.trim());
      });
      if (section.mark !== undefined && section.mark !== null) out.push("mark: " + oneLine(section.mark));
      if (section.written) out.push("written: " + oneLine(section.written));
      var text = String(section.text || "").replace(/\r\n?/g, "\n");
      if (!text.trim()) out.push(t(EMPTY[kind]));
      else text.replace(/\s+$/, "").split("\n").forEach(function (row) { out.push(row ? "| " + row : "|") });
    });
    return out.join("\n") + "\n";
  }

  // A row of the file, quoted in a message.
  function quoted(row) {
    row = row.trim();
    return "“" + (row.length > 50 ? row.slice(0, 50).trim() + "…" : row) + "”";
  }

  // The interface's texts (worksheet/interface/*.yml).
  function t(key, values) {
    return siteText(key, values);
  }

  function fail(line, message) {
    throw new Error(line ? t("files.line", {line: line, message: message}) : message);
  }

  function read(text) {
    var rows = String(text).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
    var first = rows[0].trim(), kind = null;
    Object.keys(FIRST).forEach(function (k) { if (first === FIRST[k]) kind = k });
    if (!kind) {
      if (/^Worksheet (answers|feedback):/.test(first)) fail(1, t("files.another_version", {row: quoted(first)}));
      fail(0, t("files.not_a_file", {first: FIRST.answers}));
    }
    var head = Object.create(null), sections = [], section = null, seen = new Set();
    for (var i = 1; i < rows.length; i++) {
      var row = rows[i], number = i + 1, match;
      if (section === null) {
        if (!row.trim()) { section = false; continue }
        match = FIELD.exec(row.trim());
        if (!match || HEAD.indexOf(match[1]) === -1) fail(number, t("files.not_a_detail", {row: quoted(row), details: HEAD.join(", ")}));
        head[match[1]] = match[2].trim();
        continue;
      }
      if ((match = SECTION.exec(row))) {
        if (seen.has(match[1])) fail(number, t("files.twice", {id: match[1]}));
        seen.add(match[1]);
        section = {id: match[1], title: match[2].trim(), question: [], written: "", mark: null, rows: []};
        sections.push(section);
        continue;
      }
      if (!row.trim()) continue;
      if (!section) fail(number, t("files.before_question", {row: quoted(row)}));
      if (row[0] === "|") section.rows.push(row.slice(row[1] === " " ? 2 : 1));
      else if (/^\s/.test(row)) section.question.push(row.trim());
      else if (EMPTY_READ.test(row.trim())) continue;
      else if ((match = FIELD.exec(row)) && match[1] === "written") section.written = match[2].trim();
      else if (match && match[1] === "mark") section.mark = match[2].trim();
      else fail(number, t("files.not_format", {row: quoted(row)}));
    }
    if (!head.worksheet) fail(0, t("files.no_worksheet"));
    return {kind: kind, head: head, sections: sections.map(function (s) {
      return {id: s.id, title: s.title, question: s.question.join("\n"), written: s.written, mark: s.mark,
              text: s.rows.join("\n")};
    })};
  }

  // UTF-16 by its byte-order mark, or without one by the zero byte beside
  // each letter of the first line (which is in English).
  function utf16(b) {
    if (b.length < 4) return "";
    if (b[0] === 0xFF && b[1] === 0xFE || b[0] && !b[1] && b[2] && !b[3]) return "utf-16le";
    if (b[0] === 0xFE && b[1] === 0xFF || !b[0] && b[1] && !b[2] && b[3]) return "utf-16be";
    return "";
  }

  function decode(bytes) {
    var wide = utf16(bytes);
    if (wide) return new TextDecoder(wide).decode(bytes);
    try {
      return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    } catch (e) {
      return new TextDecoder("windows-1252").decode(bytes);
    }
  }

  // A size as a person reads it: in KB near the limit, in MB well past it.
  function sized(size) {
    var mb = size / (1024 * 1024);
    if (mb < 2) return Math.ceil(size / 1024).toLocaleString(siteText.lang) + " KB";
    return (mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)) + " MB";
  }

  function tooBig(size) {
    return size > LIMIT ? t("files.too_big", {size: sized(size), limit: (LIMIT / 1024).toLocaleString(siteText.lang)}) : "";
  }

  function person(text) {
    return String(text || "").normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  }

  // The text saved as a file the browser downloads.
  function save(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], {type: type + ";charset=utf-8"}));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url) }, 10000);
  }

  var api = {write: write, read: read, decode: decode, tooBig: tooBig, person: person, save: save,
             FIRST: FIRST, LIMIT: LIMIT};
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.HandInFile = api;
})(this);
