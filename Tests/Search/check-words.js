// The shared word-splitting cases, run against the theme's search script in node.
"use strict";
const path = require("path");
const search = require(path.join(__dirname, "../../templates/assets/remit-search.js"));
const table = require(path.join(__dirname, "word-cases.json"));
let failures = 0;
for (const c of table.cases) {
  const actual = search.words(c.text);
  if (JSON.stringify(actual) !== JSON.stringify(c.words)) {
    failures++;
    console.log(`FAIL ${JSON.stringify(c.text)}: expected ${JSON.stringify(c.words)}, got ${JSON.stringify(actual)}`);
  }
}
console.log(`${table.cases.length - failures} of ${table.cases.length} word cases agree`);
process.exit(failures ? 1 : 0);
