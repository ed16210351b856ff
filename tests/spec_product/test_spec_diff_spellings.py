"""spec_diff: a union of enums (one per spelling) replaced by a pattern that accepts all their
values is not breaking; one that drops a value is (OrganizationRoleInput, spec 1.11.0)."""

from __future__ import annotations

import copy
from pathlib import Path

from test_spec_breaking_changes import Spec, run_diff


def test_a_union_of_enums_replaced_by_a_pattern(root: Path, spec: Spec, tmp_path: Path) -> None:
    old = copy.deepcopy(spec)
    schemas = old["components"]["schemas"]
    schemas["RolePage"] = {"type": "string", "enum": ["Admin", "Member", "Guest"]}
    schemas["RoleSdk"] = {"type": "string", "enum": ["admin", "member"]}
    schemas["OrganizationRoleInput"] = {
        "type": "string",
        "anyOf": [
            {"$ref": "#/components/schemas/RolePage"},
            {"$ref": "#/components/schemas/RoleSdk"},
        ],
    }
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 0, done.stdout
    assert "anyOf of enums -> pattern accepting them all" in done.stdout
    assert "BREAKING" not in done.stdout
    role = spec["components"]["schemas"]["OrganizationRoleInput"]
    role["pattern"] = "^(Admin|Member|admin|member)$"  # `Guest` no longer accepted
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 1, done.stdout
    assert "anyOf changed from 2 to 0 subschemas" in done.stdout
