# Mock Ango Hub server (docs/MOCK.md). `make mock` serves it with the default key and project.
.PHONY: mock fuzz test-mock

MOCK_PORT ?= 8765

mock: .venv/.installed
	$(VENV_BIN)/ango-hub mock --port $(MOCK_PORT)

# The mock's own tests (also part of `make test` through pytest).
test-mock: .venv/.installed
	$(PY) -m pytest tests/mock -q

# A longer, randomised schemathesis campaign (FUZZ_SEED=n to replay, FUZZ_EXAMPLES=n per op).
fuzz: .venv/.installed
	$(PY) tests/mock/fuzz_campaign.py
