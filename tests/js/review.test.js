/* The review page's rules that need no page (assets/js/review.js): the marks
   a teacher types, and the CSV of a class's marks, which a spreadsheet must
   open cell for cell and never run as a formula. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {script} = require("./support.js");

const review = script("review.js");
const BOM = "\uFEFF";

test("the CSV opens in a spreadsheet as UTF-8, cells split by semicolons, rows by CRLF", () => {
  assert.equal(review.csvText([["Name", "Class", "Total / 4"], ["Léa Martin", "2nde 3", "3,5"]]),
               BOM + "Name;Class;Total / 4\r\nLéa Martin;2nde 3;3,5\r\n");
});

test("a semicolon in a student's name stays in its cell", () => {
  assert.equal(review.csvText([["Martin; Léa", "2nde 3"]]), BOM + '"Martin; Léa";2nde 3\r\n');
});

test("a quote in a name is doubled inside a quoted cell", () => {
  assert.equal(review.csvText([['Léa "Lili" Martin', "x"]]), BOM + '"Léa ""Lili"" Martin";x\r\n');
});

test("a line break in a file name stays in its cell", () => {
  assert.equal(review.csvText([["a\nb.txt", "c\rd.txt", "e\r\nf.txt"]]),
               BOM + '"a\nb.txt";"c\rd.txt";"e\r\nf.txt"\r\n');
});

test("a formula in a student's name is neutralised in the CSV", () => {
  const cells = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"];
  assert.equal(review.csvText([cells]),
               BOM + `"'=HYPERLINK(""http://x"")";'+1+1;'-2+3;'@SUM(A1);'\tTab;"'\rReturn"\r\n`);
});

test("only a leading sign makes a formula: signs inside a name are kept as they are", () => {
  assert.equal(review.csvText([["Anne-Marie", "a=b", "x@y", "1+1", "Léa\tM"]]),
               BOM + "Anne-Marie;a=b;x@y;1+1;Léa\tM\r\n");
});

test("numbers and empty cells are written as they are", () => {
  assert.equal(review.csvText([[3, "", null]]), BOM + "3;;null\r\n");
});

test("a mark may be typed with a comma or a point, and anything else is no mark", () => {
  assert.equal(review.parseMark("2,5"), 2.5);
  assert.equal(review.parseMark(" 3.25 "), 3.25);
  assert.equal(review.parseMark("4"), 4);
  assert.equal(review.parseMark("12,5"), 12.5);  // a question out of 20
  assert.equal(review.parseMark("   "), null);
  for (const wrong of ["3x", "x3", "-1", "2,5,1", "2.", ".5", "1e2"]) assert.ok(Number.isNaN(review.parseMark(wrong)), wrong);
});

test("the CSV's numbers have a decimal comma, rounded to hundredths", () => {
  assert.equal(review.number(2.5, true), "2,5");
  assert.equal(review.number(1 / 3, true), "0,33");
  assert.equal(review.number(7, true), "7");
});
