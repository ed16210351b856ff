# `make plugin-demo`: a ten-line model plugin (demo/prelabel_plugin.py) run with
# `ango-hub plugin run` against a local mock; ends with the pre-labelled tasks counted.
.PHONY: plugin-demo

plugin-demo: install
	$(PY) demo/plugin_demo.py
