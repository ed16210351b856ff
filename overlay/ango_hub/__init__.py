"""Ango Hub client: ergonomic layer over the generated ango_hub_api package."""
