"""`make fuzz`: a longer, randomised schemathesis campaign against the mock.

Same configuration as tests/mock/test_mock_schemathesis.py (every check, every phase, the same
written exceptions), but random generation with a fresh seed (printed, to replay with
FUZZ_SEED=...) and more examples. Prints schemathesis' summary; exits non-zero on failures.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

from test_mock_schemathesis import run_schemathesis


def main() -> int:
    seed = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**31))
    examples = int(os.environ.get("FUZZ_EXAMPLES", "200"))
    print(f"fuzz: seed={seed} max-examples={examples} (replay: FUZZ_SEED={seed} make fuzz)")
    with tempfile.TemporaryDirectory() as tmp:
        result = run_schemathesis(Path(tmp), ["--seed", str(seed)], examples, deterministic=False)
    out = result.stdout
    # On failure, from the first report section schemathesis printed (failures or errors).
    marks = [out.find(m) for m in ("ERRORS", "FAILURES", "SUMMARY")]
    start = min((m for m in marks if m >= 0), default=max(0, len(out) - 5000))
    print(out[start if result.returncode else max(0, out.rfind("SUMMARY")) :])
    print(result.stderr[-3000:], file=sys.stderr)
    print(f"fuzz: seed={seed} exit={result.returncode}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
