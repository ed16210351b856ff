# The spec as other teams use it (issue 12, docs/FOR-OTHER-LANGUAGES.md): five TypeScript
# generators compile under --strict and call every operation of the mock through Prism's
# validating proxy, as do the Python client and the CLI; the 3.0.3 bundle validates as 3.0.
# Part of `make test`. KEEP_WORK=1 keeps the generated clients (a temporary directory).
.PHONY: test-other-languages

test-other-languages: bundle .venv/.installed
	$(PY) -m tools.other_languages.check
