# Tests of the spec and the generated client (tests/spec, tests/generated; part of `make test`
# through pytest). `make test-spec` runs just them; the generator determinism check is marked
# `generator` (deselect locally with PYTEST_ARGS='-m "not generator"').
.PHONY: test-spec

test-spec: .venv/.installed
	$(PY) -m pytest tests/spec tests/generated -q $(PYTEST_ARGS)
