#!/usr/bin/env python3
"""Writes a realistic synthetic catalogue of N pages, for benchmarks.

usage: generate-catalogue.py OUT_DIR [PAGES] [--seed N] [--stats FILE]

OUT_DIR becomes a Remit content folder that `remit check` accepts with no
errors: catalogue.yml, glossary.yml, about N/100 functions (index.md, ~54
services and ~44 rules each), N/250 journeys and N/500 free pages; PAGES
counts every Markdown file. Each page body is about 5 KB of Markdown: 6-10
headings (## and ###), prose drawn from English with a long tail of made-up
names (so it compresses and indexes like real text), emphasis and code
spans, bullet and numbered lists, a GFM table, sometimes a task list, a
quote or a fenced block, and 5-15 relative links to other pages' source
files (`x.md`, `../services/x.md`, `../../other/rules/y.md#anchor`), every
anchor one that exists. Rules have `## Why this rule exists`; some are
proposed, superseded or drafts; front matter uses every field of the
content model. Everything follows from the seed (default 42).
"""
import argparse
import hashlib
import json
import os
import posixpath
import random
import shutil
import sys
from bisect import bisect

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("pages", nargs="?", type=int, default=10000)
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--stats", help="write a JSON description of the corpus here")
args = parser.parse_args()
out, total_pages, seed = args.out, max(args.pages, 20), args.seed

# ---------------------------------------------------------------- vocabulary
# Common English in rough frequency order (Zipf-weighted below), then the
# back-office words a catalogue is full of. Sentences mix them with a long
# tail of 4,000 made-up names (systems, places, suppliers).
COMMON = """the of and to a in is that for it as with be on not this are by at from or have an
they which you was we will can all their has there been if more when would who so what out up
about into them than only other its time some could these two may then do first any like new
now such our over also after most made many before must through back years where much your way
well should because each just those how too little us state good very make world still own see
men work long here both between life being under never day same another know while last might
great old year off come since against go came right used take three states himself few house
use during without again place around however home small found thought went say part once
general high upon school every does got united left number course war until always away
something fact though water less public put think almost hand enough far took head yet
government system better set told nothing night end why called eyes find going look asked
later point knew city next program business give group toward young days let room president side
social given present several order national possible rather second face per among form important
often things looking early white case become large big need four within felt along children
saw best church ever least power development light thing seemed family interest want members
mind area country others although turned done open service certain kind problem began
different door thus help sense means whole matter perhaps itself times law human line above
name example action company hands local show whether five history gave today either act feet
across taken past quite anything having seen death experience body word half really week free
field car words started special""".split()
DOMAIN = """request requests form forms approval approvals budget budgets contract contracts payroll
invoice invoices supplier suppliers manager managers staff employee employees team teams policy
policies record records review reviews deadline deadlines cost costs holder holders evidence
account accounts access risk risks audit audits legal advice finance procurement purchase order
orders quote quotes tender tenders framework agreement agreements payment payments claim claims
expense expenses leave absence salary pension grade post posts vacancy vacancies recruitment
offer reference references check checks training induction equipment laptop laptops licence
licences data protection breach breaches complaint complaints incident incidents report reports
plan plans register registers owner owners director directors officer officers council clients
client department departments service services business continuity insurance premium premiums
asset assets inventory storage retention disclosure consent privacy assessment assessments
approve submit complete send attach confirm sign agree schedule allocate escalate notify assess
process processes track update register recover reconcile authorise authorised approved pending
signed completed urgent annual monthly quarterly weekly statutory mandatory optional standard
internal external senior junior qualified independent written electronic secure confidential
shared corporate regional central eligible overdue current previous financial operational
template templates portal mailbox desk ticket tickets system systems deputy adviser advisers
panel board committee cabinet member members resident residents partner partners contractor
contractors consultant consultants project projects programme milestone milestones baseline
threshold thresholds limit limits value values delegation delegations signature signatures""".split()
SYLLABLES = ("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu "
             "ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti "
             "to tu va ve vi vo").split()

vocab_rng = random.Random(seed)
NAMES = sorted({"".join(vocab_rng.choice(SYLLABLES) for _ in range(vocab_rng.randint(2, 4)))
                for _ in range(4300)})[:4000]
vocab_rng.shuffle(NAMES)
WORDS = COMMON + DOMAIN + NAMES
# Zipf's law over the whole list, so "the" is common and each made-up name rare.
_cumulative = []
_acc = 0.0
for rank in range(len(WORDS)):
    # Made-up names take about a tenth of the running text, as names and jargon do in real prose.
    _acc += (1.0 if rank < len(COMMON) + len(DOMAIN) else 0.3) / (rank + 2.7)
    _cumulative.append(_acc)
_total_weight = _acc
RESERVED_IDS = {"main-content", "site-header", "site-search", "site-footer", "page-facts", "page-rules",
                "page-services", "page-steps", "page-history", "page-body", "functions-heading", "journeys",
                "about-heading", "provides-heading", "not-provided-heading", "contact-heading",
                "deadlines-heading", "provide-heading", "journeys-heading", "exceptions-heading",
                "planner-heading", "planner-form", "planner-date", "review-notice", "page-updated",
                "coming-up", "recent-changes", "overdue", "due-soon", "tag-services", "next-deadlines",
                "coming-changes", "site-search-input", "site-search-results", "site-search-status",
                "search-page", "search-page-input", "search-page-results", "search-page-status"}


def word(rng):
    return WORDS[bisect(_cumulative, rng.random() * _total_weight)]


def words(rng, n):
    return " ".join(word(rng) for _ in range(n))


def sentence(rng, low=8, high=24):
    parts = [word(rng) for _ in range(rng.randint(low, high))]
    if len(parts) > 9 and rng.random() < 0.5:
        parts[rng.randint(3, len(parts) - 4)] += ","
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def slug(text):
    """Remit's HeadingSlugger (GitHub's rule): lowercase, spaces to '-', keep letters, digits, - and _."""
    result = []
    for ch in text.lower():
        if ch == " ":
            result.append("-")
        elif ch in "-_" or ch.isalpha() or ch.isdigit():
            result.append(ch)
    return "".join(result) or "section"


def id_from(text):
    return "-".join(part for part in "".join(c if c.isalnum() else " " for c in text.lower()).split())


def page_seed(*parts):
    """A seed from strings, the same in every run (Python's own hash() of a str is not)."""
    return int(hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def cap(text):
    return text[0].upper() + text[1:]


# ---------------------------------------------------------------- plan
AREAS = [("hr", "Human Resources"), ("finance", "Finance"), ("legal", "Legal Services"),
         ("it", "IT and Digital"), ("procurement", "Procurement"), ("audit", "Internal Audit"),
         ("risk", "Risk and Resilience"), ("compliance", "Information Governance"),
         ("communications", "Communications"), ("policy", "Corporate Policy"), ("estates", "Estates"),
         ("facilities", "Facilities"), ("payroll", "Payroll"), ("pensions", "Pensions"),
         ("health-safety", "Health and Safety"), ("insurance", "Insurance"), ("revenues", "Revenues"),
         ("fleet", "Fleet Services"), ("records", "Records Management"), ("democratic", "Democratic Services"),
         ("learning", "Learning and Development"), ("equality", "Equality and Inclusion"),
         ("data", "Data and Insight"), ("customer", "Customer Services"), ("security", "Security")]
REGIONS = ["north", "south", "east", "west", "central", "harbour", "valley", "river", "hill", "coast",
           "park", "bridge", "market", "castle", "forest", "lake", "moor", "quay", "abbey", "green",
           "field", "gate", "mill", "cross", "port", "vale", "heath", "dale", "wood", "ford", "marsh",
           "bay", "cliff", "down", "end", "grove", "holm", "lea", "mere", "stone"]

SERVICE_HEADINGS = ["How to request", "What happens next", "What you need to provide", "Before you start",
                    "Costs and charges", "Who can ask", "Timescales", "After we deliver", "Common problems",
                    "Contact and escalation", "Related services", "Questions we are often asked",
                    "Urgent requests", "What we check"]
RULE_HEADINGS = ["What happens if it is not followed", "Who this applies to", "How to comply",
                 "Asking for an exception", "Background", "What this means for you", "Related rules",
                 "Evidence we ask for", "How we check", "History of this rule", "Legal basis"]
FUNCTION_HEADINGS = ["Scope", "How to work with us", "Our team", "Service standards", "Planning ahead",
                     "Complaints and compliments", "Where to find us", "Working with other teams",
                     "Our priorities this year", "Reporting"]
JOURNEY_HEADINGS = ["Before you start", "Planning backwards", "Who does what", "Common delays",
                    "After the last step", "Checklist", "Getting help", "Costs along the way"]
PAGE_HEADINGS = ["Who it is for", "How it is maintained", "Finding what you need", "Getting help",
                 "Reading a service page", "Reading a rule page", "Suggesting a change", "Accessibility"]
DURATIONS = ["same day", "next business day", "4 hours", "2 business days", "3-5 business days",
             "5 business days", "10 business days", "5 to 10 business days", "2 weeks", "3 weeks",
             "4-6 weeks", "1 week", "20 calendar days", "30 days", "1 business day", "2-3 weeks"]
INPUT_BY = ["2 business days before the start date", "5 business days before the event",
            "10 business days before the deadline", "3 weeks before the go-live date",
            "1 week before the meeting", "15 business days before the start date"]

fn_count = max(1, round(total_pages / 100))
journey_count = max(2, total_pages // 250)
free_count = max(2, total_pages // 500)
item_pages = total_pages - fn_count - journey_count - free_count

plan_rng = random.Random(seed + 1)
functions = []  # (id, title)
combos = [(a, r) for r in REGIONS for a in AREAS]
for n in range(fn_count):
    (area, area_title), region = combos[n % len(combos)]
    suffix = "" if n < len(combos) else f"-{n // len(combos) + 1}"
    functions.append((f"{area}-{region}{suffix}", f"{area_title} ({cap(region)}{suffix.replace('-', ' ')})"))

pages = []  # dicts: path, kind, fn, id, title, headings [(level, text, id)], ...
by_fn = {}


LINKERS = ["for", "and", "of", "to", "with", "by", "in"]


def title_words(rng, n):
    """Titles read like 'Supplier contract review for grants': domain words, a linking word, a name now and then."""
    parts = rng.sample(DOMAIN, n)
    if n >= 3 and rng.random() < 0.5:
        parts.insert(rng.randint(1, n - 1), rng.choice(LINKERS))
    if rng.random() < 0.15:
        parts.append(rng.choice(NAMES))
    return " ".join(parts)


def unique_title(rng, used, low, high):
    while True:
        title = cap(title_words(rng, rng.randint(low, high)))
        ident = id_from(title)
        if ident and ident not in used and len(ident) <= 60:
            used.add(ident)
            return title, ident


def plan_headings(rng, pool, required=()):
    count = rng.randint(6, 10)
    chosen = list(required)
    for text in rng.sample(pool, min(len(pool), count)):
        if len(chosen) >= count:
            break
        if text not in chosen:
            chosen.append(text)
    headings = []
    used = set(RESERVED_IDS)
    for i, text in enumerate(chosen):
        level = 3 if (i > 0 and text not in required and rng.random() < 0.3) else 2
        if level == 3 and rng.random() < 0.5:
            text = cap(words(rng, rng.randint(2, 4)))
        base = slug(text)
        anchor, k = base, 0
        while anchor in used:
            k += 1
            anchor = f"{base}-{k}"
        used.add(anchor)
        headings.append((level, text, anchor))
    while len(headings) < 6:  # pools are large enough; kept as a guard
        text = cap(words(rng, 3))
        headings.append((3, text, slug(text)))
    return headings


per_fn, extra = divmod(item_pages, fn_count)
for fi, (fid, ftitle) in enumerate(functions):
    items = per_fn + (1 if fi < extra else 0)
    n_services = round(items * 0.55)
    n_rules = items - n_services
    used = {"index"}
    entry = {"index": None, "services": [], "rules": []}
    index = {"path": f"{fid}/index.md", "kind": "function", "fn": fid, "id": fid, "title": ftitle,
             "headings": plan_headings(plan_rng, FUNCTION_HEADINGS, ["Scope"])}
    pages.append(index)
    entry["index"] = index
    for _ in range(n_services):
        title, sid = unique_title(plan_rng, used, 2, 5)
        page = {"path": f"{fid}/services/{sid}.md", "kind": "service", "fn": fid, "id": sid, "title": title,
                "headings": plan_headings(plan_rng, SERVICE_HEADINGS, ["How to request"])}
        pages.append(page)
        entry["services"].append(page)
    for ri in range(n_rules):
        title, rid = unique_title(plan_rng, used, 3, 7)
        page = {"path": f"{fid}/rules/{rid}.md", "kind": "rule", "fn": fid, "id": rid, "title": title,
                "status": "active", "headings": plan_headings(plan_rng, RULE_HEADINGS, ["Why this rule exists"])}
        pages.append(page)
        entry["rules"].append(page)
    # Lifecycle: the last rules of a function are a draft, a proposal and superseded pairs.
    rules = entry["rules"]
    if len(rules) >= 8:
        rules[-1]["status"] = "draft"
        rules[-2]["status"] = "proposed"
        for new, old in ((rules[-3], rules[-4]), (rules[-5], rules[-6])):
            old["status"] = "superseded"
            new["supersedes"] = old["id"]
    by_fn[fid] = entry

used_journeys = set()
journeys = []
for _ in range(journey_count):
    title, jid = unique_title(plan_rng, used_journeys, 3, 5)
    page = {"path": f"journeys/{jid}.md", "kind": "journey", "fn": None, "id": jid, "title": title,
            "headings": plan_headings(plan_rng, JOURNEY_HEADINGS)}
    pages.append(page)
    journeys.append(page)
used_free = set()
free_pages = []
for _ in range(free_count):
    title, pid = unique_title(plan_rng, used_free, 2, 4)
    page = {"path": f"pages/{pid}.md", "kind": "page", "fn": None, "id": pid, "title": title,
            "headings": plan_headings(plan_rng, PAGE_HEADINGS)}
    pages.append(page)
    free_pages.append(page)

# Pages other pages may link to: everything published (drafts are not).
linkable = [p for p in pages if p.get("status") != "draft"]
published_rules = {fid: [r for r in e["rules"] if r["status"] in ("active", "proposed")] for fid, e in by_fn.items()}
fn_ids = [f for f, _ in functions]
TAGS = ["onboarding", "recruitment", "payroll", "budgets", "year-end", "contracts", "suppliers", "data",
        "security", "accounts", "training", "health", "buildings", "vehicles", "insurance", "complaints",
        "records", "privacy", "events", "travel", "equipment", "software", "planning", "audit", "risk",
        "legal", "media", "policy", "pensions", "leave", "expenses", "invoices", "tenders", "grants",
        "property", "safety", "equality", "customers", "reports", "governance"]

# ---------------------------------------------------------------- writing


def relative(source, target):
    return posixpath.relpath(target, posixpath.dirname(source))


def link_to(rng, page, target, anchor_chance=0.5):
    dest = relative(page["path"], target["path"])
    # Editors also write same-folder links the long way round.
    if "/" not in dest and rng.random() < 0.3 and page["kind"] in ("service", "rule"):
        dest = f"../{posixpath.basename(posixpath.dirname(target['path']))}/{dest}"
    if rng.random() < anchor_chance:
        dest += "#" + rng.choice(target["headings"])[2]
    text = target["title"].lower() if rng.random() < 0.6 else words(rng, rng.randint(2, 4))
    return f"[{text}]({dest})"


def pick_targets(rng, page, count):
    own = by_fn.get(page["fn"]) if page["fn"] else None
    chosen = []
    while len(chosen) < count:
        roll = rng.random()
        if own and roll < 0.55:
            pool = own["services"] + [r for r in own["rules"] if r["status"] != "draft"] + [own["index"]]
            target = rng.choice(pool)
        elif roll < 0.92 or not (journeys or free_pages):
            other = by_fn[rng.choice(fn_ids)]
            pool = other["services"] + published_rules[other["index"]["fn"]] + [other["index"]]
            target = rng.choice(pool)
        else:
            target = rng.choice(journeys + free_pages)
        if target is not page:
            chosen.append(target)
    return chosen


def inline_text(rng, n_sentences, links):
    """Sentences with emphasis, code spans and the given links worked in."""
    out_sentences = []
    for i in range(n_sentences):
        s = sentence(rng)
        tokens = s.split(" ")
        roll = rng.random()
        if roll < 0.2 and len(tokens) > 4:
            k = rng.randint(1, len(tokens) - 2)
            tokens[k] = f"*{tokens[k].rstrip(',')}*"
        elif roll < 0.35 and len(tokens) > 5:
            k = rng.randint(1, len(tokens) - 3)
            tokens[k] = f"**{tokens[k].rstrip(',')}"
            tokens[k + 1] = f"{tokens[k + 1].rstrip(',')}**"
        elif roll < 0.5 and len(tokens) > 4:
            k = rng.randint(1, len(tokens) - 2)
            tokens[k] = rng.choice([f"`{rng.choice(['FIN', 'HR', 'IT', 'PRC', 'LGL'])}-{rng.randint(100, 9999)}`",
                                    f"`{word(rng)}_{word(rng)}`", "`cost-centre`", "`PO-number`", f"`{rng.randint(2, 9)}.{rng.randint(0, 20)}`"])
        s = " ".join(tokens)
        if links:
            s = s[:-1] + f"; see {links.pop()}."
        out_sentences.append(s)
    while links:
        out_sentences.append(f"Read {links.pop()} first.")
    return " ".join(out_sentences)


def table(rng):
    kind = rng.random()
    if kind < 0.5:
        header = "| Request | Usual time | Who decides |\n|---|---|---|\n"
        rows = "".join(f"| {cap(words(rng, rng.randint(2, 4)))} | {rng.choice(DURATIONS)} | {cap(word(rng))} {word(rng)} |\n"
                       for _ in range(rng.randint(3, 6)))
    else:
        header = "| Item | Limit | Form | Notes |\n|:---|---:|:---:|---|\n"
        rows = "".join(f"| {cap(words(rng, 2))} | £{rng.randint(1, 250) * 100:,} | `{word(rng)}-{rng.randint(1, 99)}` | {words(rng, rng.randint(3, 8))} |\n"
                       for _ in range(rng.randint(3, 6)))
    return header + rows


def bullets(rng, links, ordered=False, tasks=False):
    lines = []
    for i in range(rng.randint(3, 6)):
        marker = f"{i + 1}." if ordered else ("- [ ]" if tasks and rng.random() < 0.6 else "- [x]" if tasks else "-")
        text = cap(words(rng, rng.randint(4, 12)))
        if links and rng.random() < 0.5:
            text += f" ({links.pop()})"
        lines.append(f"{marker} {text}")
        if not ordered and not tasks and rng.random() < 0.15:
            lines.append(f"  - {cap(words(rng, rng.randint(3, 8)))}")
    return "\n".join(lines) + "\n"


def body(page, rng):
    target_bytes = rng.randint(4300, 5700)
    links = [link_to(rng, page, t) for t in pick_targets(rng, page, rng.randint(5, 15))]
    rng.shuffle(links)
    headings = page["headings"]
    # Which section gets the table, the lists and the extras.
    n = len(headings)
    table_at = rng.randrange(n)
    bullets_at = rng.randrange(n)
    numbered_at = rng.randrange(n)
    tasks_at = rng.randrange(n) if page["kind"] in ("service", "journey") and rng.random() < 0.6 else -1
    quote_at = rng.randrange(n) if rng.random() < 0.3 else -1
    fence_at = rng.randrange(n) if rng.random() < 0.15 else -1
    # Links spread over the sections; the rest go into the prose.
    per_section = [[] for _ in range(n + 1)]
    for i, link in enumerate(links):
        per_section[rng.randrange(n + 1)].append(link)
    blocks = [("intro", per_section[0])]
    for i in range(n):
        blocks.append((i, per_section[i + 1]))
    structural = []  # (section index or "intro", [fixed parts], links for prose)
    for key, section_links in blocks:
        fixed = []
        if key != "intro":
            level, text, _ = headings[key]
            fixed.append(("#" * level) + " " + text + "\n")
            if key == bullets_at:
                fixed.append(bullets(rng, section_links))
            if key == numbered_at:
                fixed.append(bullets(rng, section_links, ordered=True))
            if key == tasks_at:
                fixed.append(bullets(rng, section_links, tasks=True))
            if key == table_at:
                fixed.append(table(rng))
            if key == quote_at:
                fixed.append("> " + sentence(rng) + "\n> " + sentence(rng) + "\n")
            if key == fence_at:
                fixed.append(f"```\n{word(rng).upper()}-{rng.randint(1000, 9999)}  {words(rng, 4)}\n"
                             f"{word(rng)}: {rng.randint(1, 99)}\n```\n")
            if rng.random() < 0.1:
                fixed.append(f"Ask at <{page['fn'] or 'catalogue'}@bench.example> or see "
                             f"https://intranet.bench.example/{word(rng)}.\n")
        structural.append((key, fixed, section_links))
    fixed_bytes = sum(len(part) + 1 for _, fixed, _ in structural for part in fixed)
    # Prose fills the rest, about 110 bytes a sentence.
    budget = max(len(structural) * 2, (target_bytes - fixed_bytes) // 115)
    parts = []
    share = [1] * len(structural)
    for _ in range(budget - len(structural)):
        share[rng.randrange(len(structural))] += 1
    for (key, fixed, section_links), n_sentences in zip(structural, share):
        if fixed:
            parts.append(fixed[0])
        # Prose in paragraphs of 2-5 sentences.
        remaining = n_sentences
        while remaining > 0:
            take = min(remaining, rng.randint(2, 5))
            mine = [section_links.pop() for _ in range(min(len(section_links), rng.randint(0, 2)))] if remaining > take else section_links[:]
            if remaining <= take:
                section_links.clear()
            parts.append(inline_text(rng, take, mine) + "\n")
            remaining -= take
        parts.extend(fixed[1:])
        if section_links:
            parts.append(inline_text(rng, 1, section_links) + "\n")
    if page["kind"] == "rule" and page.get("supersedes"):
        old = next(r for r in by_fn[page["fn"]]["rules"] if r["id"] == page["supersedes"])
        parts.insert(0, f"This rule replaces [{old['title'].lower()}]({old['id']}.md).\n")
    if page.get("status") == "superseded":
        parts.insert(0, "This rule has been replaced; it is kept for the record.\n")
    return "\n".join(parts)


def yaml_list(key, values, indent=""):
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {v}\n" for v in values)


def date(rng, first_year, last_year):
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def front_matter(page, rng):
    kind = page["kind"]
    lines = [f"title: {page['title']}", f"summary: {cap(words(rng, rng.randint(12, 30)))}."]
    if kind == "function":
        fid = page["fn"]
        lines += [f"owner: Head of {page['title']}", "contact:", f"  email: {fid}@bench.example",
                  f"  phone: 01632 {rng.randint(100000, 999999)}", f"  channel: https://desk.bench.example/{fid}",
                  "  hours: Monday to Friday, 9am to 5pm"]
        lines.append(yaml_list("provides", [cap(words(rng, rng.randint(3, 8))) for _ in range(rng.randint(3, 6))]).rstrip("\n"))
        others = rng.sample(fn_ids, min(2, len(fn_ids)))
        dnp = [cap(words(rng, rng.randint(3, 7)))]
        dnp += [f"what: {cap(words(rng, rng.randint(3, 6)))}\n    go_to: {o}" for o in others if o != fid]
        lines.append(yaml_list("does_not_provide", dnp).rstrip("\n"))
    elif kind == "service":
        lines += [f"turnaround: {rng.choice(DURATIONS)}"]
        if rng.random() < 0.6:
            lines.append(f"input_by: {rng.choice(INPUT_BY)}")
        if rng.random() < 0.3:
            lines.append("deadlines:")
            for _ in range(rng.randint(1, 3)):
                lines.append(f"  - date: {date(rng, 2026, 2027)}\n    what: {cap(words(rng, rng.randint(3, 6)))}")
        lines.append(f"request: {'https://desk.bench.example/' + page['fn'] + '/' + page['id'] if rng.random() < 0.7 else page['fn'] + '@bench.example'}")
        lines.append(yaml_list("you_provide", [cap(words(rng, rng.randint(3, 9))) for _ in range(rng.randint(2, 5))]).rstrip("\n"))
        own = published_rules[page["fn"]]
        refs = [r["id"] for r in rng.sample(own, min(len(own), rng.randint(1, 3)))]
        if rng.random() < 0.3:
            other = rng.choice(fn_ids)
            if published_rules[other] and other != page["fn"]:
                refs.append(f"{other}/{rng.choice(published_rules[other])['id']}")
        page["rules"] = refs
        lines.append(f"rules: [{', '.join(refs)}]")
        lines.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 3)))}]")
    elif kind == "rule":
        status = page["status"]
        lines.append(f"status: {status}")
        if status == "proposed":
            lines.append("consult_until: 2027-01-15")
            lines.append("effective: 2027-03-01")
        else:
            lines.append(f"effective: {date(rng, 2018, 2026) if rng.random() < 0.95 else date(rng, 2027, 2027)}")
        lines.append(f"review_by: {date(rng, 2027, 2029) if rng.random() < 0.97 else date(rng, 2025, 2026)}")
        lines.append(f"owner: {cap(word(rng))} {rng.choice(['manager', 'officer', 'director', 'lead'])}")
        if page.get("applies_to"):
            lines.append(f"applies_to: [{', '.join(page['applies_to'])}]")
        if page.get("supersedes"):
            lines.append(f"supersedes: {page['supersedes']}")
        if rng.random() < 0.6:
            lines.append(f"full_policy: https://policies.bench.example/{page['fn']}/{page['id']}")
        if rng.random() < 0.5:
            lines.append(f"exceptions: {sentence(rng, 8, 16)}")
        lines.append("changes:")
        for _ in range(rng.randint(1, 3)):
            lines.append(f"  - date: {date(rng, 2018, 2026)}\n    summary: {sentence(rng, 4, 10)}")
    elif kind == "journey":
        lines.append("steps:")
        for _ in range(rng.randint(3, 6)):
            fid = rng.choice(fn_ids)
            service = rng.choice(by_fn[fid]["services"])
            lines.append(f"  - service: {fid}/{service['id']}\n    note: {sentence(rng, 6, 14)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


# Each rule applies to some of the services that name it (the other half of the link).
service_rng = random.Random(seed + 2)
fm_cache = {}
for page in pages:
    if page["kind"] == "service":
        fm_cache[page["path"]] = front_matter(page, random.Random(page_seed(seed, page["path"], "fm")))
for page in pages:
    if page["kind"] == "service":
        for ref in page["rules"]:
            if "/" not in ref:
                rule = next(r for r in published_rules[page["fn"]] if r["id"] == ref)
                rule.setdefault("applies_to", [])
                if len(rule["applies_to"]) < 3:
                    rule["applies_to"].append(page["id"])

if os.path.isdir(out) and os.listdir(out):
    # Only ever replace a catalogue this script wrote: files left from another size would add pages.
    if not os.path.exists(os.path.join(out, "catalogue.yml")):
        sys.exit(f"{out} is not empty and holds no catalogue.yml; refusing to replace it")
    shutil.rmtree(out)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "catalogue.yml"), "w") as f:
    f.write("title: Benchmark Catalogue\norganisation: Bench Borough Council\n"
            "base_url: https://intranet.bench.example/catalogue/\n"
            "edit_url: https://git.bench.example/catalogue/-/edit/main/{path}\n"
            "feedback: \"mailto:catalogue@bench.example?subject=Feedback%20on%20{title}\"\n"
            "business_days: [mon, tue, wed, thu, fri]\n"
            "holidays: [2026-12-25, 2026-12-28, 2027-01-01, 2027-03-26, 2027-03-29, 2027-05-03]\n"
            "summary_word_limit: 40\nchange_limit_per_week: 1000000\n")
glossary_rng = random.Random(seed + 3)
with open(os.path.join(out, "glossary.yml"), "w") as f:
    terms = set()
    while len(terms) < 40:
        parts = glossary_rng.sample(DOMAIN, glossary_rng.randint(2, 3))
        term = "".join(p[0] for p in parts).upper()
        if term in terms:
            continue
        terms.add(term)
        f.write(f"- term: {term}\n  meaning: {' '.join(parts)}\n  aka: [{' '.join(parts)}]\n")

stats = {"seed": seed, "pages": len(pages), "functions": fn_count, "journeys": journey_count,
         "free_pages": free_count, "services": 0, "rules": 0, "bytes": 0, "body_bytes": 0,
         "headings": 0, "links": 0, "tables": 0}
for page in pages:
    rng = random.Random(page_seed(seed, page["path"]))
    fm = fm_cache.get(page["path"]) or front_matter(page, random.Random(page_seed(seed, page["path"], "fm")))
    text = body(page, rng)
    os.makedirs(os.path.join(out, posixpath.dirname(page["path"])), exist_ok=True)
    data = (fm + text).encode()
    with open(os.path.join(out, page["path"]), "wb") as f:
        f.write(data)
    stats["bytes"] += len(data)
    stats["body_bytes"] += len(text.encode())
    stats["headings"] += len(page["headings"])
    stats["links"] += text.count("](")
    stats["tables"] += text.count("\n|---") + text.count("\n|:---")
    if page["kind"] in ("service", "rule"):
        stats[page["kind"] + "s"] += 1
if args.stats:
    with open(args.stats, "w") as f:
        json.dump(stats, f, indent=1)
print(f"wrote {stats['pages']} pages ({fn_count} functions, {stats['services']} services, {stats['rules']} rules, "
      f"{journey_count} journeys, {free_count} free pages), {stats['bytes'] / 1e6:.1f} MB, into {out}")
