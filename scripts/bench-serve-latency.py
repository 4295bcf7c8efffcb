#!/usr/bin/env python3
"""Incremental rebuild latency of `remit serve` on a generated catalogue.

Usage: bench-serve-latency.py REMIT CONTENT OUTPUT TODAY KIND RUNS
KIND is "body" (a sentence added to one service's body) or "title" (one
service's title changed: every page that lists or links to it changes).

Prints one line: `<median rebuild s> <median save-to-served s> <pages rendered>`.
The rebuild time is what the server's own log says; save-to-served is from
just before the file is written to the first HTTP answer that has the edit."""
import os, re, statistics, subprocess, sys, time, urllib.request

remit, content, output, today, kind, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
# The built-in theme: not the templates/ folder of wherever this runs.
proc = subprocess.Popen([remit, "serve", "--port", "0", "--content", content, "--output", output, "--today", today, "--force",
                         "--templates", os.path.join(os.path.dirname(os.path.abspath(output)), "no-templates")],
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
lines = iter(proc.stdout.readline, "")
port = base = None
for line in lines:
    match = re.match(r"serving on http://127\.0\.0\.1:(\d+)(/\S*) ", line)
    if match:
        port, base = match.group(1), match.group(2)
        break
if port is None:
    sys.exit("remit serve did not start")

services = sorted(p for p in (os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs) if "/services/" in p)
target = services[len(services) // 2]
function, service = target.split(os.sep)[-3], os.path.splitext(os.path.basename(target))[0]
url = f"http://127.0.0.1:{port}{base}{function}/services/{service}/"
original = open(target, encoding="utf-8").read()
rebuilds, served, rendered = [], [], []
try:
    for run in range(runs):
        marker = f"Bench edit {run} {time.time_ns()}"
        if kind == "body":
            text = original + f"\n{marker}.\n"
        else:
            text = re.sub(r"^title: .*$", f"title: {marker}", original, count=1, flags=re.M)
        started = time.monotonic()
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
        while True:
            if time.monotonic() - started > 120:
                sys.exit(f"the edit to {target} was not served within 120 s (a failed build?)")
            try:
                page = urllib.request.urlopen(urllib.request.Request(url, headers={"Host": f"localhost:{port}"}), timeout=10).read().decode()
                if marker in page:
                    served.append(time.monotonic() - started)
                    break
            except OSError:
                pass
            time.sleep(0.002)
        for line in lines:
            match = re.match(r"built [\d,]+ pages in ([\d.]+) s: (\d+) pages rendered", line)
            if match:
                rebuilds.append(float(match.group(1)))
                rendered.append(int(match.group(2)))
                break
        time.sleep(0.3)
finally:
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(original)
    proc.terminate()
    proc.wait(timeout=30)
print(f"{statistics.median(rebuilds):.3f} {statistics.median(served):.3f} {statistics.median(rendered)}")
