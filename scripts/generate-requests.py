#!/usr/bin/env python3
"""Writes the sample catalogue's service-desk exports, content/<function>/requests.csv.

usage: scripts/generate-requests.py [--content content] [--until 2026-11-27]

Deterministic (a fixed seed per function): the same arguments write the same
bytes. Each file looks like a raw ServiceNow export, which catalogue.yml's
request_columns maps (Category, Opened, Resolved, On hold days), with the
columns a real export carries and Remit must never publish: ticket numbers,
callers' names, descriptions with commas, quotes and line breaks. Requests
arrive from 1 July to --until, some on weekends and holidays; those still
being worked on at the end have no Resolved date. CRLF line endings, as
Windows exports have; finance's file starts with a UTF-8 byte-order mark, as
Excel's "CSV UTF-8" does.

Each service's times are drawn around its promise so that 9 in 10 of its
requests are done within it, except IT's new user accounts, which visibly
miss their promise (3-5 business days; most take a week or more), and HR's
off-payroll status checks, too few in 90 days to show figures.
"""
import argparse
import csv
import datetime
import random
import re
from pathlib import Path

FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Eilidh", "Farah", "Gareth", "Hannah", "Imran", "Jess", "Kofi", "Lena",
         "Marcus", "Niamh", "Owen", "Priya", "Quentin", "Rosa", "Sanjay", "Tamsin", "Usman", "Vera", "Wes", "Yusuf", "Zoë"]
LAST = ["Abbott", "Bhatt", "Clarke", "Dunmore", "Evans", "Fairweather", "Gill", "Hughes", "Iqbal", "Jones", "Kowalski",
        "Llewellyn", "Mensah", "Nowak", "O'Brien", "Patel", "Quinn", "Reid", "Singh", "Thornton", "Umeh", "Vaughan",
        "Whitfield", "Yates", "Zielinski"]
TEAMS = ["Parks & Open Spaces", "Housing Repairs", "Libraries", "Waste, Recycling and Streets", "Planning",
         "Adult Social Care", "Children's Services", "Council Tax", "Electoral Services", "Leisure Centres"]

# service: (requests a business day, shape of the times in business days, paused share, descriptions)
# shape: ("within", low, mode) draws low..promise around mode, plus a few late ones;
#        ("miss", low, mode, high) draws low..high around mode, whatever the promise.
SERVICES = {
    "hr": {
        "new-starter-setup": (1.2, ("within", 3, 7), 0.25, [
            "New starter, {team}: {name} starts Monday", "Contract and payroll set-up for \"{name}\", {team}",
            "Starter pack for {name}\nneeds DBS check first"]),
        "leaver-process": (0.9, ("within", 1, 3), 0.10, ["Leaver: {name}, {team}, last day Friday", "Resignation of {name}; exit interview wanted"]),
        "employee-relations-advice": (2.0, ("within", 0, 0), 0.0, [
            "Advice on a grievance in {team}", "Sickness absence, long-term: {name}", "Flexible working request, \"compressed hours\""]),
        "recruitment-campaign": (0.3, ("within", 20, 32), 0.20, ["Campaign for 2 posts, {team}", "Advert and shortlisting, {team}; closing date tbc"]),
        "off-payroll-status": (0.07, ("within", 2, 3), 0.0, ["IR35 determination for a contractor in {team}"]),
    },
    "it": {
        "new-user-account": (1.5, ("miss", 2, 6, 10), 0.15, [
            "New account for {name} ({team})", "Starter {name} needs email, Teams and \"Civica\" access",
            "Account for agency worker {name}\nstart date moved twice"]),
        "account-removal": (1.1, ("within", 0, 0), 0.0, ["Remove access: {name} left {team}", "Disable account of {name}, urgent"]),
        "change-request": (0.6, ("within", 1, 3), 0.10, ["Firewall change for {team}", "Add {team} shared mailbox, permissions for 4 people"]),
        "equipment-request": (1.0, ("within", 4, 9), 0.20, ["Laptop and dock for {name}", "Replacement monitor, {team}; old one flickers"]),
        "software-request": (0.4, ("within", 8, 22), 0.30, ["Licence for \"ArcGIS Pro\", {team}", "Install statistics package for {name}"]),
    },
    "finance": {
        "payroll-changes": (2.2, ("within", 0, 1), 0.05, ["Overtime claim, {name}", "Change of bank details for {name}, {team}", "Honorarium, \"acting up\" in {team}"]),
        "supplier-payments": (1.8, ("within", 5, 12), 0.10, ["Invoice 4471 from a supplier to {team}", "Urgent payment, {team}; supplier chasing"]),
        "expense-claims": (1.4, ("within", 3, 10), 0.15, ["Mileage for {name}, October", "Conference fees and hotel, {name}\nreceipts attached"]),
        "year-end-closedown": (0.02, ("within", 2, 3), 0.0, ["Accrual query, {team}"]),
    },
}


def holidays(content):
    text = (content / "catalogue.yml").read_text(encoding="utf-8")
    block = text.split("holidays:", 1)[1].split("\n\n", 1)[0] if "holidays:" in text else ""
    return {datetime.date.fromisoformat(d) for d in re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", block)}


def turnarounds(content, function):
    result = {}
    for path in sorted((content / function / "services").glob("*.md")):
        match = re.search(r"^turnaround:\s*(.+)$", path.read_text(encoding="utf-8"), re.M)
        result[path.stem] = match.group(1).strip()
    return result


def promise(turnaround):
    """The longest turnaround in business days, as Remit counts it."""
    text = turnaround.lower()
    if text == "same day":
        return 0
    if text == "next business day":
        return 1
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    top = max(numbers)
    if "hour" in text:
        return (top + 7) // 8
    if "week" in text:
        return top * 5
    if "business" in text or "working" in text:
        return top
    return (top * 5 + 6) // 7


class Calendar:
    def __init__(self, holidays):
        self.holidays = holidays

    def is_business_day(self, day):
        return day.weekday() < 5 and day not in self.holidays

    def on_or_after(self, day):
        while not self.is_business_day(day):
            day += datetime.timedelta(days=1)
        return day

    def add(self, amount, start):
        day = self.on_or_after(start)
        for _ in range(amount):
            day = self.on_or_after(day + datetime.timedelta(days=1))
        return day


def elapsed_time(rng, shape, limit, late):
    """Business days a request takes; `late` ones (one in 30 of a service's) overrun the promise."""
    if shape[0] == "miss":
        _, low, mode, high = shape
        return round(rng.triangular(low, high, mode))
    _, low, mode = shape
    if late:
        return limit + rng.randint(1, max(1, limit // 3))
    return min(limit, round(rng.triangular(low, limit, min(max(mode, low), limit))))


def generate(content, function, until, seed):
    rng = random.Random(seed)
    calendar = Calendar(holidays(content))
    limits = {service: promise(text) for service, text in turnarounds(content, function).items()}
    start = datetime.date(until.year, 7, 1)
    rows = []
    made = {service: 0 for service in SERVICES[function]}
    day = start
    while day <= until:
        weekend = not calendar.is_business_day(day)
        for service, (rate, shape, paused_share, descriptions) in SERVICES[function].items():
            # Fewer requests arrive on days off, but some do (an email on a Saturday).
            expected = rate * (0.06 if weekend else 1.0)
            count = sum(1 for _ in range(8) if rng.random() < expected / 8)
            for _ in range(count):
                made[service] += 1
                elapsed = elapsed_time(rng, shape, limits[service], made[service] % 30 == 0)
                paused = rng.randint(1, 3) if rng.random() < paused_share else 0
                done = calendar.add(elapsed + paused, day)
                opened = datetime.datetime.combine(day, datetime.time(rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59)))
                resolved = datetime.datetime.combine(done, datetime.time(rng.randint(9, 17), rng.randint(0, 59), rng.randint(0, 59)))
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                description = rng.choice(descriptions).format(name=name, team=rng.choice(TEAMS))
                rows.append((opened, service, name, description, resolved if done <= until else None, paused))
        day += datetime.timedelta(days=1)
    rows.sort(key=lambda row: (row[0], row[1]))
    prefix = {"hr": "HR", "it": "INC", "finance": "FIN"}[function]
    path = content / function / "requests.csv"
    encoding = "utf-8-sig" if function == "finance" else "utf-8"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["Number", "Opened", "Category", "Caller", "Short description", "Assignment group", "State", "Resolved", "On hold days"])
        for number, (opened, service, name, description, resolved, paused) in enumerate(rows, start=10_000):
            writer.writerow([
                f"{prefix}{number:07d}", opened.strftime("%Y-%m-%d %H:%M:%S"), service, name, description,
                f"{function.upper()} Service Desk", "Resolved" if resolved else "Work in progress",
                resolved.strftime("%Y-%m-%d %H:%M:%S") if resolved else "", paused if paused else ""])
    return path, len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", default="content", type=Path)
    parser.add_argument("--until", default="2026-11-27", type=datetime.date.fromisoformat,
                        help="the export's date: the last day requests arrive, and the last they are resolved")
    args = parser.parse_args()
    for seed, function in enumerate(SERVICES, start=13):
        path, count = generate(args.content, function, args.until, seed)
        print(f"{path}: {count} requests")


if __name__ == "__main__":
    main()
