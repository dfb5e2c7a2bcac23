/* The hand-in and feedback files (assets/js/hand-in-file.js): what a student
   writes comes back exactly, whatever a platform does to the file; a file
   that is not one says why, at its line. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {script} = require("./support.js");

const HandInFile = script("hand-in-file.js");
const HEAD = {worksheet: "bikes", title: "Bicycles in Amsterdam", text: "0123456789abcdef", name: "Léa Martin",
              class: "2nde 3", written: "2026-12-01T09:30:00.000Z"};
const TRICKY = [  // answers that look like the format's own lines
  'Cars "took over the city\'s old streets" (l. 6).\n\nA second paragraph.',
  "[q2] Question 2\nwritten: yesterday\n| a bar\n|\n  indented\n(no answer)",
  "   leading spaces, «guillemets», emoji 🚲, tab\tinside",
  "",
];
const SECTIONS = TRICKY.map((text, i) => ({id: `q${i + 1}`, title: `Question ${i + 1}`, question: "Why?\nExplain.",
                                           written: `2026-12-01T09:2${i}:00.000Z`, text}));
const PLATFORMS = {
  "as written": t => t,
  "CRLF": t => t.replace(/\n/g, "\r\n"),
  "a byte-order mark and CRLF": t => "\ufeff" + t.replace(/\n/g, "\r\n"),
  "old Mac CR": t => t.replace(/\n/g, "\r"),
  "UTF-8 bytes with a BOM": t => HandInFile.decode(new TextEncoder().encode("\ufeff" + t)),
  "UTF-16 LE bytes with a BOM": t => HandInFile.decode(utf16("\ufeff" + t, true)),
  "UTF-16 BE bytes without a BOM": t => HandInFile.decode(utf16(t, false)),
};

function utf16(text, little) {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 * i + (little ? 0 : 1)] = code & 0xff;
    bytes[2 * i + (little ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

for (const [platform, change] of Object.entries(PLATFORMS)) {
  test(`what a student writes comes back exactly: ${platform}`, () => {
    const read = HandInFile.read(change(HandInFile.write("answers", HEAD, SECTIONS)));
    assert.equal(read.kind, "answers");
    assert.deepEqual({...read.head}, HEAD);
    assert.deepEqual(read.sections.map(s => [s.id, s.title, s.question, s.written, s.text]),
                     SECTIONS.map(s => [s.id, s.title, s.question, s.written, s.text]));
  });
}

test("the file reads as the README describes it", () => {
  assert.equal(HandInFile.write("answers", HEAD, [SECTIONS[0], SECTIONS[3]]), [
    "Worksheet answers: hand-in file, format 1", "worksheet: bikes", "title: Bicycles in Amsterdam",
    "text: 0123456789abcdef", "name: Léa Martin", "class: 2nde 3", "written: 2026-12-01T09:30:00.000Z", "",
    "[q1] Question 1", "  Why?", "  Explain.", "written: 2026-12-01T09:20:00.000Z",
    "| Cars \"took over the city's old streets\" (l. 6).", "|", "| A second paragraph.", "",
    "[q4] Question 4", "  Why?", "  Explain.", "written: 2026-12-01T09:23:00.000Z", "(no answer)", ""].join("\n"));
});

test("a name on two lines is written on one", () => {
  const text = HandInFile.write("answers", {...HEAD, name: "Léa\n  Martin "}, []);
  assert.equal(HandInFile.read(text).head.name, "Léa Martin");
});

test("a feedback file carries each mark and comment", () => {
  const read = HandInFile.read(HandInFile.write("feedback", {...HEAD, total: "7.5 / 10"}, [
    {id: "q1", title: "Question 1", mark: "3.5 / 4", text: "Good.\nQuote more."},
    {id: "q2", title: "Question 2", mark: null, text: ""}]));
  assert.equal(read.kind, "feedback");
  assert.equal(read.head.total, "7.5 / 10");
  assert.deepEqual(read.sections.map(s => [s.mark, s.text]), [["3.5 / 4", "Good.\nQuote more."], [null, ""]]);
});

test("a file a platform re-encoded in Windows-1252 is read", () => {
  const text = "Worksheet answers: hand-in file, format 1\nworksheet: bikes\nname: Léa Noël\n\n[q1] Question 1\n| Très bien\n";
  const bytes = Uint8Array.from(text, ch => ({"é": 0xe9, "ë": 0xeb, "è": 0xe8})[ch] || ch.charCodeAt(0));
  const read = HandInFile.read(HandInFile.decode(bytes));
  assert.equal(read.head.name, "Léa Noël");
  assert.equal(read.sections[0].text, "Très bien");
});

const NOT_ONE = {
  "Dear teacher,\nhere are my answers.":
    "not a hand-in or feedback file of this site: its first line should be “Worksheet answers: hand-in file, format 1”",
  "Worksheet answers: hand-in file, format 9\nworksheet: bikes\n":
    "line 1: written by another version of the site (“Worksheet answers: hand-in file, format 9”)",
  "Worksheet answers: hand-in file, format 1\nworksheet: bikes\nage: 15\n":
    "line 3: “age: 15” is not one of the file's details (worksheet, title, text, name, class, written, total)",
  "Worksheet answers: hand-in file, format 1\nname: Léa\n\n[q1] Question 1\n| An answer.\n":
    "it names no worksheet (no “worksheet:” line at its head)",
  "Worksheet answers: hand-in file, format 1\nworksheet: bikes\n\n[q1] Question 1\nAn answer without its bar.\n":
    "line 5: “An answer without its bar.” is not part of the format: an answer's lines start with “|”",
  "Worksheet answers: hand-in file, format 1\nworksheet: bikes\n\n[q1] Q\n| a\n\n[q1] Q\n| b\n":
    "line 7: question [q1] stands twice",
};
for (const [text, message] of Object.entries(NOT_ONE)) {
  test(`a file that is not one says why: ${message}`, () => {
    assert.throws(() => HandInFile.read(text), {message});
  });
}

test("questions named like an object's properties are questions like any other", () => {
  const ids = ["constructor", "__proto__", "toString", "q1"];
  const read = HandInFile.read("Worksheet answers: hand-in file, format 1\nworksheet: bikes\nname: __proto__\n\n"
                               + ids.map(id => `[${id}] Q\n| ${id}'s answer\n`).join(""));
  assert.deepEqual(read.sections.map(s => [s.id, s.text]), ids.map(id => [id, `${id}'s answer`]));
  assert.equal(read.head.name, "__proto__");
  assert.equal(Object.keys(Object.prototype).length, 0);
});

test("a file over 1 MB is refused by its size, saying how big it is", () => {
  assert.equal(HandInFile.tooBig(1024 * 1024), "");
  assert.equal(HandInFile.tooBig(1024 * 1024 + 1),
               "it is 1,025 KB, and a hand-in or feedback file is at most 1 MB (1,024 KB): is it the right file?");
  assert.equal(HandInFile.tooBig(52428900),
               "it is 50 MB, and a hand-in or feedback file is at most 1 MB (1,024 KB): is it the right file?");
});

test("names are compared as a reader would", () => {
  const same = (a, b) => HandInFile.person(a) === HandInFile.person(b);
  assert.equal(same("Léa Martin", "Le\u0301a Martin"), true);
  assert.equal(same("Léa Martin", "  léa   MARTIN "), true);
  assert.equal(same("Léa Martin", "Lea Martin"), false);
  assert.equal(same("Léa Martin", "Léa Martine"), false);
  assert.equal(HandInFile.person(null), "");
});
