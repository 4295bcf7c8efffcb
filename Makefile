# The README's two commands: `make site` and `make test`.
SWIFT ?= swift
CONFIG ?= debug
REMIT = .build/$(CONFIG)/remit

.PHONY: site test deps test-deps build check bench clean dist dist-test

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-test-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product remit

## Render the sample catalogue in content/ into public/.
site: build
	$(REMIT) build --content content --templates templates --output public

## Validate the sample catalogue strictly without writing anything: only the
## one broken promise the sample shows on purpose (scripts/check-sample-content.sh).
check: build
	bash scripts/check-sample-content.sh $(REMIT)

## Every test: unit, end-to-end, the built sample site checked link by link and
## feed by feed, and the site in headless Chromium, under load and in the Nu HTML Checker.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest --skip TimeBoundTests
	$(SWIFT) test --skip-build --disable-xctest --filter TimeBoundTests --no-parallel
	$(SWIFT) build --product remit
	bash scripts/check-sample-site.sh .build/debug/remit
	bash scripts/check-output-safety.sh .build/debug/remit
	python3 scripts/check-preview-server.py .build/debug/remit
	python3 scripts/browser_tests.py .build/debug/remit
	python3 scripts/test-ci-recipes.py .build/debug/remit

## libFuzzer with AddressSanitizer on front matter, durations and dates, Markdown,
## the URL policy and remit serve's paths (Fuzz/), FUZZ_SECONDS each; a crash, an
## input slower than 2 s or a broken property fails. See scripts/fuzz.sh.
.PHONY: fuzz sanitize
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= front-matter durations markdown url-policy site-files
fuzz: deps
	FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" bash scripts/fuzz.sh

## The Swift tests under ThreadSanitizer (then the sample-site, output-safety and
## preview-server checks with the instrumented remit) and AddressSanitizer;
## SANITIZERS=thread for one. See scripts/sanitize.sh.
SANITIZERS ?= thread address
sanitize: deps test-deps
	SANITIZERS="$(SANITIZERS)" bash scripts/sanitize.sh

## dist/remit-VERSION-linux-ARCH.tar.gz and dist/remit_VERSION_ARCH.deb: one
## executable with the Swift runtime, Foundation and cmark-gfm linked statically.
dist: deps
	nice -n 10 bash scripts/dist.sh

## Both packages installed and run on a clean Debian root (debootstrap, cached).
dist-test: dist
	bash scripts/dist-test.sh

## Remit against Hugo and the cmark-gfm floor on generated catalogues; the table
## goes to .build/bench/results.md. BENCH_SIZES="1000 10000 100000" adds the
## 100,000-page target (slow); BENCH_REMIT=path times that binary instead of a
## fresh release build. See scripts/bench.sh for BENCH_RUNS, BENCH_HUGO, BENCH_DIR, BENCH_ROWS.
BENCH_SIZES ?= 1000 10000
bench: deps
	@if [ -z "$(BENCH_REMIT)" ]; then $(SWIFT) build -c release --product remit; fi
	BENCH_SIZES="$(BENCH_SIZES)" bash scripts/bench.sh $(if $(BENCH_REMIT),$(BENCH_REMIT),.build/release/remit)

clean:
	rm -rf .build public
