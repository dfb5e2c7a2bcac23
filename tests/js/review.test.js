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

test("a mark may be typed with a comma or a point, and anything else is no mark", () => {
  assert.equal(review.parseMark("2,5"), 2.5);
  assert.equal(review.parseMark(" 3.25 "), 3.25);
  assert.equal(review.parseMark("4"), 4);
  assert.equal(review.parseMark("   "), null);
  for (const wrong of ["3x"]) assert.ok(Number.isNaN(review.parseMark(wrong)), wrong);
});

test("the CSV's numbers have a decimal comma, rounded to hundredths", () => {
  assert.equal(review.number(2.5, true), "2,5");
  assert.equal(review.number(1 / 3, true), "0,33");
  assert.equal(review.number(7, true), "7");
});
