# The newcomer's path: `make demo` runs the whole workflow (CLI and library) against a local
# mock on a free loopback port. Needs no credentials and no network. See demo/run_demo.py.
.PHONY: demo

demo: install
	$(PY) -m demo.run_demo
