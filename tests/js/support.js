/* What the tests of the site's scripts share: the scripts themselves, the
   lines of the test library's articles as the build reads them (one printed
   line per row of the ```article block, spaces collapsed, trailing blank
   rows dropped: worksheet/article.py), and the shared quotation fixture with
   its texts in other languages, read as tests/engine/test_answer_check.py
   reads it. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures");

// The interface's texts (siteText), as a page sets them before its scripts:
// written by tests/engine/test_scripts_in_node.py from worksheet/interface/en.yml.
function interfaceTexts() {
  if (globalThis.siteText) return;
  const file = process.env.SITE_TEXT_SCRIPT;
  if (!file) throw new Error("SITE_TEXT_SCRIPT names no file: run these tests through tests/engine/test_scripts_in_node.py");
  vm.runInThisContext(fs.readFileSync(file, "utf8"), {filename: file});
}

function script(name) {
  interfaceTexts();
  return require(path.join(ROOT, "overrides", "assets", "js", name));
}

function printedLines(rows) {
  const lines = rows.map(row => row.split(/\s+/).filter(Boolean).join(" "));
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines;
}

function articleLines(slug) {
  const rows = fs.readFileSync(path.join(FIXTURES, "library", "docs", slug, "article.md"), "utf8").split("\n");
  const start = rows.findIndex(row => /^```article\s*$/.test(row));
  const end = rows.findIndex((row, i) => i > start && row.trim() === "```");
  return printedLines(rows.slice(start + 1, end));
}

const QUOTATIONS = JSON.parse(fs.readFileSync(path.join(FIXTURES, "answer-checks.json"), "utf8"));
// The fixture's texts in other languages, by name, beside the library's (English) worksheets.
const TEXTS = new Map(Object.entries(QUOTATIONS.texts));

function quotationCases() {
  return QUOTATIONS.cases;
}

// A case's source by name: its printed lines and its language's code.
function quotationSource(name) {
  if (TEXTS.has(name)) {
    const text = TEXTS.get(name);
    return {lines: printedLines(text.lines), language: text.language};
  }
  return {lines: articleLines(name), language: "en"};
}

module.exports = {script, articleLines, quotationCases, quotationSource};
