# Mock Ango Hub server (docs/MOCK.md). `make mock` serves it with the default key and project.
.PHONY: mock fuzz test-mock

MOCK_PORT ?= 8765

mock: .venv/.installed
	$(VENV_BIN)/ango-hub mock --port $(MOCK_PORT)

# The mock's own tests (also part of `make test` through pytest).
test-mock: .venv/.installed
	$(PY) -m pytest tests/mock -q

# A longer, randomised schemathesis campaign (FUZZ_SEED=n to replay, FUZZ_EXAMPLES=n per op).
# Then hostile answers against the client (tests/client/test_client_fuzz.py), random and deeper
# than in the test suite (CLIENT_FUZZ_EXAMPLES per operation and client); then write-only
# secrets against echoing servers, random seeds (SECRETS_FUZZ_EXAMPLES per field and echo mode).
fuzz: .venv/.installed
	$(PY) tests/mock/fuzz_campaign.py
	CLIENT_FUZZ_EXAMPLES=$${CLIENT_FUZZ_EXAMPLES:-300} $(PY) -m pytest tests/client/test_client_fuzz.py -q
	SECRETS_FUZZ_EXAMPLES=$${SECRETS_FUZZ_EXAMPLES:-200} $(PY) -m pytest tests/client/test_secrets_every_encoding.py -q
