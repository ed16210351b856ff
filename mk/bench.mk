# Benchmarks against the mock over loopback (bench/*.py; figures in bench/RESULTS.md).
# Not part of `make test`. BENCH_QUICK=1 for a scaled-down smoke run (seconds, not minutes).
.PHONY: bench

BENCH_SCRIPTS := import_time cli_help_time upload_files list_assets list_tasks parse_answers export_memory mock_robustness transport

bench: .venv/.installed
	@echo "# make bench$(if $(BENCH_QUICK), BENCH_QUICK=$(BENCH_QUICK)) on $$(date -u +%FT%TZ), $$(nproc) cores, $$($(PY) -V)"
	@for script in $(BENCH_SCRIPTS); do \
	  echo; (cd bench && ../$(PY) $$script.py) || exit 1; \
	done
