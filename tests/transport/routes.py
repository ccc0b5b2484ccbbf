"""Every route of the app, generated from the URL resolver, with its path parameters filled in.

Nothing here is hand-listed: the routes come from ``get_resolver().url_patterns``, the query
parameter names from the source (``request.GET.get("…")`` and the fields of every form bound to
``request.GET``), and the path parameters from the rows a test made (or junk, where a test asks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.contrib import admin
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = [path.parent for path in ROOT.glob("*/apps.py")] + [ROOT / "config", ROOT / "common"]


@dataclass(frozen=True)
class Route:
    """A named URL pattern: ``name`` (with its namespaces) and its parameters' converter kinds."""

    name: str
    parameters: Mapping[str, str]  # name -> "int" | "slug" | "str" | "path"

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:")


def _kind(converter: object) -> str:
    if isinstance(converter, IntConverter):
        return "int"
    if isinstance(converter, SlugConverter):
        return "slug"
    if isinstance(converter, PathConverter):
        return "path"
    if isinstance(converter, StringConverter):
        return "str"
    return "str"


def all_routes() -> list[Route]:
    """Every named pattern of the root URLconf, namespaces joined as ``reverse`` wants them."""
    found: list[Route] = []

    def walk(patterns: list[URLPattern | URLResolver], namespaces: list[str]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, namespaces + ([pattern.namespace] if pattern.namespace else []))
                continue
            if not pattern.name:
                continue
            converters = getattr(pattern.pattern, "converters", {})
            parameters = {name: _kind(converter) for name, converter in converters.items()}
            regex = getattr(pattern.pattern, "regex", None)
            if not converters and regex is not None:
                parameters = {name: "path" for name in regex.groupindex}
            found.append(Route(name=":".join([*namespaces, pattern.name]), parameters=parameters))

    walk(get_resolver().url_patterns, [])
    return found


def _source_files() -> Iterator[Path]:
    for folder in SOURCE_FOLDERS:
        for path in folder.rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def _form_classes() -> dict[str, type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    pending: list[type[forms.BaseForm]] = [forms.Form, forms.ModelForm]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            found.setdefault(sub.__name__, sub)
            pending.append(sub)
    return found


def query_parameter_names() -> set[str]:
    """The names any view reads from the query string, found in the source."""
    names = {"next", "page", "q", "language", "format"}
    bound_forms: set[str] = set()
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r"GET\.(?:get|getlist)\(\s*[\"'](\w+)[\"']", text))
        names.update(re.findall(r"GET\[\s*[\"'](\w+)[\"']\s*\]", text))
        bound_forms.update(re.findall(r"(\w+)\(\s*request\.GET\b", text))
    classes = _form_classes()
    for name in bound_forms:
        if name in classes:
            names.update(getattr(classes[name], "base_fields", {}))
    return names


def admin_model_for(route: Route) -> type[Model] | None:
    """The model an admin route is about (``admin:<app>_<model>_<view>``), if any."""
    for model in admin.site._registry:
        if route.name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


JUNK_VALUES = {"int": "99999999999999999999", "slug": "-" + "x" * 300, "str": "'\"<x>;--", "path": "..%2f%27"}


def url_for(route: Route, values: Mapping[str, str], *, junk: bool = False) -> str | None:
    """The route's URL with each parameter from ``values`` (by name, then by kind) or junk."""
    kwargs: dict[str, str] = {}
    model = admin_model_for(route) if route.is_admin else None
    for name, kind in route.parameters.items():
        if junk:
            kwargs[name] = JUNK_VALUES[kind]
        elif model is not None and name == "object_id":
            first = model._default_manager.order_by("pk").first()
            kwargs[name] = str(first.pk) if first is not None else "1"
        elif f"{route.name}.{name}" in values:
            kwargs[name] = values[f"{route.name}.{name}"]
        elif name in values:
            kwargs[name] = values[name]
        else:
            kwargs[name] = values[kind]
    try:
        return reverse(route.name, kwargs=kwargs)
    except Exception:  # a value the converter does not take (junk for a stricter pattern)
        return None
