#!/usr/bin/env python3
"""Turns a Remit content folder into a Hugo site with the same Markdown bodies,
and writes every body, concatenated, for the cmark-gfm floor.

usage: bench-hugo-site.py CONTENT_DIR HUGO_DIR [--bodies FILE]

Bodies are copied byte for byte. Front matter stays YAML, changed only where
Hugo reads a field differently: `summary` becomes `description` (Hugo 0.111
has no summary field), a `draft` rule gets `draft: true` (Remit does not
publish drafts either), and a function's `index.md` becomes the section's
`_index.md`. The theme is deliberately small but does what Remit's does per
page: a base template with the site navigation (every function), a
breadcrumb, the page's facts from front matter (turnaround, input by, what
you provide, rules, history, journey steps, tags), the body, and an edit
link; list pages list their pages with summaries; a link render hook turns
links to `.md` source files into page addresses, as Remit does, and warns
about those that do not resolve.
"""
import argparse
import os

parser = argparse.ArgumentParser()
parser.add_argument("content")
parser.add_argument("site")
parser.add_argument("--bodies")
args = parser.parse_args()

CONFIG = """baseURL = "https://intranet.bench.example/catalogue/"
title = "Benchmark Catalogue"
languageCode = "en"
disableHugoGeneratorInject = true
enableGitInfo = false

[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser]
autoHeadingID = true
autoHeadingIDType = "github"
[markup.goldmark.extensions]
typographer = false
"""

BASEOF = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main-content">Skip to content</a>
<header id="site-header"><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav aria-label="Functions"><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
</header>
<nav aria-label="Breadcrumb"><ol><li><a href="{{ .Site.Home.RelPermalink }}">Home</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li aria-current="page">{{ .Title }}</li></ol></nav>
<main id="main-content">{{ block "main" . }}{{ end }}</main>
<footer id="site-footer">{{ with .File }}<a href="https://git.bench.example/catalogue/-/edit/main/{{ .Path }}">Suggest an edit</a>{{ end }}</footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
<dl id="page-facts">
{{ with .Params.turnaround }}<dt>Turnaround</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.input_by }}<dt>We need your input</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.status }}<dt>Status</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.effective }}<dt>Effective</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.review_by }}<dt>Review by</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.owner }}<dt>Owner</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.request }}<dt>How to request</dt><dd><a href="{{ . }}">{{ . }}</a></dd>{{ end }}
</dl>
{{ with .Params.deadlines }}<h2>Deadlines</h2><ul>{{ range . }}<li>{{ .date }}: {{ .what }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.you_provide }}<h2>What you provide</h2><ul>{{ range . }}<li><input type="checkbox"> {{ . }}</li>{{ end }}</ul>{{ end }}
{{ $section := .Section }}
{{ with .Params.rules }}<h2 id="page-rules">Rules that apply</h2><ul>{{ range . }}{{ $ref := split . "/" }}{{ if eq (len $ref) 1 }}{{ $ref = slice $section . }}{{ end }}{{ with site.GetPage (printf "/%s/rules/%s" (index $ref 0) (index $ref 1)) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>: {{ .Description }}</li>{{ end }}{{ end }}</ul>{{ end }}
{{ with .Params.applies_to }}<h2>Applies to</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.steps }}<h2 id="page-steps">Steps</h2><ol>{{ range . }}{{ $ref := split .service "/" }}<li>{{ with site.GetPage (printf "/%s/services/%s" (index $ref 0) (index $ref 1)) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ .Params.turnaround }}){{ end }}: {{ .note }}</li>{{ end }}</ol>{{ end }}
<div id="page-body">{{ .Content }}</div>
{{ with .Params.changes }}<h2 id="page-history">History</h2><ul>{{ range . }}<li>{{ .date }}: {{ .summary }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.tags }}<p>Tags: {{ range . }}<a href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.provides }}<h2>What we provide</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.does_not_provide }}<h2>What we do not provide</h2><ul>{{ range . }}<li>{{ if reflect.IsMap . }}{{ .what }} (<a href="{{ printf "%s/" .go_to | relURL }}">{{ .go_to }}</a>){{ else }}{{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.contact }}<h2>Contact</h2><p>{{ .email }} {{ .phone }} {{ .hours }}</p>{{ end }}
<div id="page-body">{{ .Content }}</div>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}: {{ . }}{{ end }}</li>{{ end }}</ul>
{{ end }}
"""

# Links to source files become page addresses; `index.md` is a section's `_index.md` here.
RENDER_LINK = """{{- $dest := .Destination -}}
{{- if and (not (strings.Contains $dest ":")) (strings.Contains $dest ".md") -}}
{{- $parts := split $dest "#" -}}
{{- $path := replaceRE `(^|/)index\\.md$` "${1}_index.md" (index $parts 0) -}}
{{- with $.Page.GetPage $path -}}
{{- $dest = .RelPermalink -}}
{{- if gt (len $parts) 1 }}{{ $dest = printf "%s#%s" $dest (index $parts 1) }}{{ end -}}
{{- else -}}
{{- warnf "link target %q not found in %s" $dest $.Page.File.Path -}}
{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /* no trailing newline */ -}}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def convert(front):
    lines = front.split("\n")
    draft = False
    for i, line in enumerate(lines):
        if line.startswith("summary:"):
            lines[i] = "description:" + line[len("summary:"):]
        elif line.strip() == "status: draft":
            draft = True
    if draft:
        lines.append("draft: true")
    return "\n".join(lines)


write(os.path.join(args.site, "config.toml"), CONFIG)
write(os.path.join(args.site, "layouts/_default/baseof.html"), BASEOF)
write(os.path.join(args.site, "layouts/_default/single.html"), SINGLE)
write(os.path.join(args.site, "layouts/_default/list.html"), LIST)
write(os.path.join(args.site, "layouts/_default/_markup/render-link.html"), RENDER_LINK)
write(os.path.join(args.site, "static/assets/site.css"), "body { font-family: sans-serif; max-width: 48rem; margin: auto; }\n")

bodies = open(args.bodies, "wb") if args.bodies else None
count = 0
for root, dirs, files in os.walk(args.content):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith(".md"):
            continue
        source = os.path.join(root, name)
        relative = os.path.relpath(source, args.content)
        with open(source, "rb") as f:
            data = f.read()
        assert data.startswith(b"---\n"), source
        end = data.index(b"\n---\n", 4)
        front, body = data[4:end].decode(), data[end + 5:]
        if name == "index.md":
            relative = os.path.join(os.path.dirname(relative), "_index.md")
        target = os.path.join(args.site, "content", relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(b"---\n" + convert(front).encode() + b"\n---\n" + body)
        if bodies:
            bodies.write(body + b"\n\n")
        count += 1
if bodies:
    bodies.close()
print(f"hugo site: {count} pages in {args.site}")
