"""Ad-hoc sweep: our bulk upload of 500 files at +25 ms/request, concurrency 16/32/64, with the
mock's CPU seconds (the floor of our wall time). Not part of make bench."""

import tempfile
from pathlib import Path

import upload_files as u
from _mock import mock_server

with tempfile.TemporaryDirectory() as tmp, mock_server() as mock:
    files = u.make_files(Path(tmp), 500)
    mock.delay_everything(0.025)
    for c in (16, 32, 64):
        s, cpu = u.ours(mock, files, c)
        print(f"+25ms concurrency={c}: {s:.2f}s mock cpu {cpu:.2f}s", flush=True)
