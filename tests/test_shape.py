"""Every app keeps the shape of issue 13: small modules, short functions, thin views, one name per part.

The limits hold for every module outside ``demo/content``, migrations and the tests (``scripts/`` and
``bench/`` count): no module over 400 lines; no function over 60 lines, counted from its ``def`` line
to its last line (decorators not counted, the docstring counted, a nested function on its own),
except a ``pbrules`` kernel whose docstring carries a line ``Kernel: long on purpose because …``;
no view (a top-level function taking ``request`` first in an app's ``views`` module or package) over
25 lines. A sub-domain is a subpackage, never a file-name suffix (``forms_staff.py``,
``selectors_round.py``, ``decision_urls.py``), and every URL namespace is an app label.

``KNOWN_OFFENDERS`` lists what breaks a rule, with its measured size: empty since issue 13 made every
module keep them. An exception must be argued in review and written here; a new offender fails, a
listed one that grew fails, and so does a listed one that no longer offends (take its line out).
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

import pytest
from django.apps import apps
from django.urls import get_resolver

ROOT = Path(__file__).resolve().parents[1]
MODULE_LIMIT = 400
FUNCTION_LIMIT = 60
VIEW_LIMIT = 25
KERNEL_MARKER = "Kernel: long on purpose because"
KERNEL_HOME = "pbrules/"
SKIPPED_FOLDERS = {"node_modules", "migrations", "__pycache__"}
SKIPPED_PREFIXES = ("tests/", "demo/content/")
# The parts an app is made of; a sub-domain repeats them in a subpackage instead of a file-name suffix.
PARTS = ("models", "services", "selectors", "forms", "views", "urls", "errors", "admin", "tasks")
SUFFIXED = re.compile(rf"^(({'|'.join(PARTS)})_\w+|\w+_({'|'.join(PARTS)}))$")
# Folders whose module names are public names chosen elsewhere: ``{% load forms_ui %}``, commands.
PUBLIC_NAMES = ("templatetags", "commands")

# "kind target size": what offends today (nothing). Sorted, one line each; it only shrinks.
KNOWN_OFFENDERS: tuple[str, ...] = ()


@dataclass(frozen=True)
class Offence:
    kind: str  # function, module, namespace, suffix, view
    target: str  # path, path::qualified.name, or a namespace
    size: int = 0  # lines, where the rule counts lines

    def __str__(self) -> str:
        return f"{self.kind} {self.target} {self.size}" if self.size else f"{self.kind} {self.target}"


def parse(line: str) -> Offence:
    kind, target, *size = line.split()
    return Offence(kind, target, int(size[0]) if size else 0)


def python_files() -> Iterator[Path]:
    """Every module of ours that the limits cover, as a path relative to the repository."""
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(s for s in subfolders if s not in SKIPPED_FOLDERS and not s.startswith("."))
        for name in sorted(files):
            path = (Path(folder) / name).relative_to(ROOT)
            if name.endswith(".py") and not path.as_posix().startswith(SKIPPED_PREFIXES):
                yield path


def app_folders() -> list[str]:
    """Our Django apps (and ``common``): the folders whose sub-domains must be subpackages."""
    ours = {
        Path(config.path).relative_to(ROOT).parts[0]
        for config in apps.get_app_configs()
        if is_ours(config.path)
    }
    return sorted(ours | {"common"})


def is_ours(path: str) -> bool:
    resolved = Path(path).resolve()
    return resolved.is_relative_to(ROOT) and ".venv" not in resolved.relative_to(ROOT).parts


def documents_why(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A kernel says why it is long: a docstring line ``Kernel: long on purpose because <reason>``."""
    lines = (ast.get_docstring(function) or "").splitlines()
    return any(line.strip().startswith(KERNEL_MARKER) and line.strip() != KERNEL_MARKER for line in lines)


def functions(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method with its qualified name, nested ones included."""

    def walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield f"{prefix}{child.name}", child
                yield from walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    return walk(tree, "")


def length(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """From the ``def`` line (decorators sit above it) to the last line, docstring included."""
    return (function.end_lineno or function.lineno) - function.lineno + 1


def is_view_module(path: Path) -> bool:
    return path.parts[0] in app_folders() and any(part.startswith("views") for part in path.parts[1:])


def is_view(function: ast.stmt) -> TypeGuard[ast.FunctionDef | ast.AsyncFunctionDef]:
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    arguments = [*function.args.posonlyargs, *function.args.args]
    return bool(arguments) and arguments[0].arg == "request"


def measure_source(path: str, source: str, *, view_module: bool = False) -> set[Offence]:
    """The module, function and view limits that ``source`` (the module at ``path``) breaks."""
    offences = set()
    lines = len(source.splitlines())
    if lines > MODULE_LIMIT:
        offences.add(Offence("module", path, lines))
    tree = ast.parse(source)
    seen: dict[str, int] = {}
    for name, function in functions(tree):
        seen[name] = seen.get(name, 0) + 1
        target = f"{path}::{name}" + (f"#{seen[name]}" if seen[name] > 1 else "")
        exempt = path.startswith(KERNEL_HOME) and documents_why(function)
        if length(function) > FUNCTION_LIMIT and not exempt:
            offences.add(Offence("function", target, length(function)))
    if view_module:
        for node in tree.body:
            if is_view(node) and length(node) > VIEW_LIMIT:
                offences.add(Offence("view", f"{path}::{node.name}", length(node)))
    return offences


def measured() -> set[Offence]:
    offences = set()
    for path in python_files():
        source = (ROOT / path).read_text(encoding="utf-8")
        offences |= measure_source(path.as_posix(), source, view_module=is_view_module(path))
    return offences | suffixed_modules() | foreign_namespaces()


def suffixed_modules() -> set[Offence]:
    """Modules and packages in an app named ``<part>_<x>`` or ``<x>_<part>``."""
    offences = set()
    for app in app_folders():
        for folder, subfolders, files in os.walk(ROOT / app):
            subfolders[:] = [s for s in subfolders if s not in SKIPPED_FOLDERS and s not in PUBLIC_NAMES]
            packages = [s for s in subfolders if (Path(folder) / s / "__init__.py").exists()]
            for name in [*packages, *(f.removesuffix(".py") for f in files if f.endswith(".py"))]:
                if SUFFIXED.match(name):
                    path = (Path(folder) / name).relative_to(ROOT).as_posix()
                    offences.add(Offence("suffix", path + ("/" if name in packages else ".py")))
    return offences


def foreign_namespaces() -> set[Offence]:
    """URL namespaces that are not an app's label, and app ``urls.py`` whose ``app_name`` is not it."""
    labels = {config.label for config in apps.get_app_configs()}
    offences = {Offence("namespace", name) for name in get_resolver().namespace_dict if name not in labels}
    for config in apps.get_app_configs():
        urls = Path(config.path) / "urls.py"
        if is_ours(config.path) and urls.exists():
            match = re.search(r"^app_name = ['\"](\w+)['\"]", urls.read_text(encoding="utf-8"), re.M)
            if match is None or match.group(1) != config.label:
                offences.add(Offence("namespace", urls.relative_to(ROOT).as_posix()))
    return offences


@pytest.fixture(scope="module")
def offences() -> set[Offence]:
    return measured()


def test_the_known_offenders_are_sorted_one_line_each() -> None:
    assert list(KNOWN_OFFENDERS) == sorted(set(KNOWN_OFFENDERS))
    assert all(str(parse(line)) == line for line in KNOWN_OFFENDERS)


@pytest.mark.parametrize("kind", ["function", "module", "namespace", "suffix", "view"])
def test_no_new_offender_and_the_known_ones_only_shrink(offences: set[Offence], kind: str) -> None:
    known = {offence.target: offence for offence in map(parse, KNOWN_OFFENDERS) if offence.kind == kind}
    found = {offence.target: offence for offence in offences if offence.kind == kind}
    new = sorted(str(found[target]) for target in found.keys() - known.keys())
    gone = sorted(str(known[target]) for target in known.keys() - found.keys())
    grown = sorted(
        f"{found[target]} (listed at {known[target].size})"
        for target in found.keys() & known.keys()
        if found[target].size > known[target].size
    )
    assert not new, "over the limit (make it smaller; the list only shrinks):\n" + "\n".join(new)
    assert not grown, "a known offender grew:\n" + "\n".join(grown)
    assert not gone, "no longer an offender: take it out of KNOWN_OFFENDERS\n" + "\n".join(gone)


LONG_BODY = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LIMIT))


def test_a_function_counts_from_def_to_its_last_line_without_decorators() -> None:
    source = f"@decorator\n@another\ndef f():\n{LONG_BODY}\n"  # def line + 60 lines: 61
    assert measure_source("voting/x.py", source) == {Offence("function", "voting/x.py::f", 61)}
    shorter = f"@decorator\ndef f():\n{LONG_BODY.split(chr(10), 1)[1]}\n"  # exactly 60
    assert measure_source("voting/x.py", shorter) == set()


def test_the_docstring_counts_and_a_nested_function_counts_on_its_own() -> None:
    nested = "\n".join("        " + line for line in f"def inner():\n{LONG_BODY}".splitlines())
    source = f'class C:\n    def outer(self):\n        """Doc."""\n{nested}\n'
    assert measure_source("review/x.py", source) == {
        Offence("function", "review/x.py::C.outer", 63),
        Offence("function", "review/x.py::C.outer.inner", 61),
    }


def test_only_a_pbrules_kernel_that_says_why_may_be_long() -> None:
    marked = f'def kernel():\n    """Run.\n\n    {KERNEL_MARKER} one loop is faster.\n    """\n{LONG_BODY}\n'
    bare = f'def kernel():\n    """Run.\n\n    {KERNEL_MARKER}\n    """\n{LONG_BODY}\n'
    assert measure_source("pbrules/rules/x.py", marked) == set()
    assert measure_source("pbrules/rules/x.py", bare) != set()
    assert measure_source("outcomes/x.py", marked) != set()


def test_a_view_is_a_top_level_function_taking_request_first_in_a_views_module() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(VIEW_LIMIT))
    source = f"def page(request, slug):\n{body}\n\ndef helper(edition):\n{body}\n"
    assert measure_source("voting/views/x.py", source, view_module=True) == {
        Offence("view", "voting/views/x.py::page", 26)
    }
    assert is_view_module(Path("voting/views/x.py")) and is_view_module(Path("backoffice/views.py"))
    assert not is_view_module(Path("voting/services/casting.py"))


def test_a_sub_domain_named_by_suffix_is_recognised() -> None:
    for name in ("forms_staff", "selectors_round", "decision_urls", "views_panel", "errors_round"):
        assert SUFFIXED.match(name), name
    for name in ("forms", "views", "ballot_round", "register_login", "sealing"):
        assert not SUFFIXED.match(name), name
