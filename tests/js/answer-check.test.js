/* The answer box's check of quotations (assets/js/answer-check.js), case by
   case against the shared fixture tests/fixtures/answer-checks.json, which
   the build's check (worksheet/answer_check.py) passes too; and what the box
   says of each quotation. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {script, quotationCases, quotationSource} = require("./support.js");

const AnswerCheck = script("answer-check.js");
// Each source in its own language, as the build and the answer boxes read it.
const sources = names => names.map(name => {
  const {lines, language} = quotationSource(name);
  return new AnswerCheck.Source(lines, language);
});

for (const c of quotationCases()) {
  test(`quotation check: ${c.name}`, () => {
    assert.deepEqual(AnswerCheck.check(c.answer, sources(c.articles)), c.expect);
  });
}

test("a quotation in its lines is said to be there", () => {
  const [item] = AnswerCheck.check('The council "slowly changed course" (l. 9).', sources(["bikes"]));
  assert.deepEqual(AnswerCheck.verdict(item, ["Bikes"], sources(["bikes"])),
                   {ok: true, text: "“slowly changed course”: line 9"});
});

test("a quotation cited at the wrong line is given its right one", () => {
  const [item] = AnswerCheck.check("Cars \"took over the city's old streets\" (l. 4).", sources(["bikes"]));
  assert.deepEqual(AnswerCheck.verdict(item, ["Bikes"], sources(["bikes"])),
                   {ok: false, text: "“took over the city's old streets”: line 6, not line 4"});
});

test("a quotation the text does not hold is said not to be in it", () => {
  const [item] = AnswerCheck.check('The council "quickly changed course".', sources(["bikes"]));
  assert.deepEqual(AnswerCheck.verdict(item, ["Bikes"], sources(["bikes"])),
                   {ok: false, text: "“quickly changed course”: not in the text"});
});

test("with two texts, a quotation names the one it stands in", () => {
  const both = sources(["bikes", "trams"]);
  const [item] = AnswerCheck.check('"slowly changed course" (doc. 1, l. 9)', both);
  assert.deepEqual(AnswerCheck.verdict(item, ["Bikes", "Trams"], both),
                   {ok: true, text: "“slowly changed course”: Bikes, line 9"});
});

test("a line mention past the end of the text says how long the text is", () => {
  const one = sources(["bikes"]);
  const [item] = AnswerCheck.check("As line 99 says, it changed.", one);
  assert.deepEqual(AnswerCheck.verdict(item, ["Bikes"], one), {ok: false, text: "line 99: the text has 13 lines"});
});

test("a range written backwards asks for the first line first", () => {
  const one = sources(["bikes"]);
  const [item] = AnswerCheck.check("As lines 9–8 say, it changed.", one);
  assert.deepEqual(AnswerCheck.verdict(item, ["Bikes"], one),
                   {ok: false, text: "lines 9–8: write the first line first (8–9)"});
});

test("words are counted as a reader counts them", () => {
  assert.equal(AnswerCheck.countWords("Car-free streets aren’t new: 1960s Amsterdam, l. 6."), 8);
  assert.equal(AnswerCheck.countWords("  "), 0);
});

test("an answer with a quotation or a line mention is one the box checks", () => {
  assert.equal(AnswerCheck.hasQuotations('It "slowly changed course".'), true);
  assert.equal(AnswerCheck.hasQuotations("See line 4."), true);
  assert.equal(AnswerCheck.hasQuotations("No quotation here."), false);
});
