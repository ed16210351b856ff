"""The client, written once for asyncio (``AsyncAngoHub``).

``make generate`` produces the sync client (``AngoHub``, package ``_ango_hub_sync``) from
these files with unasync (``tools/generate/sync_twin.py``): edit here, never there.
"""
