"""Helpers the test suite shares, written once: the official SDK in its subprocess
(:mod:`tests.support.sdk`) and a cross-language steps file played in-process by the
check's own runner (:mod:`tests.support.steps`). Free ports and the mock come from
:mod:`ango_hub.testing`.

Importable as ``tests.support`` because pytest puts the repository root on the import path
(``pythonpath`` in pyproject.toml); nothing edits ``sys.path``.
"""
