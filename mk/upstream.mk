# Has the vendor's API changed? (issue 13) Compares openapi.yaml with the OpenAPI fragments on
# the vendor's pages (tools/upstream/pages.txt). Exit 0: only known/pending differences;
# 1: a new one; 2: a page could not be read (never reported in sync).
#   make upstream-check                                      # live, over HTTPS, no credentials
#   make upstream-check UPSTREAM_OFFLINE=tests/upstream/pages # the saved copies
#   make upstream-check ARGS="--offline tests/upstream/pages" # the same, any option
.PHONY: upstream-check

upstream-check: .venv/.installed
	$(PY) -m tools.upstream.upstream_check $(if $(UPSTREAM_OFFLINE),--offline $(UPSTREAM_OFFLINE)) $(ARGS)
