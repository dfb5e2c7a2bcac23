/* What the tests of the site's scripts share: the scripts themselves, and the
   lines of the test library's articles as the build reads them (one printed
   line per row of the ```article block, spaces collapsed, trailing blank
   rows dropped: worksheet/article.py). */
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

function articleLines(slug) {
  const rows = fs.readFileSync(path.join(FIXTURES, "library", "docs", slug, "article.md"), "utf8").split("\n");
  const start = rows.findIndex(row => /^```article\s*$/.test(row));
  const end = rows.findIndex((row, i) => i > start && row.trim() === "```");
  const lines = rows.slice(start + 1, end).map(row => row.split(/\s+/).filter(Boolean).join(" "));
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines;
}

function quotationCases() {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "answer-checks.json"), "utf8")).cases;
}

module.exports = {script, articleLines, quotationCases};
