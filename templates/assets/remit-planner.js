/* Remit planner: turns "how long it takes" into dates on service and journey
 * pages. The same rules as Sources/RemitCore/Model/BusinessCalendar.swift;
 * both are tested against Tests/calendar-cases.json. Dates are whole days
 * counted from 1970-01-01, so no time zone or daylight saving can shift them.
 * Without this script the pages still state the plain sentence. */
(function () {
  "use strict";

  var WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  function dayNumber(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!match) return null;
    return Math.floor(Date.UTC(+match[1], +match[2] - 1, +match[3]) / 86400000);
  }

  function isoDate(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  function weekdayIndex(day) {
    return (((day % 7) + 7) + 3) % 7; /* 1970-01-01 was a Thursday */
  }

  /* "Friday 4 December 2026" */
  function longDate(day) {
    var date = new Date(day * 86400000);
    return DAY_NAMES[weekdayIndex(day)] + " " + date.getUTCDate() + " " +
      MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  function wholeBusinessDays(amount, unit) {
    return unit === "hours" ? Math.ceil(amount / 8) : amount;
  }

  function calendarDays(amount, unit) {
    return unit === "weeks" ? amount * 7 : amount;
  }

  function Calendar(businessDays, holidays) {
    this.workdays = {};
    var self = this;
    (businessDays && businessDays.length ? businessDays : WEEKDAYS.slice(0, 5)).forEach(function (name) {
      self.workdays[name] = true;
    });
    this.holidays = {};
    (holidays || []).forEach(function (iso) {
      var day = dayNumber(iso);
      if (day !== null) self.holidays[day] = true;
    });
  }

  Calendar.prototype.isBusinessDay = function (day) {
    return !!this.workdays[WEEKDAYS[weekdayIndex(day)]] && !this.holidays[day];
  };

  Calendar.prototype.onOrAfter = function (day) {
    while (!this.isBusinessDay(day)) day += 1;
    return day;
  };

  Calendar.prototype.onOrBefore = function (day) {
    while (!this.isBusinessDay(day)) day -= 1;
    return day;
  };

  Calendar.prototype.add = function (amount, unit, start) {
    if (unit === "calendar days" || unit === "weeks") return this.onOrAfter(start + calendarDays(amount, unit));
    var day = this.onOrAfter(start);
    for (var i = 0; i < wholeBusinessDays(amount, unit); i++) day = this.onOrAfter(day + 1);
    return day;
  };

  Calendar.prototype.subtract = function (amount, unit, end) {
    if (unit === "calendar days" || unit === "weeks") return this.onOrBefore(this.onOrBefore(end) - calendarDays(amount, unit));
    var day = this.onOrBefore(end);
    for (var i = 0; i < wholeBusinessDays(amount, unit); i++) day = this.onOrBefore(day - 1);
    return day;
  };

  Calendar.prototype.delivery = function (duration, start) {
    return [this.add(duration.min, duration.unit, start), this.add(duration.max, duration.unit, start)];
  };

  Calendar.prototype.sendBy = function (needBy, turnaround, inputBy) {
    var day = this.subtract(turnaround.max, turnaround.unit, needBy);
    return inputBy ? this.subtract(inputBy.max, inputBy.unit, day) : day;
  };

  Calendar.prototype.finish = function (steps, start) {
    var earliest = start, latest = start, self = this;
    steps.forEach(function (step) {
      earliest = self.add(step.min, step.unit, earliest);
      latest = self.add(step.max, step.unit, latest);
    });
    return [earliest, latest];
  };

  Calendar.prototype.startBy = function (steps, finishBy) {
    var day = finishBy;
    for (var i = steps.length - 1; i >= 0; i--) day = this.subtract(steps[i].max, steps[i].unit, day);
    return day;
  };

  /* "3 5 business-days", as the theme writes it in data attributes. */
  function parseDuration(text) {
    var parts = (text || "").trim().split(/\s+/);
    if (parts.length !== 3) return null;
    return { min: +parts[0], max: +parts[1], unit: parts[2].replace("-", " ") };
  }

  function today() {
    var now = new Date();
    return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
  }

  function range(pair) {
    return pair[0] === pair[1] ? "on " + longDate(pair[0]) : "between " + longDate(pair[0]) + " and " + longDate(pair[1]);
  }

  function enhance(form) {
    var calendar = new Calendar((form.getAttribute("data-business-days") || "").split(" ").filter(Boolean),
      (form.getAttribute("data-holidays") || "").split(" ").filter(Boolean));
    var steps = (form.getAttribute("data-steps") || "").split(";").map(parseDuration).filter(Boolean);
    var inputBy = parseDuration(form.getAttribute("data-input-by"));
    var input = form.querySelector("input[type=date]");
    var answer = form.querySelector("[data-planner-answer]");
    var expected = form.querySelector("[data-planner-expected]");
    var isJourney = form.hasAttribute("data-journey");
    var start = today();

    expected.textContent = (isJourney ? "Started today, the whole journey is done " : "Sent today, expect it ") +
      range(calendar.finish(steps, start)) + ".";
    /* "7 90": 9 in 10 of the last 90 days' requests took up to 7 business days. */
    var measured = (form.getAttribute("data-measured") || "").split(" ");
    var measuredLine = form.querySelector("[data-planner-measured]");
    if (measuredLine && measured.length === 2) {
      measuredLine.textContent = "Measured: sent today, most requests like this (9 in 10 over the last " + measured[1] +
        " days) are done by " + longDate(calendar.add(+measured[0], "business days", start)) + ".";
    }

    function update() {
      var needBy = dayNumber(input.value);
      if (needBy === null) {
        answer.textContent = "";
        return;
      }
      var sendBy = isJourney ? calendar.startBy(steps, needBy) : calendar.sendBy(needBy, steps[0], inputBy);
      var text = (isJourney ? "Start the first step by " : "Send your request by ") + longDate(sendBy) + ".";
      if (sendBy < start) text += " That date has passed: ask the team whether it can still be done in time.";
      answer.textContent = text;
    }
    input.min = isoDate(start);
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    form.hidden = false;
    update();
  }

  var api = { Calendar: Calendar, dayNumber: dayNumber, isoDate: isoDate, longDate: longDate, parseDuration: parseDuration };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof document !== "undefined") {
    var forms = document.querySelectorAll("form[data-planner]");
    for (var i = 0; i < forms.length; i++) enhance(forms[i]);
  }
})();
