#!/usr/bin/env python3
"""Parses a built site's machine-readable files with real parsers:
deadlines.ics with the icalendar library, changes.atom and sitemap.xml as XML
(with the elements their specifications require), catalogue.json as JSON.
Usage: check_feeds.py SITE_DIR. Exits 1 listing every problem."""
import json
import os
import sys
import xml.etree.ElementTree as ET

import icalendar

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def check(site):
    problems = []
    with open(os.path.join(site, "deadlines.ics"), "rb") as handle:
        raw = handle.read()
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    uids = [str(event["UID"]) for event in events]
    if len(set(uids)) != len(uids):
        problems.append("deadlines.ics: duplicate UIDs")
    for event in events:
        for field in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if field not in event:
                problems.append(f"deadlines.ics: event without {field}")
        if "DTSTART" in event and type(event.decoded("DTSTART")).__name__ != "date":
            problems.append("deadlines.ics: DTSTART is not an all-day date")
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("deadlines.ics: a line does not end with CRLF")

    feed = ET.parse(os.path.join(site, "changes.atom")).getroot()
    if feed.tag != ATOM + "feed":
        problems.append("changes.atom: root is not an Atom feed")
    for field in ("id", "title", "updated"):
        if feed.find(ATOM + field) is None:
            problems.append(f"changes.atom: feed without {field}")
    entry_ids = []
    for entry in feed.findall(ATOM + "entry"):
        for field in ("id", "title", "updated"):
            if entry.find(ATOM + field) is None:
                problems.append(f"changes.atom: entry without {field}")
        entry_ids.append(entry.findtext(ATOM + "id"))
    if len(set(entry_ids)) != len(entry_ids):
        problems.append("changes.atom: duplicate entry ids")

    urlset = ET.parse(os.path.join(site, "sitemap.xml")).getroot()
    locs = [url.findtext(SITEMAP + "loc") for url in urlset.findall(SITEMAP + "url")]
    if urlset.tag != SITEMAP + "urlset" or not locs:
        problems.append("sitemap.xml: no urlset or no urls")

    with open(os.path.join(site, "catalogue.json"), encoding="utf-8") as handle:
        catalogue = json.load(handle)
    if catalogue.get("version") != 1:
        problems.append("catalogue.json: version is not 1")
    print(f"feeds: {len(events)} calendar events, {len(entry_ids)} feed entries, {len(locs)} sitemap urls, "
          f"{len(catalogue.get('services', []))} services in catalogue.json")
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1])
    for problem in found:
        print(problem)
    sys.exit(1 if found else 0)
