# openapi-generator, the generator most other-language teams use, against the published
# bundles (docs/FOR-OTHER-LANGUAGES.md; tools/other_languages/openapi_generator.py).
# test-openapi-generator (part of `make test`): `validate` finds no error in either bundle, and
#   its Python client plays every steps file through Prism in front of the mock, 0 violations.
# generate-other-languages (run by .ci/run after `make test`): java, kotlin, go, csharp, rust,
#   typescript-fetch and python generate without error; warnings printed per language.
# KEEP_WORK=1 keeps the generated clients (a temporary directory).
.PHONY: test-openapi-generator generate-other-languages

test-openapi-generator: bundle .venv/.installed
	$(PY) -m tools.other_languages.openapi_generator play

generate-other-languages: bundle .venv/.installed
	$(PY) -m tools.other_languages.openapi_generator generate
