/* The answer box's check of quotations (assets/js/answer-check.js), case by
   case against the shared fixture tests/fixtures/answer-checks.json, which
   the build's check (worksheet/answer_check.py) passes too; and what the box
   says of each quotation. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {script, articleLines, quotationCases} = require("./support.js");

const AnswerCheck = script("answer-check.js");
const sources = slugs => slugs.map(slug => new AnswerCheck.Source(articleLines(slug)));

for (const c of quotationCases()) {
  test(`quotation check: ${c.name}`, () => {
    assert.deepEqual(AnswerCheck.check(c.answer, sources(c.articles)), c.expect);
  });
}

