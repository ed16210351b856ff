"""The transport options are declared once (``TransportOptions``) and both clients take them
as keywords: a misspelt one is refused as a signature would refuse it, naming the known ones."""

from __future__ import annotations

import pytest
from ango_hub._core import TransportOptions
from client_helpers import MakeHub


def test_a_misspelt_transport_option_is_refused_naming_the_known_ones(make_hub: MakeHub) -> None:
    with pytest.raises(TypeError, match=r"\['max_inflight'\].*max_in_flight"):
        make_hub(api_key="k", base_url="https://hub.test/v2", max_inflight=5)


def test_every_declared_option_is_taken(make_hub: MakeHub) -> None:
    given = {
        "deadline": 5.0,
        "max_in_flight": 3,
        "requests_per_minute": 600.0,
        "rate_window": 30.0,
        "max_response_bytes": 10_000,
        "max_task_bytes": 1_000,
    }
    assert set(given) == TransportOptions.__optional_keys__
    with make_hub(api_key="k", base_url="https://hub.test/v2", **given) as hub:
        assert hub.base_url == "https://hub.test/v2"


def test_a_bad_bound_still_names_its_option(make_hub: MakeHub) -> None:
    with pytest.raises(Exception, match="max_in_flight"):
        make_hub(api_key="k", base_url="https://hub.test/v2", max_in_flight=0)
