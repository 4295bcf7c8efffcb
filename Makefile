# The README's two commands: `make site` and `make test`.
SWIFT ?= swift
CONFIG ?= debug
REMIT = .build/$(CONFIG)/remit

.PHONY: site test deps test-deps build check bench clean

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-test-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product remit

## Render the sample catalogue in content/ into public/.
site: build
	$(REMIT) build --content content --templates templates --output public

## Validate the sample catalogue strictly without writing anything.
check: build
	$(REMIT) check --content content --strict

## Every test: unit, end-to-end, the built sample site checked link by link and
## feed by feed, and the site in headless Chromium, under load and in the Nu HTML Checker.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	$(SWIFT) build --product remit
	bash scripts/check-sample-site.sh .build/debug/remit
	python3 scripts/browser_tests.py .build/debug/remit

bench: deps
	$(SWIFT) build -c release --product remit
	bash scripts/bench.sh .build/release/remit

clean:
	rm -rf .build public
