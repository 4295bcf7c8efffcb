// Runs the theme's search ranking in node against a built site's index.
// usage: node check-search.js SITE_DIR 'query' 'expected first title' ['query' 'title']...
// Exit 0 when every query's first result is the expected title ("-" expects
// anything). With REPORT_DOWNLOAD=1 it also prints, per query, the gzipped
// bytes of every index file a reader's browser would fetch for it.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const search = require(path.join(__dirname, "../../templates/assets/remit-search.js"));

const zlib = require("zlib");
const site = process.argv[2];
let fetched = new Set();
function loadScript(file) {
  fetched.add(file);
  const context = { window: {} };
  let captured = null;
  context.window.REMIT_SEARCH_TERMS = (n, version, value) => { captured = value; };
  context.window.REMIT_SEARCH_SUMMARIES = (n, version, value) => { captured = value; };
  vm.runInNewContext(fs.readFileSync(path.join(site, "search", file), "utf8"), context);
  return captured || context.window.REMIT_SEARCH_INDEX;
}
const core = loadScript("index.js");
// A fresh index per query, as a reader's first search: nothing cached.
const freshIndex = () => new search.Index(core, (kind, n) => {
  const value = loadScript(`${kind}-${n}.js`);
  return { value, then: (resolve) => Promise.resolve(value).then(resolve) };
});

(async () => {
  let failures = 0;
  const pairs = process.argv.slice(3);
  for (let i = 0; i < pairs.length; i += 2) {
    fetched = new Set(["index.js"]);
    const results = await freshIndex().search(pairs[i], 8);
    const first = results[0] ? results[0].title : "(nothing)";
    const ok = pairs[i + 1] === "-" || first === pairs[i + 1];
    if (process.env.REPORT_DOWNLOAD) {
      const bytes = [...fetched].reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(site, "search", file)), { level: 9 }).length, 0);
      console.log(`download for ${JSON.stringify(pairs[i])}: ${fetched.size} files, ${(bytes / 1024).toFixed(0)} KiB gzipped`);
    }
    if (!ok) failures++;
    console.log(`${ok ? "ok  " : "FAIL"} ${JSON.stringify(pairs[i])} → ${results.map((r) => r.title).join(" | ")}`);
  }
  process.exit(failures ? 1 : 0);
})();
