# The spec as a product (issue 6): bundles and HTML reference in dist/, breaking-change checks,
# TypeScript types. Tests in tests/spec_product.
.PHONY: bundle spec-diff spec-compat ts-check ts-types

# Redocly CLI phones home (telemetry, update notice) unless told not to: builds stay offline.
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

DIST ?= dist
BLANK_LOGO := data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2216%22 height=%2216%22/%3E
NODE_BIN := node_modules/.bin
# openapi-typescript with its default type options, as other teams run it: request fields
# carry no `default` in the spec, so none turns required (docs/FOR-OTHER-LANGUAGES.md). The
# --redocly config only keeps it from linting with the project's redocly.yaml (see the file).
TS_TYPES_CMD = $(NODE_BIN)/openapi-typescript openapi.yaml --redocly tools/spec/openapi-typescript.redocly.yaml

# dist/openapi.{yaml,json}: one file, internal $refs kept (YAML anchors expanded), without the
#   links openapi-generator's parser refuses;
# dist/openapi.dereferenced.json: every $ref inlined, for generators that cannot follow refs
#   (components left unused by the inlining are removed: linters warn about each);
# dist/openapi-3.0.{json,yaml}: the same spec as OpenAPI 3.0.3, converted from the 3.1 bundle
#   for 3.0-only tools (tools/spec/to-openapi-3.0.mjs);
# dist/index.html: Redoc reference with its scripts inlined, no CDN, no telemetry.
# Built again only when an input changed (`.ci/run` asks for it twice: `make test` and
# `make generate-other-languages`); a new DIST= is always built.
BUNDLE_INPUTS := openapi.yaml redocly.yaml tools/spec/drop-body-links.mjs \
  tools/spec/to-openapi-3.0.mjs tools/spec/house-rules.cjs mk/spec.mk node_modules/.installed
bundle: $(DIST)/.bundled
$(DIST)/.bundled: $(BUNDLE_INPUTS)
	rm -f $@
	mkdir -p $(DIST)
	$(NODE_BIN)/redocly bundle openapi.yaml --ext json -o $(DIST)/openapi.json
	$(NODE_BIN)/redocly bundle openapi.yaml --dereferenced --remove-unused-components --ext json \
	  -o $(DIST)/openapi.dereferenced.json
	# Links with an object requestBody stay in openapi.yaml only (tools/spec/drop-body-links.mjs).
	node tools/spec/drop-body-links.mjs $(DIST)/openapi.json $(DIST)/openapi.dereferenced.json
	$(NODE_BIN)/redocly bundle $(DIST)/openapi.json -o $(DIST)/openapi.yaml
	node tools/spec/to-openapi-3.0.mjs $(DIST)/openapi.json $(DIST)/openapi-3.0.json
	$(NODE_BIN)/redocly bundle $(DIST)/openapi-3.0.json -o $(DIST)/openapi-3.0.yaml
	# Telemetry off on the command line: in redocly.yaml the key draws a config warning.
	$(NODE_BIN)/redocly build-docs openapi.yaml --inlineBundle --openapi.disableTelemetry=true \
	  -o $(DIST)/index.html
	# Redoc's sidebar credit loads its logo from a CDN even with telemetry off: an empty inline
	# SVG instead (an empty data: URL is a broken image; the browser test checks every image).
	sed -i 's#https://cdn\.redoc\.ly/redoc/logo-mini[a-z-]*\.svg#$(BLANK_LOGO)#g' $(DIST)/index.html
	! grep -q 'cdn\.redoc\.ly/redoc/logo' $(DIST)/index.html
	# No favicon request either (a 404 over http): an empty inline icon.
	sed -i '0,/<head>/s##<head><link rel="icon" href="data:,">#' $(DIST)/index.html
	touch $@

# Changes between the spec at BASE (a git ref) and the working tree; exit 1 on a breaking one.
spec-diff: .venv/.installed
	@test -n "$(BASE)" || { echo "usage: make spec-diff BASE=<git ref>"; exit 2; }
	@if git cat-file -e "$(BASE):openapi.yaml" 2>/dev/null; then \
	  git show "$(BASE):openapi.yaml" | $(PY) tools/spec/spec_diff.py - openapi.yaml; \
	else echo "spec-diff: $(BASE) has no openapi.yaml; nothing to compare"; fi

# CI gate: breaking changes need a MAJOR bump, additions a MINOR one, and CHANGELOG.md a
# section for info.version. SPEC_BASE=<ref> to pick the base (default: tools/spec/spec_compat.py).
spec-compat: .venv/.installed
	$(PY) tools/spec/spec_compat.py $(if $(SPEC_BASE),--base $(SPEC_BASE))

# Regenerate the committed TypeScript types (commit the result with the spec change).
ts-types: node_modules/.installed
	$(TS_TYPES_CMD) -o ts/generated/ango-hub.d.ts

# The committed types match the spec, and ts/src compiles against them under --strict.
ts-check: node_modules/.installed
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(TS_TYPES_CMD) -o "$$tmp/ango-hub.d.ts" >/dev/null && \
	  { diff -u ts/generated/ango-hub.d.ts "$$tmp/ango-hub.d.ts" || \
	    { echo "ts/generated is stale: run 'make ts-types'"; exit 1; }; }
	$(NODE_BIN)/tsc -p ts/tsconfig.json --strict --noEmit

