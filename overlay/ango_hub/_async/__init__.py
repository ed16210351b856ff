"""The client, written once for asyncio (``AsyncAngoHub``).

``make generate`` produces the sync client (``AngoHub``, package ``ango_hub._sync``) from
these files with unasync (``tools/generate/sync_twin.py``): edit here, never there.
"""
