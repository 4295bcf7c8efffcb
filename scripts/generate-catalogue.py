#!/usr/bin/env python3
"""Writes a synthetic catalogue of about N pages, for benchmarks.

usage: generate-catalogue.py OUT_DIR [PAGES]
Functions get ~100 pages each (half services, half rules), cross-linked in
front matter and in Markdown, with tables, lists and why-sections.
"""
import os
import sys

out = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
per_function = 100
functions = max(1, pages // per_function)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "catalogue.yml"), "w") as f:
    f.write("title: Benchmark Catalogue\norganisation: Bench Org\nbase_url: https://bench.example/bench/\nsummary_word_limit: 60\nchange_limit_per_week: 100000\n")

# A vocabulary of 4,000 made-up words, so that text compresses like real prose
# and the search index size measured on it means something.
import random
syllables = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo ".split()
rng = random.Random(42)
words = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4200)})[:4000]


def para(seed, n=60):
    local = random.Random(seed)
    return " ".join(local.choice(words) for _ in range(n)) + "."


def phrase(seed, n):
    local = random.Random(seed * 31 + 7)
    return " ".join(local.choice(words) for _ in range(n))


for fi in range(functions):
    fn = f"fn{fi:03d}"
    os.makedirs(f"{out}/{fn}/services", exist_ok=True)
    os.makedirs(f"{out}/{fn}/rules", exist_ok=True)
    with open(f"{out}/{fn}/index.md", "w") as f:
        f.write(f"---\ntitle: Function {fi}\nsummary: Function {fi} serves clients.\nprovides:\n  - Advice\n  - Approvals\n"
                f"does_not_provide:\n  - what: Other things\n    go_to: fn{(fi + 1) % functions:03d}\n---\n## Scope\n\n{para(fi)}\n\n"
                f"See [the first service](services/s000.md) and [its rule](rules/r000.md#why-this-rule-exists).\n")
    half = per_function // 2
    for si in range(half):
        other = f"fn{(fi + 1) % functions:03d}"
        with open(f"{out}/{fn}/services/s{si:03d}.md", "w") as f:
            f.write(f"---\ntitle: Service {fi}.{si} {phrase(fi * 1000 + si, 3)}\nsummary: {phrase(fi * 1000 + si + 500000, 22)}.\nturnaround: {1 + si % 3}-{4 + si % 5} business days\n"
                    f"input_by: {2 + si % 9} business days before the start date\nrequest: desk@bench.example\n"
                    f"you_provide:\n  - A form\n  - Evidence\nrules: [r{si:03d}, {other}/r{(si + 1) % half:03d}]\ntags: [t{si % 20}]\n---\n"
                    f"## How to request\n\n{para(fi * 1000 + si)}\n\n| Request | Time |\n|---|---|\n| Simple | 2 days |\n| Complex | 5 days |\n\n"
                    f"- [ ] Step one\n- [x] Step two\n\nRead [the rule](../rules/r{si:03d}.md#why-this-rule-exists) and "
                    f"[the other function](../../{other}/index.md#scope). ~~Old~~ www.bench.example\n\n{para(fi * 1000 + si + 1, 200)}\n")
        with open(f"{out}/{fn}/rules/r{si:03d}.md", "w") as f:
            f.write(f"---\ntitle: Rule {fi}.{si} {phrase(fi * 1000 + si + 900000, 3)}\nsummary: {phrase(fi * 1000 + si + 700000, 22)}.\neffective: 2025-0{1 + si % 9}-1{si % 9}\n"
                    f"review_by: 2030-01-01\nowner: Head of {fi}\napplies_to: [s{si:03d}]\n"
                    f"changes:\n  - date: 2025-01-0{1 + si % 9}\n    summary: Published.\n---\n"
                    f"## Why this rule exists\n\n{para(fi * 1000 + si + 2, 120)}\n\n## What happens if it is not followed\n\n{para(si + 3)}\n")
print(f"wrote {functions} functions, {functions * per_function} pages into {out}")
