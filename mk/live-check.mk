# `make live-check`: check openapi.yaml against a real Ango Hub server (README, "Checking the
# spec against the real service"). Needs ANGO_API_KEY and ANGO_LIVE_PROJECT (write mode) or
# LIVE_CHECK_ARGS=--read-only; any server but testapi.ango.ai also needs LIVE_CHECK_ARGS=--yes.
# Never part of `make test` (tests/live_check runs it against the mock).
.PHONY: live-check

live-check: .venv/.installed
	$(VENV_BIN)/ango-hub live-check $(LIVE_CHECK_ARGS)
