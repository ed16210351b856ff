# `make live-check`: check openapi.yaml against a real Ango Hub server (README, "Checking the
# spec against the real service"). Needs ANGO_API_KEY and ANGO_LIVE_PROJECT (write mode) or
# LIVE_CHECK_ARGS=--read-only; any server but testapi.ango.ai also needs LIVE_CHECK_ARGS=--yes.
# Never part of `make test` (tests/live_check runs it against the mock).
.PHONY: live-check

live-check: .venv/.installed
	$(VENV_BIN)/ango-hub live-check $(LIVE_CHECK_ARGS)

# The live check's state-diff test with a fault of every kind (500, 403, 429 past the retries,
# a dropped connection) at every step of a run, on the mock in a thread and as its own process;
# `make test` runs one kind per step (every 3rd step on the mock in its own process).
.PHONY: live-check-sweep

live-check-sweep: .venv/.installed
	LIVE_CHECK_SWEEP=1 $(VENV_BIN)/python -m pytest -n auto tests/live_check/test_live_check_safety.py -q -k every_step
