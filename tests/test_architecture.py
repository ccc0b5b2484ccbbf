"""The architecture holds: pbrules imports no Django, dependencies between apps point one way, and
docs/architecture.md names every app and draws the import contracts as they are."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
APPS_START = "<!-- apps:"
APPS_END = "<!-- /apps -->"


def _load_script(name: str) -> ModuleType:
    """A module of scripts/ (not a package), loaded by its path as the tests' conftest does."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


architecture_diagram = _load_script("architecture_diagram")


def test_import_contracts_in_pyproject_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def named_apps() -> list[str]:
    """The folders docs/architecture.md names in its one-line-per-app table."""
    document = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = document[document.index(APPS_START) : document.index(APPS_END)]
    return re.findall(r"^\| `(\w+)/` \|", table, flags=re.M)


def test_every_app_the_architecture_page_names_exists() -> None:
    names = named_apps()
    assert names and len(names) == len(set(names))
    missing = [
        name for name in names if not any((ROOT / name / f).is_file() for f in ("apps.py", "__init__.py"))
    ]
    assert not missing, f"docs/architecture.md names apps that do not exist: {missing}"


def test_every_installed_app_of_ours_is_named_on_the_architecture_page() -> None:
    ours = {
        Path(config.path).resolve().relative_to(ROOT).parts[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(ROOT)
        and ".venv" not in Path(config.path).resolve().relative_to(ROOT).parts
    }
    unnamed = sorted(ours - set(named_apps()))
    assert not unnamed, f"add a line for each to the app table of docs/architecture.md: {unnamed}"


def test_the_architecture_page_shows_the_import_contracts_as_drawn_now() -> None:
    document = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert architecture_diagram.in_document(document) == architecture_diagram.embedded(
        architecture_diagram.render()
    ), "run .venv/bin/python scripts/architecture_diagram.py --write"


def test_the_diagram_draws_layers_siblings_and_forbidden_imports(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        """
[[tool.importlinter.contracts]]
name = "Layers"
type = "layers"
layers = ["top", "left | right", "one : two", "bottom"]

[[tool.importlinter.contracts]]
name = "Alone"
type = "forbidden"
source_modules = ["lib"]
forbidden_modules = ["django", "top"]
""",
        encoding="utf-8",
    )
    lines = architecture_diagram.render(pyproject).splitlines()
    assert lines[0] == "Layers" and lines[-2:] == ["Alone", "lib never imports: django, top"]
    rows = [line.strip("│ ") for line in lines if line.startswith("│")]
    assert rows == ["top", "left  |  right", "one  :  two", "bottom"]
    assert sum("▼" in line for line in lines[:-3]) == 4  # three arrows and the legend
