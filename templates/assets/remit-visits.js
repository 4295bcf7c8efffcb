/* Remit visits: "Changed since your last visit". Remembers, in this
 * browser's localStorage only (no cookies, nothing sent anywhere), the day of
 * the reader's last visit to the site and, for each rule and service page
 * they open, which of its announced changes they have seen. A returning
 * reader gets a banner on a page whose announced changes include one they
 * have not seen, and the home page lists every announced change dated since
 * their last visit (on an earlier day) to the site. A change counts once the
 * reader's own today reaches its date. Nothing is said on a first visit, and
 * without JavaScript nothing happens at all. Data: the page's own changes in
 * its #visit-notice element, and for the home page changes/announced/*.js
 * (scripts, not JSON, so file:// works). */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  /* Page records kept: the most recently visited pages. */
  var MAX_PAGES = 500;

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  function isoToday(now) {
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* "2026-11-03" → "3 November 2026", as the build writes dates. */
  function longDate(iso) {
    var parts = iso.split("-");
    return +parts[2] + " " + MONTHS[+parts[1] - 1] + " " + parts[0];
  }

  /* What a page's record becomes on a visit today, and the notice to show.
   * record: {last, known: [ids], notice: {since, ids, on}} or undefined;
   * arrived: the page's changes whose date has come, [[id, date, …], …].
   * A notice lasts the day it was first shown, unless dismissed. */
  function visitPage(record, arrived, today) {
    var ids = arrived.map(function (change) { return change[0]; });
    if (!record) return { record: { last: today, known: ids }, notice: null };
    var known = Object.create(null);
    (record.known || []).forEach(function (id) { known[id] = true; });
    var fresh = ids.filter(function (id) { return !known[id]; });
    var pending = record.notice && record.notice.on === today ? record.notice : null;
    var notice = pending;
    if (fresh.length) {
      notice = { since: pending ? pending.since : record.last, ids: (pending ? pending.ids : []).concat(fresh), on: today };
    }
    var next = { last: today, known: ids };
    if (notice) next.notice = notice;
    return { record: next, notice: notice };
  }

  /* The site's record: the last day visited, and the visit day before it. */
  function visitSite(record, today) {
    if (!record) return { last: today };
    if (record.last === today) return record;
    return { last: today, before: record.last };
  }

  /* In node (tests), export the rules and stop: there is no page. */
  if (typeof document === "undefined") {
    module.exports = { visitPage: visitPage, visitSite: visitSite, longDate: longDate };
    return;
  }

  var rootAttribute = document.documentElement.getAttribute("data-remit-root") || "/";
  var offline = document.documentElement.hasAttribute("data-remit-offline");
  /* The site's own address (relative roots resolved), so sites sharing an origin, or file://, keep apart. */
  var site = new URL(rootAttribute, window.location.href).href;
  var key = "remit-visits " + site;
  var today = isoToday(new Date());

  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch (error) {
    return; /* storage refused (privacy settings): say nothing */
  }

  function load() {
    try {
      var value = JSON.parse(storage.getItem(key) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    var names = Object.keys(state.pages || {});
    if (names.length > MAX_PAGES) {
      names.sort(function (a, b) { return state.pages[b].last < state.pages[a].last ? -1 : 1; });
      names.slice(MAX_PAGES).forEach(function (name) { delete state.pages[name]; });
    }
    try { storage.setItem(key, JSON.stringify(state)); } catch (error) { /* full: keep going */ }
  }

  function href(address) {
    if (!offline) return rootAttribute + address;
    var hash = address.indexOf("#"), path = hash < 0 ? address : address.slice(0, hash);
    return rootAttribute + path + (path === "" || path.slice(-1) === "/" ? "index.html" : "") + (hash < 0 ? "" : address.slice(hash));
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(text, address) {
    var anchor = element("a", null, text);
    anchor.href = href(address);
    return anchor;
  }

  var state = load();
  var siteBefore = visitSite(state.site, today).before;
  state.site = visitSite(state.site, today);
  state.pages = state.pages || {};

  /* The banner on a rule or service page. */
  var notice = document.getElementById("visit-notice");
  if (notice) {
    var page = notice.getAttribute("data-remit-page");
    var changes = [];
    try { changes = JSON.parse(notice.getAttribute("data-remit-announced") || "[]"); } catch (error) { changes = []; }
    var arrived = changes.filter(function (change) { return change[1] <= today; });
    var visit = visitPage(state.pages[page], arrived, today);
    state.pages[page] = visit.record;
    var shown = visit.notice ? arrived.filter(function (change) { return visit.notice.ids.indexOf(change[0]) >= 0; }) : [];
    if (shown.length) {
      var since = "Changed since your last visit on " + longDate(visit.notice.since) + ":";
      var text = element("p");
      text.appendChild(element("strong", null, since));
      if (shown.length === 1) {
        text.appendChild(document.createTextNode(" " + shown[0][2] + " "));
        text.appendChild(link("See the history", shown[0][3]));
        notice.appendChild(text);
      } else {
        notice.appendChild(text);
        var list = element("ul", "visit-notice__list");
        shown.forEach(function (change) {
          var item = element("li", null, longDate(change[1]) + ": " + change[2] + " ");
          item.appendChild(link("See the history", change[3]));
          list.appendChild(item);
        });
        notice.appendChild(list);
      }
      var dismiss = element("button", "visit-notice__dismiss button button--secondary", "Dismiss");
      dismiss.type = "button";
      dismiss.setAttribute("data-visit-dismiss", "");
      dismiss.addEventListener("click", function () {
        var current = load();
        if (current.pages && current.pages[page]) delete current.pages[page].notice;
        save(current);
        notice.hidden = true;
      });
      notice.appendChild(dismiss);
      notice.setAttribute("role", "status");
      notice.hidden = false;
    }
  }
  save(state);

  /* The home page's list: every announced change dated from the last visit day on. */
  var board = document.querySelector("[data-remit-visit-list]");
  if (!board || !siteBefore) return;
  var found = [];
  window.REMIT_ANNOUNCED = function (month, items) { found = found.concat(items); };
  function loadScript(path) {
    return new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = rootAttribute + path;
      script.onload = script.onerror = function () { resolve(); };
      document.head.appendChild(script);
    });
  }
  loadScript("changes/announced/index.js").then(function () {
    var index = window.REMIT_ANNOUNCED_INDEX || { months: [], version: "" };
    var months = index.months.filter(function (month) { return month >= siteBefore.slice(0, 7) && month <= today.slice(0, 7); });
    return Promise.all(months.map(function (month) {
      return loadScript("changes/announced/" + month + ".js?v=" + index.version);
    }));
  }).then(function () {
    var since = found.filter(function (change) { return change[1] >= siteBefore && change[1] <= today; });
    if (!since.length) return;
    since.sort(function (a, b) { return a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0; });
    board.querySelector("h2").textContent = "Changed since your last visit on " + longDate(siteBefore);
    var list = board.querySelector("[data-visit-items]");
    since.forEach(function (change) {
      var item = element("li");
      var time = element("time", null, longDate(change[1]));
      time.setAttribute("datetime", change[1]);
      item.appendChild(time);
      var line = element("p");
      line.appendChild(link(change[4], change[3]));
      line.appendChild(document.createTextNode(": " + change[2]));
      item.appendChild(line);
      list.appendChild(item);
    });
    board.hidden = false;
  });
})();
