#!/usr/bin/env python3
"""Checks a built Remit site the way a reader's browser would meet it.

Every internal href/src must resolve to a file in the site (under the given base
path), every #fragment to an id on the target page; no page may carry script,
inline event handlers or javascript:/data: URLs. Exits 1 listing every problem.

usage: check_links.py SITE_DIR BASE_PATH
"""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit, unquote


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"duplicate id {value!r}")
                self.ids.add(value)
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction"):
                scheme = "".join(value.split()).lower().split(":", 1)[0] if ":" in value else ""
                if scheme in ("javascript", "data", "vbscript"):
                    self.problems.append(f"{scheme}: URL in {name} of <{tag}>")
                self.links.append(value)
        if tag in ("script", "iframe", "object", "embed"):
            src = dict(attrs).get("src", "")
            if tag != "script" or not src:
                self.problems.append(f"<{tag}> element")


def main(site, base):
    pages = {}
    problems = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                page = Page()
                with open(path, encoding="utf-8") as handle:
                    page.feed(handle.read())
                pages[os.path.relpath(path, site)] = page
    links = 0
    for rel, page in sorted(pages.items()):
        for problem in page.problems:
            problems.append(f"{rel}: {problem}")
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            links += 1
            if parts.path == "":
                target = rel
            elif parts.path.startswith("/"):
                if not parts.path.startswith(base):
                    problems.append(f"{rel}: link {href!r} is outside the base path {base}")
                    continue
                target = unquote(parts.path[len(base):])
                if target == "" or target.endswith("/"):
                    target += "index.html"
            else:
                problems.append(f"{rel}: relative link {href!r} (expected base-path links)")
                continue
            full = os.path.join(site, target)
            if not os.path.isfile(full):
                problems.append(f"{rel}: broken link {href!r}")
                continue
            if parts.fragment:
                fragment = unquote(parts.fragment)
                if target not in pages or fragment not in pages[target].ids:
                    problems.append(f"{rel}: missing anchor {href!r}")
    for problem in problems:
        print(problem)
    print(f"checked {len(pages)} pages, {links} internal links under {base}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
