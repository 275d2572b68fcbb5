"""Nothing outside the modules that write or match records reads a restrictable table
without the visibility rule: `private_objects`, `_base_manager` and
`_default_manager` appear only in the allow-list below, and every restrictable model's
default manager is the safe one."""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps

from oversight.visibility.records import Restrictable, VisibleManager

ROOT = Path(__file__).resolve().parent.parent / "oversight"

# Modules that write or match records (never what a page, feed or export shows).
ALLOWED = {
    "backups/databases.py",  # only asks whether any row at all exists, before a restore
    "chasing/operations.py",
    "chasing/schedule.py",
    "community/demo.py",
    "community/operations.py",
    "demo/management/commands/demo.py",
    "editing.py",
    "indicators/demo.py",
    "indicators/feeds.py",
    "indicators/management/commands/indicators_import.py",
    "indicators/operations.py",
    "ingest/loading/actions.py",
    "ingest/loading/base.py",
    "meetings/demo.py",
    "meetings/models.py",
    "meetings/operations/_common.py",
    "meetings/operations/agenda.py",
    "meetings/operations/meetings.py",
    "meetings/operations/minutes.py",
    "meetings/operations/plan.py",
    "moderngov/operations.py",
    "moderngov/writing.py",
    "search/index.py",
    "tracker/operations.py",
    "visibility/records.py",
    "visibility/shown.py",  # compiles the rule into the triggers that keep the flag
}
UNRESTRICTED = {"private_objects", "_base_manager", "_default_manager"}


def _unrestricted_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in UNRESTRICTED:
            lines.append(node.lineno)
        # `review.items(manager="private_objects")`
        if isinstance(node, ast.keyword) and node.arg == "manager":
            lines.append(node.value.lineno)
    return lines


def test_unrestricted_managers_are_used_only_where_records_are_written():
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative or relative in ALLOWED:
            continue
        offenders += [f"{relative}:{line}" for line in _unrestricted_uses(path)]
    assert offenders == [], "Unrestricted queries outside the allow-list: " + ", ".join(offenders)


def test_every_restrictable_model_defaults_to_the_safe_manager():
    restrictable = [m for m in apps.get_models() if issubclass(m, Restrictable)]
    assert len(restrictable) >= 11
    for model in restrictable:
        assert isinstance(model._default_manager, VisibleManager), model.__name__
        assert model._default_manager.name == "objects", model.__name__


def test_the_check_finds_an_unrestricted_query(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def leak(m):\n    return m.private_objects.all(), m._default_manager\n")
    assert _unrestricted_uses(probe) == [2, 2]
