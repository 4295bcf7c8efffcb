// Runs the shared calendar cases against the theme's planner script in node.
// Exit 0 when every case agrees; otherwise lists each disagreement.
"use strict";
const path = require("path");
const planner = require(path.join(__dirname, "../../templates/assets/remit-planner.js"));
const table = require(path.join(__dirname, "calendar-cases.json"));

const duration = ([min, max, unit]) => ({ min, max, unit });
const day = (iso) => planner.dayNumber(iso);
const iso = (value) => (typeof value === "number" ? planner.isoDate(value) : value);

let failures = 0;
for (const c of table.cases) {
  const cal = c.calendar || table.calendar;
  const calendar = new planner.Calendar(cal.business_days, cal.holidays);
  let actual;
  switch (c.op) {
    case "delivery": actual = calendar.delivery(duration(c.duration), day(c.from)).map(iso); break;
    case "send_by": actual = iso(calendar.sendBy(day(c.need_by), duration(c.turnaround), c.input_by ? duration(c.input_by) : null)); break;
    case "finish": actual = calendar.finish(c.steps.map(duration), day(c.from)).map(iso); break;
    case "start_by": actual = iso(calendar.startBy(c.steps.map(duration), day(c.finish_by))); break;
    case "is_business_day": actual = calendar.isBusinessDay(day(c.date)); break;
    default: actual = `unknown op ${c.op}`;
  }
  if (JSON.stringify(actual) !== JSON.stringify(c.expect)) {
    failures += 1;
    console.log(`FAIL ${c.name}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(actual)}`);
  }
}
console.log(`${table.cases.length - failures} of ${table.cases.length} calendar cases agree`);
process.exit(failures === 0 && table.cases.length >= 30 ? 0 : 1);
