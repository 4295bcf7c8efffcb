#!/usr/bin/env python3
"""A git repository of a generated catalogue in which every page has five
versions, for `make bench`'s "Previous versions" row (issue #14).

usage: bench-versions.py CONTENT REPO TODAY [--once]
Copies CONTENT to REPO/content and commits it, then four times edits every
Markdown file and commits again, the commits spread over the last two years
(so every version is shown). The edits are the kind editors make: a rule's
effective date moved or its summary reworded, a service's turnaround changed
or its summary reworded, and in every page one paragraph of the body
rewritten, a sentence added to it. Seeded, so the repository is the same on
every run.

--once commits the files once, 800 days before TODAY, and stops: the same
catalogue in git, with every page's "Last updated" date from `git log`, but
no version recent enough to show. Built beside the five-version repository,
it isolates what the versions cost from what git's dates cost.
"""
import datetime
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys

content, repo, today = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), datetime.date.fromisoformat(sys.argv[3])
once = sys.argv[4:] == ["--once"]
shutil.rmtree(repo, ignore_errors=True)
repo.mkdir(parents=True)
shutil.copytree(content, repo / "content")
environment = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
                   GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")


def git(*arguments, date=None):
    env = dict(environment)
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00Z"
    # No automatic gc in the background: it would race the explicit one at the end.
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "gc.auto=0", "-C", str(repo), *arguments], check=True, env=env,
                   stdout=subprocess.DEVNULL)


dates = [today - datetime.timedelta(days=days) for days in (700, 500, 300, 150, 20)]
git("init", "-q")
git("add", "-A")
if once:
    git("commit", "-q", "-m", "The only version", date=today - datetime.timedelta(days=800))
    git("gc", "-q")
    print(f"{len(list((repo / 'content').glob('**/*.md')))} files, one commit 800 days old, in {repo}")
    sys.exit(0)
git("commit", "-q", "-m", "First version", date=dates[0])

rng = random.Random(14)
turnarounds = ["2 business days", "3-5 business days", "5 business days", "10 business days", "2 weeks", "next business day"]
files = sorted((repo / "content").glob("**/*.md"))
for number, date in enumerate(dates[1:], start=2):
    for path in files:
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4) + 5
        front, body = text[:end], text[end:]
        kind = path.parent.name
        choice = rng.random()
        if kind == "services" and choice < 0.4:
            front = re.sub(r"^turnaround: .*$", "turnaround: " + rng.choice(turnarounds), front, count=1, flags=re.M)
        elif kind == "rules" and choice < 0.4 and re.search(r"^effective: ", front, re.M):
            moved = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 700))
            front = re.sub(r"^effective: .*$", f"effective: {moved}", front, count=1, flags=re.M)
        elif choice < 0.6:
            front = re.sub(r"^summary: (.*?)\.?$", lambda m: f"summary: {m.group(1)}, as agreed in version {number}.", front, count=1, flags=re.M)
        paragraphs = body.split("\n\n")
        prose = [i for i, p in enumerate(paragraphs) if p and p[0].isalpha()]
        if prose:
            i = rng.choice(prose)
            words = paragraphs[i].split(" ")
            if len(words) > 6:
                words[rng.randrange(len(words) - 1)] = "revised"
            paragraphs[i] = " ".join(words) + f" Updated in version {number}."
        path.write_text(front + "\n\n".join(paragraphs), encoding="utf-8")
    git("commit", "-q", "-am", f"Version {number}", date=date)
# Packed, as a clone is (CI builds one): loose objects cost git cat-file 3x the time.
git("gc", "-q")
print(f"{len(files)} files, {len(dates)} versions each, in {repo}")
