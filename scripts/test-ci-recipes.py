#!/usr/bin/env python3
"""Tests the CI recipes of examples/ci/ the way their CI systems would run them.

Usage: test-ci-recipes.py REMIT_BINARY

1. Lints: actionlint and check-jsonschema (vendor.github-workflows) on the
   GitHub workflow, check-jsonschema (vendor.gitlab-ci) on the GitLab one,
   `sh -n` on publish.sh; `remit init --ci X` writes each recipe byte for byte.
2. Makes a fixture catalogue repository with `remit init` and a few commits,
   and a branch that breaks a file (a pull/merge request).
3. Runs each recipe's shell steps in the environment its CI sets (GITHUB_*,
   RUNNER_*, CI_*), on a fresh clone at the depth the recipe asks for, with
   the jobs and steps its `if:`/`rules:` select; `uses:` steps are played by
   small stand-ins (checkout = git clone, cache = a folder kept between runs,
   upload/deploy = copies). REMIT_URL points at a tarball (or .deb) of the
   local binary, so the recipe's own download-and-cache code is what runs.
4. Plays the `remit diff` step of each recipe on a pull/merge request
   against a stand-in for the GitHub and GitLab APIs on 127.0.0.1: one
   comment (note) is posted, then edited on the next push, never a second.
5. Runs publish.sh against a local nginx on 127.0.0.1, and checks that a
   broken commit or a failed download leaves the served site untouched.

Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import hashlib
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
RECIPES = ROOT / "examples" / "ci"
GITHUB = RECIPES / "github-actions.yml"
GITLAB = RECIPES / "gitlab-ci.yml"
PUBLISH = RECIPES / "publish.sh"

passed = 0
failed = 0


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAIL: {what}" + (f"\n{detail}" if detail else ""))
    return condition


def run(command, **kwargs):
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.STDOUT)
    kwargs.setdefault("text", True)
    return subprocess.run(command, **kwargs)


def git(*args, cwd, env=None):
    result = run(["git", *args], cwd=cwd, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed:\n{result.stdout}")
    return result.stdout.strip()


def load_yaml(path):
    return YAML(typ="safe", pure=True).load(path.read_text())


# A PATH without remit on it: the recipes' install step must provide it.
BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Catalogue Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Catalogue Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
}


def base_env(home):
    env = {"PATH": BASE_PATH, "HOME": str(home), "LANG": "C.UTF-8", "TZ": "UTC", **GIT_IDENTITY}
    return env


# ---------------------------------------------------------------- lint

def lint(remit, work):
    actionlint = shutil.which("actionlint")
    if check(actionlint is not None, "actionlint is installed"):
        result = run([actionlint, "-no-color", str(GITHUB)])
        check(result.returncode == 0, "actionlint passes the GitHub workflow", result.stdout)
    for schema, path in (("vendor.github-workflows", GITHUB), ("vendor.gitlab-ci", GITLAB)):
        result = run(["check-jsonschema", "--builtin-schema", schema, str(path)])
        check(result.returncode == 0, f"check-jsonschema {schema} passes {path.name}", result.stdout)
    result = run(["sh", "-n", str(PUBLISH)])
    check(result.returncode == 0, "publish.sh parses with sh -n", result.stdout)
    check(os.access(PUBLISH, os.X_OK), "publish.sh is executable")

    for ci, destination, source in (("github", ".github/workflows/remit.yml", GITHUB),
                                    ("gitlab", ".gitlab-ci.yml", GITLAB), ("shell", "publish.sh", PUBLISH)):
        folder = work / f"init-{ci}"
        result = run([remit, "init", str(folder), "--ci", ci])
        written = folder / destination
        same = result.returncode == 0 and written.exists() and written.read_bytes() == source.read_bytes()
        check(same, f"remit init --ci {ci} writes {destination}, identical to examples/ci/{source.name}", result.stdout)
    mode = (work / "init-shell" / "publish.sh").stat().st_mode
    check(mode & 0o111 != 0, "remit init --ci shell writes publish.sh executable")


# ---------------------------------------------------------------- fixture

def make_packages(remit, work):
    """A release-shaped tarball and .deb of the local binary, as REMIT_URL would serve."""
    releases = work / "releases"
    tree = releases / "stage" / "remit-0.0.0-test-linux-x86_64"
    (tree / "bin").mkdir(parents=True)
    shutil.copy2(remit, tree / "bin" / "remit")
    tarball = releases / "remit-0.0.0-test-linux-x86_64.tar.gz"
    subprocess.run(["tar", "-czf", str(tarball), "-C", str(tree.parent), tree.name], check=True)
    deb_root = releases / "stage" / "deb"
    (deb_root / "usr" / "bin").mkdir(parents=True)
    (deb_root / "DEBIAN").mkdir()
    shutil.copy2(remit, deb_root / "usr" / "bin" / "remit")
    (deb_root / "DEBIAN" / "control").write_text(
        "Package: remit\nVersion: 0.0.0\nArchitecture: amd64\nMaintainer: test <test@example.org>\nDescription: test build\n")
    deb = releases / "remit_0.0.0_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(deb_root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return tarball, deb


BROKEN_LINE = "turnaround: whenever we can"
SLOWER_LINE = "turnaround: 15-20 business days"


def make_fixture(remit, work):
    """origin.git: main with three commits, and `broken`, which breaks a service's turnaround."""
    author = work / "author"
    env = {**os.environ, **GIT_IDENTITY}
    result = run([remit, "init", str(author)])
    if result.returncode != 0:
        raise RuntimeError(f"remit init failed:\n{result.stdout}")
    git("init", "--quiet", "--initial-branch", "main", cwd=author)
    dates = iter(["2026-01-05T10:00:00Z", "2026-02-10T10:00:00Z", "2026-03-16T10:00:00Z", "2026-04-20T10:00:00Z",
                  "2026-04-21T10:00:00Z"])

    def commit(message):
        date = next(dates)
        git("add", "-A", cwd=author)
        git("commit", "--quiet", "-m", message, cwd=author, env={**env, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})

    commit("Start the catalogue with remit init")
    service = author / "content" / "it" / "services" / "laptop-request.md"
    text = service.read_text()
    service.write_text(text.replace("and the standard software, for", "and the standard software within a week, for"))
    commit("Say when a laptop is ready")
    glossary = author / "content" / "glossary.yml"
    glossary.write_text(glossary.read_text() + "- term: MFA\n  meaning: Multi-factor authentication, a second proof of who you are.\n  aka: [two-factor]\n")
    commit("Explain MFA")
    git("checkout", "--quiet", "-b", "broken", cwd=author)
    service.write_text(re.sub(r"^turnaround: .*$", BROKEN_LINE, service.read_text(), flags=re.M))
    commit("Make the turnaround vaguer")
    git("checkout", "--quiet", "main", cwd=author)
    # `slower`: a valid change that clients should be told of (a longer turnaround, no `changes` entry).
    git("checkout", "--quiet", "-b", "slower", cwd=author)
    service.write_text(re.sub(r"^turnaround: .*$", SLOWER_LINE, service.read_text(), flags=re.M))
    commit("Laptops take longer")
    git("checkout", "--quiet", "main", cwd=author)
    origin = work / "origin.git"
    git("clone", "--quiet", "--bare", str(author), str(origin), cwd=work)
    # the line number of the broken field, as the branch has it
    branch_text = git("show", "broken:content/it/services/laptop-request.md", cwd=author)
    broken_line = next(i for i, line in enumerate(branch_text.splitlines(), 1) if line == BROKEN_LINE)
    return author, origin, broken_line


# ---------------------------------------------------------------- API stand-in

class CommentAPI:
    """The few calls the recipes' `remit diff` steps make, on 127.0.0.1: GitHub's
    issue comments (JSON) and GitLab's merge request notes (form-encoded), each
    with its token checked. Comments are kept per pull/merge request."""

    def __init__(self):
        self.comments = {}   # path of the list -> [{"id", "body"}]
        self.calls = []      # (method, path)
        self.next_id = 100
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, value):
                data = json.dumps(value).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def authorised(self):
                return (self.headers.get("Authorization") == "Bearer test-github-token"
                        or self.headers.get("PRIVATE-TOKEN") == "test-gitlab-token")

            def body(self):
                """GitHub takes JSON; GitLab a form (or JSON, with its content type)."""
                data = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if self.path.startswith("/gitlab/") and not self.headers.get("Content-Type", "").startswith("application/json"):
                    return urllib.parse.parse_qs(data)["body"][0]
                return json.loads(data)["body"]

            def handle_any(self):
                url = urllib.parse.urlsplit(self.path)
                api.calls.append((self.command, url.path))
                if not self.authorised():
                    return self.reply(401, {"message": "Bad credentials"})
                m = re.fullmatch(r"(/github/repos/[^/]+/[^/]+/issues)/comments/(\d+)|(/gitlab/projects/\d+/merge_requests/\d+/notes)/(\d+)", url.path)
                if m and self.command in ("PATCH", "PUT"):
                    parent = m.group(1) or m.group(3)
                    target = int(m.group(2) or m.group(4))
                    for comments in api.comments.values():
                        for comment in comments:
                            if comment["id"] == target and (m.group(3) is None or url.path.startswith(parent)):
                                comment["body"] = self.body()
                                return self.reply(200, comment)
                    return self.reply(404, {"message": "Not Found"})
                if re.fullmatch(r"/github/repos/[^/]+/[^/]+/issues/\d+/comments|/gitlab/projects/\d+/merge_requests/\d+/notes", url.path):
                    comments = api.comments.setdefault(url.path, [])
                    if self.command == "GET":
                        query = urllib.parse.parse_qs(url.query)
                        size, page = int(query.get("per_page", ["20"])[0]), int(query.get("page", ["1"])[0])
                        return self.reply(200, comments[(page - 1) * size:page * size])
                    if self.command == "POST":
                        api.next_id += 1
                        comment = {"id": api.next_id, "body": self.body()}
                        comments.append(comment)
                        return self.reply(201, comment)
                return self.reply(404, {"message": "Not Found"})

            def handle_safely(self):
                try:
                    self.handle_any()
                except (KeyError, ValueError) as error:
                    self.reply(400, {"message": f"bad request: {error!r}"})

            do_GET = do_POST = do_PATCH = do_PUT = handle_safely

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def seed(self, path, bodies):
        """Comments other people wrote first, so the recipe must look past them."""
        for body in bodies:
            self.next_id += 1
            self.comments.setdefault(path, []).append({"id": self.next_id, "body": body})

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- GitHub Actions

class Expression:
    """The few expression forms the recipes use; anything else is an error, so a
    recipe change this runner cannot play is noticed."""

    def __init__(self, contexts):
        self.contexts = contexts

    def value(self, path):
        node = self.contexts
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ValueError(f"unknown context {path}")
            node = node[part]
        return node

    def evaluate(self, expression):
        expression = expression.strip()
        m = re.fullmatch(r"\$\{\{(.*)\}\}", expression, re.S)
        if m:
            expression = m.group(1).strip()
        m = re.fullmatch(r"([a-z_][\w.-]*)\s*(==|!=)\s*'([^']*)'", expression)
        if m:
            equal = str(self.value(m.group(1))) == m.group(3)
            return equal if m.group(2) == "==" else not equal
        if re.fullmatch(r"[a-z_][\w.-]*", expression):
            return self.value(expression)
        raise ValueError(f"expression this test cannot evaluate: {expression}")

    def substitute(self, text):
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(self.evaluate(m.group(1))), str(text))


class GitHubRunner:
    def __init__(self, work, origin, api):
        self.work = work
        self.origin = origin
        self.api = api
        self.cache_store = work / "github-cache"   # actions/cache's storage, kept between runs
        self.pages = work / "github-pages"         # what deploy-pages published
        self.runs = 0

    def run(self, event, branch, remit_url):
        """One workflow run; returns {job: {"status", "steps": [(name, status, output)]}}."""
        self.runs += 1
        workflow = load_yaml(GITHUB)
        sha = git("rev-parse", branch, cwd=self.origin)
        run_dir = self.work / f"github-run-{self.runs}"
        artifacts = run_dir / "artifacts"
        artifacts.mkdir(parents=True)
        results = {}
        for job_id, job in workflow["jobs"].items():
            workspace = run_dir / job_id / "work"
            temp = run_dir / job_id / "temp"
            workspace.mkdir(parents=True)
            temp.mkdir()
            github = {
                "event_name": event, "sha": sha, "workspace": str(workspace),
                "ref": f"refs/pull/7/merge" if event == "pull_request" else f"refs/heads/{branch}",
                "head_ref": branch if event == "pull_request" else "", "base_ref": "main" if event == "pull_request" else "",
                "repository": "example/catalogue",
                "event": {"pull_request": {"number": 7, "base": {"sha": git("rev-parse", "main", cwd=self.origin)}}}
                if event == "pull_request" else {},
            }
            contexts = {"github": github, "env": {}, "runner": {"temp": str(temp), "os": "Linux"}, "vars": {},
                        "secrets": {"GITHUB_TOKEN": "test-github-token"}}
            expr = Expression(contexts)
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            if any(results.get(n, {}).get("status") != "success" for n in needs):
                results[job_id] = {"status": "skipped", "steps": []}
                continue
            if "if" in job and not expr.evaluate(job["if"]):
                results[job_id] = {"status": "skipped", "steps": []}
                continue
            env = {}
            for scope in (workflow.get("env", {}), job.get("env", {})):
                for key, value in scope.items():
                    contexts["env"] = env
                    env[key] = expr.substitute(value)
            env["REMIT_URL"] = remit_url  # the team's variable, pointed at the local build
            contexts["env"] = env
            path_file, env_file, output_file, summary_file = temp / "path", temp / "env", temp / "output", temp / "summary"
            for f in (path_file, env_file, output_file, summary_file):
                f.touch()
            system = {
                **base_env(run_dir / "home"), "CI": "true", "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": event, "GITHUB_SHA": sha, "GITHUB_REF": github["ref"],
                "GITHUB_HEAD_REF": github["head_ref"], "GITHUB_BASE_REF": github["base_ref"],
                "GITHUB_REPOSITORY": github["repository"], "GITHUB_WORKSPACE": str(workspace),
                "GITHUB_JOB": job_id, "GITHUB_RUN_ID": str(self.runs), "GITHUB_PATH": str(path_file),
                "GITHUB_ENV": str(env_file), "GITHUB_OUTPUT": str(output_file), "GITHUB_STEP_SUMMARY": str(summary_file),
                "GITHUB_API_URL": f"{self.api.url}/github",
                "RUNNER_OS": "Linux", "RUNNER_TEMP": str(temp), "RUNNER_ARCH": "X64",
            }
            (run_dir / "home").mkdir(exist_ok=True)
            steps, status, saves = [], "success", []
            for step in job.get("steps", []):
                name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
                if status != "success" or ("if" in step and not expr.evaluate(step["if"])):
                    steps.append((name, "skipped", ""))
                    continue
                ok, output = self.step(step, expr, env, system, workspace, sha, artifacts, saves)
                steps.append((name, "success" if ok else "failure", output))
                if not ok:
                    status = "failure"
            if status == "success":
                for key, path in saves:  # actions/cache saves in its post step, on success
                    stored = self.cache_store / hashlib.sha256(key.encode()).hexdigest()
                    if not stored.exists() and path.exists():
                        shutil.copytree(path, stored, symlinks=True)
            results[job_id] = {"status": status, "steps": steps, "summary": summary_file.read_text()}
        return results

    def step(self, step, expr, env, system, workspace, sha, artifacts, saves):
        with_ = {k: expr.substitute(v) for k, v in (step.get("with") or {}).items()}
        uses = step.get("uses")
        if uses:
            action = uses.split("@")[0]
            if action == "actions/checkout":
                depth = int(with_.get("fetch-depth", 1))
                clone = ["git", "clone", "--quiet", "--no-checkout"] + (["--depth", str(depth)] if depth > 0 else [])
                branch_sha = sha
                result = run(clone + [f"file://{self.origin}", str(workspace)])
                if result.returncode == 0:
                    result = run(["git", "fetch", "--quiet"] + (["--depth", str(depth)] if depth > 0 else [])
                                 + ["origin", branch_sha], cwd=workspace)
                if result.returncode == 0:
                    result = run(["git", "checkout", "--quiet", "--detach", branch_sha], cwd=workspace)
                return result.returncode == 0, result.stdout
            if action == "actions/cache":
                path = Path(os.path.expanduser(with_["path"]))
                key = with_["key"]
                stored = self.cache_store / hashlib.sha256(key.encode()).hexdigest()
                if stored.exists():
                    shutil.copytree(stored, path, symlinks=True, dirs_exist_ok=True)
                    output = f"Cache restored from key: {key}"
                else:
                    output = f"Cache not found for input keys: {key}"
                saves.append((key, path))
                return True, output
            if action in ("actions/upload-artifact", "actions/upload-pages-artifact"):
                path = workspace / with_["path"]
                name = with_.get("name", "github-pages")
                if not path.is_dir():
                    return False, f"{path} does not exist"
                shutil.copytree(path, artifacts / name)
                return True, f"uploaded {name}"
            if action == "actions/deploy-pages":
                site = artifacts / "github-pages"
                if not site.is_dir():
                    return False, "no github-pages artifact"
                if self.pages.exists():
                    shutil.rmtree(self.pages)
                shutil.copytree(site, self.pages)
                return True, "deployed"
            return False, f"this test has no stand-in for {uses}"
        script = step["run"]
        if "${{" in script:
            return False, "expressions in run: are expanded before the shell sees them (script injection); use env"
        step_env = dict(env)
        for key, value in (step.get("env") or {}).items():
            step_env[key] = expr.substitute(value)
        extra_path = [line for line in Path(system["GITHUB_PATH"]).read_text().splitlines() if line]
        full = {**system, **step_env, "PATH": ":".join(reversed(extra_path)) + (":" if extra_path else "") + BASE_PATH}
        for line in Path(system["GITHUB_ENV"]).read_text().splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                full[key] = value
        script_file = Path(system["RUNNER_TEMP"]) / f"step-{time.monotonic_ns()}.sh"
        script_file.write_text(script)
        # GitHub's `shell: bash`: bash --noprofile --norc -eo pipefail {0}
        result = run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script_file)], cwd=workspace, env=full)
        return result.returncode == 0, result.stdout


DIFF_STEP = "Show reviewers what changes for clients"
MARKER = "<!-- remit-diff -->"


def test_github(work, origin, tarball, broken_line, api):
    runner = GitHubRunner(work, origin, api)
    url = f"file://{tarball}"
    thread = "/github/repos/example/catalogue/issues/7/comments"
    api.seed(thread, ["Looks good to me", f"Quoting the bot: {MARKER} is not at the start here"])

    results = runner.run("push", "main", url)
    site = results.get("site", {})
    check({n: s for n, s, o in site.get("steps", [])}.get(DIFF_STEP) == "skipped" and not api.calls,
          "GitHub: a push to main posts no remit diff")
    check(site.get("status") == "success", "GitHub: a push to main checks and builds the site",
          "\n".join(f"  {n}: {s}\n{o}" for n, s, o in site.get("steps", [])))
    check(results.get("deploy", {}).get("status") == "success", "GitHub: and deploys it to Pages")
    index = runner.pages / "index.html"
    check(index.exists(), "GitHub: the Pages artifact has the site's index.html")
    steps = {n: o for n, s, o in site.get("steps", [])}
    check("cmark-gfm" in steps.get("Install remit", ""), "GitHub: the install step unpacked the tarball and ran remit --version",
          steps.get("Install remit", ""))
    laptop = runner.pages / "it" / "services" / "laptop-request" / "index.html"
    page = laptop.read_text() if laptop.exists() else ""
    check("Last updated" in page, "GitHub: with fetch-depth: 0 pages say when they were last updated")
    check(any(runner.cache_store.iterdir()) if runner.cache_store.exists() else False,
          "GitHub: remit was saved in the cache")
    published = {p.relative_to(runner.pages): p.read_bytes() for p in runner.pages.rglob("*") if p.is_file()}

    # A pull request that breaks a file; the tarball is gone, so remit must come from the cache.
    hidden = tarball.with_suffix(".hidden")
    tarball.rename(hidden)
    try:
        results = runner.run("pull_request", "broken", url)
    finally:
        hidden.rename(tarball)
    site = results.get("site", {})
    statuses = {n: s for n, s, o in site.get("steps", [])}
    outputs = {n: o for n, s, o in site.get("steps", [])}
    check(statuses.get("Install remit") == "success", "GitHub: on the next run remit comes from the cache (no download)",
          outputs.get("Install remit", ""))
    check(statuses.get("Check the catalogue") == "failure", "GitHub: a pull request that breaks a file fails the check step")
    annotation = f"::error file=content/it/services/laptop-request.md,line={broken_line},"
    check(annotation in outputs.get("Check the catalogue", ""), "GitHub: with an annotation naming the file and line",
          outputs.get("Check the catalogue", ""))
    check(statuses.get("Build the site") == "skipped" and results.get("deploy", {}).get("status") == "skipped",
          "GitHub: a pull request builds and deploys nothing")
    now = {p.relative_to(runner.pages): p.read_bytes() for p in runner.pages.rglob("*") if p.is_file()}
    check(now == published, "GitHub: the deployed site is untouched")

    # remit diff on the same pull request: one comment, then the same one edited.
    check(statuses.get(DIFF_STEP) == "success", "GitHub: the remit diff step passes although HEAD has errors",
          outputs.get(DIFF_STEP, ""))
    ours = [c for c in api.comments.get(thread, []) if c["body"].startswith(MARKER)]
    check(len(ours) == 1 and "has 1 error; nothing was compared" in ours[0]["body"]
          and f"content/it/services/laptop-request.md:{broken_line}:" in ours[0]["body"],
          "GitHub: it posts one comment naming HEAD's error at its line", json.dumps(api.comments.get(thread), indent=1))
    first_id = ours[0]["id"] if ours else None
    results = runner.run("pull_request", "slower", url)
    site = results.get("site", {})
    statuses = {n: s for n, s, o in site.get("steps", [])}
    outputs = {n: o for n, s, o in site.get("steps", [])}
    check(statuses.get(DIFF_STEP) == "success" and statuses.get("Check the catalogue") == "success",
          "GitHub: a valid pull request runs remit diff and passes the check", outputs.get(DIFF_STEP, ""))
    ours = [c for c in api.comments.get(thread, []) if c["body"].startswith(MARKER)]
    body = ours[0]["body"] if ours else ""
    check(len(ours) == 1 and ours[0]["id"] == first_id and ("PATCH", f"/github/repos/example/catalogue/issues/comments/{first_id}") in api.calls,
          "GitHub: the next push edits that comment, never a second", json.dumps(api.comments.get(thread), indent=1))
    check(f"| service | Request a laptop | turnaround " in body and "→ 15-20 business days (longer) |" in body
          and "clients are not told about this change" in body,
          "GitHub: the comment says what changes for clients, and warns of it", body)
    check(body in site.get("summary", ""), "GitHub: the report is in the job summary too")
    check(len(api.comments.get(thread, [])) == 3, "GitHub: other people's comments are left alone")


# ---------------------------------------------------------------- GitLab CI

class GitLabRunner:
    RESERVED = {"image", "services", "stages", "variables", "default", "include", "workflow", "cache",
                "before_script", "after_script"}

    def __init__(self, work, origin, api):
        self.work = work
        self.origin = origin
        self.api = api
        self.cache_store = work / "gitlab-cache"
        self.runs = 0

    @staticmethod
    def rule_matches(condition, variables):
        def value(token):
            token = token.strip()
            if token.startswith("$"):
                return variables.get(token[1:], None)
            m = re.fullmatch(r'"([^"]*)"|\'([^\']*)\'', token)
            if m:
                return m.group(1) if m.group(1) is not None else m.group(2)
            raise ValueError(f"rule this test cannot evaluate: {condition}")
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", condition.strip())
        if not m:
            raise ValueError(f"rule this test cannot evaluate: {condition}")
        equal = value(m.group(1)) == value(m.group(3))
        return equal if m.group(2) == "==" else not equal

    def jobs(self, pipeline):
        def resolve(job):
            base = {}
            parents = job.get("extends", [])
            for parent in [parents] if isinstance(parents, str) else parents:
                base.update(resolve(pipeline[parent]))
            return {**base, **{k: v for k, v in job.items() if k != "extends"}}
        stages = pipeline.get("stages", ["build", "test", "deploy"])
        jobs = [(name, resolve(job)) for name, job in pipeline.items()
                if name not in self.RESERVED and not name.startswith(".") and isinstance(job, dict)]
        return sorted(jobs, key=lambda item: stages.index(item[1].get("stage", "test")))

    def run(self, source, branch, remit_url):
        self.runs += 1
        pipeline = load_yaml(GITLAB)
        sha = git("rev-parse", branch, cwd=self.origin)
        run_dir = self.work / f"gitlab-run-{self.runs}"
        predefined = {
            "CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": source, "CI_COMMIT_SHA": sha,
            "CI_COMMIT_SHORT_SHA": sha[:8], "CI_DEFAULT_BRANCH": "main", "CI_PROJECT_NAME": "catalogue",
            "CI_PROJECT_PATH": "example/catalogue", "CI_SERVER_URL": "https://gitlab.example.org",
            "CI_PIPELINE_ID": str(self.runs), "CI_API_V4_URL": f"{self.api.url}/gitlab", "CI_PROJECT_ID": "42",
        }
        if source == "merge_request_event":
            predefined.update({"CI_MERGE_REQUEST_IID": "7", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": branch,
                               "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_COMMIT_REF_NAME": branch,
                               "CI_MERGE_REQUEST_DIFF_BASE_SHA": git("merge-base", "main", branch, cwd=self.origin)})
        else:
            predefined.update({"CI_COMMIT_BRANCH": branch, "CI_COMMIT_REF_NAME": branch})
        variables = {**predefined, **{k: str(v) for k, v in (pipeline.get("variables") or {}).items()}}
        variables["REMIT_URL"] = remit_url
        variables["REMIT_GITLAB_TOKEN"] = "test-gitlab-token"  # the team's masked CI/CD variable
        results, artifacts_of = {}, {}
        for name, job in self.jobs(pipeline):
            rules = job.get("rules")
            if rules is not None and not any("if" in rule and self.rule_matches(rule["if"], variables) for rule in rules):
                results[name] = {"status": "skipped"}
                continue
            project = run_dir / name / "catalogue"
            depth = int(variables.get("GIT_DEPTH", "20"))
            clone = ["git", "clone", "--quiet", "--no-checkout"] + (["--depth", str(depth)] if depth > 0 else [])
            result = run(clone + [f"file://{self.origin}", str(project)])
            if result.returncode == 0:
                result = run(["git", "fetch", "--quiet"] + (["--depth", str(depth)] if depth > 0 else [])
                             + ["origin", sha], cwd=project)
            if result.returncode == 0:
                result = run(["git", "checkout", "--quiet", "--detach", sha], cwd=project)
            if result.returncode != 0:
                results[name] = {"status": "failure", "output": result.stdout}
                continue
            needs = job.get("needs")
            for earlier, paths in artifacts_of.items():  # artifacts of earlier jobs, or of the needed ones
                if needs is None or earlier in needs:
                    for path in paths:
                        shutil.copytree(path, project / path.name, dirs_exist_ok=True) if path.is_dir() else shutil.copy2(path, project)
            cache = job.get("cache")
            if cache:
                stored = self.cache_store / cache["key"]
                if stored.exists():
                    shutil.copytree(stored, project, dirs_exist_ok=True, symlinks=True)
            script = ["set -eo pipefail"] + list(job.get("before_script", [])) + list(job.get("script", []))
            script_file = run_dir / name / "script.sh"
            script_file.write_text("\n".join(script) + "\n")
            env = {**base_env(run_dir / "home"), **variables, "CI_PROJECT_DIR": str(project),
                   "CI_JOB_NAME": name, "CI_JOB_STAGE": job.get("stage", "test"), "CI_BUILDS_DIR": str(run_dir)}
            (run_dir / "home").mkdir(exist_ok=True)
            result = run(["bash", "--noprofile", "--norc", str(script_file)], cwd=project, env=env)
            status = "success" if result.returncode == 0 else "failure"
            if cache and status == "success":
                stored = self.cache_store / cache["key"]
                shutil.rmtree(stored, ignore_errors=True)
                for path in cache["paths"]:
                    if (project / path).exists():
                        shutil.copytree(project / path, stored / path, symlinks=True)
            kept = []
            artifacts = job.get("artifacts") or {}
            if status == "success" or artifacts.get("when") == "always":
                for path in artifacts.get("paths", []):
                    kept.append(project / path)
                for report in (artifacts.get("reports") or {}).values():
                    kept.append(project / report)
            artifacts_of[name] = [p for p in kept if p.exists()]
            results[name] = {"status": status, "output": result.stdout, "project": project,
                             "reports": {k: project / v for k, v in (artifacts.get("reports") or {}).items()}}
        return results


CODE_QUALITY_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "GitLab Code Quality report (the fields GitLab reads)",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def validate_code_quality(report, work, project):
    schema = work / "code-quality.schema.json"
    schema.write_text(json.dumps(CODE_QUALITY_SCHEMA))
    result = run(["check-jsonschema", "--schemafile", str(schema), str(report)])
    ok = check(result.returncode == 0, f"GitLab: {report.name} has GitLab's Code Quality fields", result.stdout)
    entries = json.loads(report.read_text()) if ok else []
    fingerprints = [e["fingerprint"] for e in entries]
    check(len(set(fingerprints)) == len(fingerprints), "GitLab: fingerprints are unique")
    check(all((project / e["location"]["path"]).is_file() for e in entries),
          "GitLab: each location.path is a file of the repository, relative to its root")
    return entries


def test_gitlab(work, origin, deb, broken_line, api):
    runner = GitLabRunner(work, origin, api)
    url = f"file://{deb}"
    thread = "/gitlab/projects/42/merge_requests/7/notes"
    api.seed(thread, [f"{i} review note" for i in range(100)])  # the recipe's note is on the second page
    calls = len(api.calls)
    results = runner.run("push", "main", url)
    check(results.get("diff", {}).get("status") == "skipped" and len(api.calls) == calls,
          "GitLab: the default branch posts no remit diff")
    for job in ("check", "build", "pages"):
        check(results.get(job, {}).get("status") == "success", f"GitLab: on the default branch the {job} job passes",
              results.get(job, {}).get("output", ""))
    check("cmark-gfm" in results.get("check", {}).get("output", ""), "GitLab: the .deb from REMIT_URL was unpacked and run")
    pages = results.get("pages", {}).get("project")
    check(pages is not None and (pages / "public" / "index.html").exists(), "GitLab: the pages job has public/index.html")
    report = results.get("check", {}).get("reports", {}).get("codequality")
    if check(report is not None and report.exists(), "GitLab: the check job writes the Code Quality report"):
        check(json.loads(report.read_text()) == [], "GitLab: with no problems it is an empty array")
    laptop = pages / "public" / "it" / "services" / "laptop-request" / "index.html" if pages else None
    check(laptop is not None and laptop.exists() and "Last updated" in laptop.read_text(),
          "GitLab: with GIT_DEPTH 0 pages say when they were last updated")

    hidden = deb.with_suffix(".hidden")
    deb.rename(hidden)
    try:
        results = runner.run("merge_request_event", "broken", url)
    finally:
        hidden.rename(deb)
    check_job = results.get("check", {})
    check(check_job.get("status") == "failure", "GitLab: a merge request that breaks a file fails the check job",
          check_job.get("output", ""))
    check("cmark-gfm" in check_job.get("output", ""),
          "GitLab: remit came from the cache (the .deb was not there to download)", check_job.get("output", ""))
    check(f"content/it/services/laptop-request.md:{broken_line}:" in check_job.get("output", ""),
          "GitLab: the job log names the file and line")
    check(results.get("build", {}).get("status") == "skipped" and results.get("pages", {}).get("status") == "skipped",
          "GitLab: a merge request builds and publishes nothing")
    report = check_job.get("reports", {}).get("codequality")
    if check(report is not None and report.exists(), "GitLab: the report is kept although the job failed"):
        entries = validate_code_quality(report, work, check_job["project"])
        check(any(e["location"]["path"] == "content/it/services/laptop-request.md" and
                  e["location"]["lines"]["begin"] == broken_line and e["severity"] == "critical" for e in entries),
              "GitLab: the report has the broken file and line, as critical", report.read_text())

    diff_job = results.get("diff", {})
    check(diff_job.get("status") == "success", "GitLab: the diff job passes although HEAD has errors", diff_job.get("output", ""))
    ours = [n for n in api.comments.get(thread, []) if n["body"].startswith(MARKER)]
    check(len(ours) == 1 and "has 1 error; nothing was compared" in ours[0]["body"],
          "GitLab: it posts one note on the merge request, naming HEAD's error", diff_job.get("output", ""))
    first_id = ours[0]["id"] if ours else None
    results = runner.run("merge_request_event", "slower", url)
    diff_job = results.get("diff", {})
    ours = [n for n in api.comments.get(thread, []) if n["body"].startswith(MARKER)]
    body = ours[0]["body"] if ours else ""
    check(diff_job.get("status") == "success" and len(ours) == 1 and ours[0]["id"] == first_id
          and ("PUT", f"{thread}/{first_id}") in api.calls,
          "GitLab: the next push edits that note, never a second", diff_job.get("output", ""))
    check("→ 15-20 business days (longer) |" in body and "clients are not told about this change" in body,
          "GitLab: the note says what changes for clients, and warns of it", body)
    check(body.strip() in diff_job.get("output", "") and (diff_job["project"] / "remit-diff.md").is_file(),
          "GitLab: the report is in the job log and kept as an artifact")


# ---------------------------------------------------------------- publish.sh

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return None, b""


def test_publish(work, origin, author, tarball):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not check(os.path.exists(nginx), "nginx is installed"):
        return
    server = work / "srv"
    site = server / "site"
    prefix = work / "nginx"
    (prefix / "logs").mkdir(parents=True)
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(f"""
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location /catalogue/ {{
            alias {site}/;
            try_files $uri $uri/ =404;
            error_page 404 /catalogue/404.html;
        }}
    }}
}}
""")
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(prefix)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(50):
            if fetch(f"http://127.0.0.1:{port}/")[0] is not None:
                break
            time.sleep(0.1)
        base = f"http://127.0.0.1:{port}/catalogue/"
        env = {**base_env(work / "publish-home"), "REPO": str(origin), "BRANCH": "main", "SITE_DIR": str(site),
               "REMIT_URL": f"file://{tarball}", "BASE_URL": base, "KEEP": "3"}
        (work / "publish-home").mkdir()

        def publish(**overrides):
            return run([str(PUBLISH)], env={**env, **overrides}, cwd=work)

        result = publish()
        check(result.returncode == 0, "publish.sh: first run publishes (exit 0)", result.stdout)
        status, body = fetch(base)
        check(status == 200 and b"Corporate Services Catalogue" in body, "publish.sh: nginx serves the site", f"{status}")
        status, body = fetch(base + "it/services/laptop-request/")
        check(status == 200 and b"within a week" in body, "publish.sh: with the latest commit's content")
        check(site.is_symlink(), "publish.sh: the site folder is a symbolic link to a release")
        first_target = os.readlink(site)
        _, first_page = fetch(base + "it/services/laptop-request/")

        # A commit that breaks a file reaches main.
        env_git = {**os.environ, **GIT_IDENTITY}
        git("checkout", "--quiet", "broken", cwd=author)
        git("push", "--quiet", "--force", str(origin), "broken:main", cwd=author, env=env_git)
        result = publish()
        check(result.returncode == 1, "publish.sh: a broken catalogue exits 1", result.stdout)
        check("laptop-request.md" in result.stdout, "publish.sh: and says which file is wrong")
        check(os.readlink(site) == first_target and fetch(base + "it/services/laptop-request/") == (200, first_page),
              "publish.sh: the previous site is still served, unchanged")

        # remit cannot be downloaded (a new cache, a URL that is not there).
        result = publish(REMIT_CACHE=str(work / "empty-cache"), REMIT_URL=f"file://{work}/missing.tar.gz")
        check(result.returncode == 3, "publish.sh: a failed download exits 3", result.stdout)
        check(os.readlink(site) == first_target, "publish.sh: and leaves the site as it was")

        result = publish(REPO=str(work / "no-such-repo.git"), WORK_DIR=str(work / "other-checkout"))
        check(result.returncode == 3, "publish.sh: a repository that cannot be cloned exits 3", result.stdout)

        result = publish(SITE_DIR=str(work / "plain-folder"), KEEP="x")
        check(result.returncode == 2, "publish.sh: a configuration error exits 2", result.stdout)

        # The fix: a new title, published in one swap.
        git("checkout", "--quiet", "main", cwd=author)
        git("fetch", "--quiet", str(origin), "main", cwd=author)
        git("reset", "--quiet", "--hard", "FETCH_HEAD", cwd=author)
        service = author / "content" / "it" / "services" / "laptop-request.md"
        service.write_text(re.sub(r"^turnaround: .*$", "turnaround: 2-4 business days", service.read_text(), flags=re.M)
                           .replace('title: Request a laptop', 'title: Ask for a laptop'))
        git("commit", "--quiet", "-am", "Fix the turnaround, retitle", cwd=author, env=env_git)
        git("push", "--quiet", str(origin), "HEAD:main", cwd=author, env=env_git)
        time.sleep(1)  # release folders are named to the second
        result = publish()
        check(result.returncode == 0, "publish.sh: the fixed catalogue publishes", result.stdout)
        status, body = fetch(base + "it/services/laptop-request/")
        check(status == 200 and b"Ask for a laptop" in body and re.search(rb"2(-|\xe2\x80\x93)4 business days", body) is not None,
              "publish.sh: nginx serves the new version")
        check(os.readlink(site) != first_target and Path(first_target).is_dir(),
              "publish.sh: the previous release is kept beside it for going back")
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    remit = str(Path(sys.argv[1]).resolve())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="remit-ci-recipes-") as temp:
        work = Path(temp)
        work.chmod(0o755)  # nginx's workers (user nobody) read the published site in it
        lint(remit, work)
        tarball, deb = make_packages(remit, work)
        author, origin, broken_line = make_fixture(remit, work)
        api = CommentAPI()
        try:
            test_github(work, origin, tarball, broken_line, api)
            test_gitlab(work, origin, deb, broken_line, api)
        finally:
            api.stop()
        test_publish(work, origin, author, tarball)
    print(f"CI recipes: {time.monotonic() - started:.1f} s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
