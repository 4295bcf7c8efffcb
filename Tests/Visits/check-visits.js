// The rules of "Changed since your last visit", run against the theme's
// visits script in node: what a page's record becomes on each visit, and
// which changes its banner names.
"use strict";
const path = require("path");
const visits = require(path.join(__dirname, "../../templates/assets/remit-visits.js"));
let failures = 0, count = 0;
function expect(name, actual, wanted) {
  count++;
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
    failures++;
    console.log(`FAIL ${name}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
  }
}
const a = ["r/a/changed/2026-10-01", "2026-10-01", "First."];
const b = ["r/a/changed/2026-11-20", "2026-11-20", "Second."];
const old = ["r/a/changed/2026-09-01", "2026-09-01", "Added late with an old date."];

// A first visit records what there is and says nothing.
let visit = visits.visitPage(undefined, [a], "2026-11-03");
expect("first visit: no notice", visit.notice, null);
expect("first visit: recorded", visit.record, { last: "2026-11-03", known: [a[0]] });
// Nothing new: still nothing.
visit = visits.visitPage(visit.record, [a], "2026-11-10");
expect("nothing new", visit.notice, null);
expect("nothing new: the visit moves on", visit.record.last, "2026-11-10");
// A change the reader has not seen: named, since the last visit.
visit = visits.visitPage(visit.record, [b, a], "2026-11-25");
expect("new change", visit.notice, { since: "2026-11-10", ids: [b[0]], on: "2026-11-25" });
// Reloaded the same day, the notice stays (until dismissed), with the same date.
const again = visits.visitPage(visit.record, [b, a], "2026-11-25");
expect("same day: it stays", again.notice, visit.notice);
// Dismissed (the script deletes the notice), then reloaded: gone.
const dismissed = Object.assign({}, visit.record);
delete dismissed.notice;
expect("dismissed", visits.visitPage(dismissed, [b, a], "2026-11-25").notice, null);
// The next day it has been seen.
expect("next day", visits.visitPage(visit.record, [b, a], "2026-11-26").notice, null);
// An entry added after the last visit with an earlier date is news too.
expect("backdated", visits.visitPage(dismissed, [b, a, old], "2026-11-27").notice, { since: "2026-11-25", ids: [old[0]], on: "2026-11-27" });
// Another change the same day joins a notice already showing.
const third = ["r/a/changed/2026-11-25", "2026-11-25", "Third."];
expect("joins", visits.visitPage(visit.record, [third, b, a], "2026-11-25").notice, { since: "2026-11-10", ids: [b[0], third[0]], on: "2026-11-25" });

// The site: the last day visited, and the visit day before it.
let site = visits.visitSite(undefined, "2026-11-03");
expect("site: first", site, { last: "2026-11-03" });
expect("site: same day", visits.visitSite(site, "2026-11-03"), { last: "2026-11-03" });
site = visits.visitSite(site, "2026-11-20");
expect("site: a later day", site, { last: "2026-11-20", before: "2026-11-03" });
expect("site: later that day", visits.visitSite(site, "2026-11-20"), site);

expect("dates as the build writes them", visits.longDate("2026-11-03"), "3 November 2026");
console.log(`${count - failures} of ${count} visit cases pass`);
process.exit(failures ? 1 : 0);
