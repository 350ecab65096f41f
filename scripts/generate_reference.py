"""Generate the reference pages under ``docs/reference/`` from the code, as plain Markdown.

The pages are committed, so a reader finds every signature, field, enumeration id and building
block by reading Markdown in the repository, without building the site; the site renders the
same files. ``tests/test_reference_pages.py`` fails when a committed page differs from what this
script generates (a docstring, a field or an enumeration changed): run it again and commit.

* ``docs/reference/api.md`` — an index of the public modules;
* ``docs/reference/api/<module>.md`` — one page per module: its docstring, then each public
  class, function and constant with its signature (an attrs class's fields, in order, with types
  and defaults), its documentation, and its public methods and properties;
* ``docs/reference/blocks.md`` — every building block a rule set is written with, by family;
* ``docs/reference/enumerations.md`` — the tables between its ``<!-- enum-tables -->`` markers;
* ``docs/reference/errors.md`` — the table of every error code (from
  :mod:`cppcc_model.catalogue`) between its ``<!-- error-codes -->`` markers.

Everything is read statically with griffe (the code is not imported for the API pages), in
source order, so the output is the same on every machine. Run from the repository root::

    python scripts/generate_reference.py          # write the pages
    python scripts/generate_reference.py --check  # exit 1 and list the stale pages
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import griffe

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
REFERENCE = ROOT / "docs" / "reference"
API = REFERENCE / "api"

MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "The domain model",
        (
            "cppcc_model.model",
            "cppcc_model.model.organizations",
            "cppcc_model.model.people",
            "cppcc_model.model.periods",
            "cppcc_model.dates",
            "cppcc_model.when",
            "cppcc_model.model.activities",
            "cppcc_model.model.proposals",
            "cppcc_model.model.reports",
            "cppcc_model.model.contributions",
            "cppcc_model.model.inputs",
            "cppcc_model.model.workplan",
            "cppcc_model.model.awards",
            "cppcc_model.model.office",
            "cppcc_model.ledger",
            "cppcc_model.labels",
            "cppcc_model.errors",
            "cppcc_model.catalogue",
            "cppcc_model.numbers",
            "cppcc_model.checks",
            "cppcc_model.messages",
            "cppcc_model.suggest",
            "cppcc_model.progress",
        ),
    ),
    (
        "Rules",
        (
            "cppcc_model.rules",
            "cppcc_model.rules.facts",
            "cppcc_model.rules.selection",
            "cppcc_model.rules.values",
            "cppcc_model.rules.guard",
            "cppcc_model.rules.plugin_code",
            "cppcc_model.rules.walk",
            "cppcc_model.rules.attribution",
            "cppcc_model.rules.counting",
            "cppcc_model.rules.items",
            "cppcc_model.rules.outcomes",
            "cppcc_model.rules.conditions",
            "cppcc_model.rules.inputs",
            "cppcc_model.rules.extension",
            "cppcc_model.rules.groups",
            "cppcc_model.rules.awards",
            "cppcc_model.rules.quotas",
            "cppcc_model.rules.award_gates",
            "cppcc_model.rules.ruleset",
            "cppcc_model.rules.readings",
            "cppcc_model.rules.registry",
            "cppcc_model.rules.toml",
            "cppcc_model.rules.outline",
        ),
    ),
    (
        "Assessment",
        (
            "cppcc_model.assess",
            "cppcc_model.assess.engine",
            "cppcc_model.assess.figures",
            "cppcc_model.scorecard",
            "cppcc_model.assess.ranking",
            "cppcc_model.assess.cohorts",
            "cppcc_model.assess.groups",
            "cppcc_model.assess.awards",
            "cppcc_model.assess.award_candidates",
            "cppcc_model.assess.award_results",
            "cppcc_model.assess.award_run",
            "cppcc_model.assess.award_review",
            "cppcc_model.assess.award_selection",
            "cppcc_model.assess.member_ranking",
            "cppcc_model.engine",
            "cppcc_model.engine.support",
            "cppcc_model.engine.evaluate",
            "cppcc_model.engine.bounds",
            "cppcc_model.assess.requirements",
            "cppcc_model.names",
        ),
    ),
    (
        "Proposals, 社情民意 and attendance",
        (
            "cppcc_model.proposals",
            "cppcc_model.proposals.submission",
            "cppcc_model.proposals.report",
            "cppcc_model.information",
            "cppcc_model.information.report",
            "cppcc_model.workflow",
            "cppcc_model.attendance",
        ),
    ),
    (
        "Outputs: results tables, workbooks, reports",
        (
            "cppcc_model.outputs",
            "cppcc_model.outputs.tables",
            "cppcc_model.outputs.results",
            "cppcc_model.outputs.meeting",
            "cppcc_model.outputs.dossier",
            "cppcc_model.outputs.template",
            "cppcc_model.outputs.write",
            "cppcc_model.outputs.text",
            "cppcc_model.outputs.xlsx",
            "cppcc_model.outputs.html",
            "cppcc_model.outputs.svg",
        ),
    ),
    (
        "Files and data",
        (
            "cppcc_model.io.dataset",
            "cppcc_model.io.json",
            "cppcc_model.io.rows",
            "cppcc_model.io.database",
            "cppcc_model.io.results",
            "cppcc_model.io.schema",
            "cppcc_model.io.frames",
            "cppcc_model.io.popolo",
            "cppcc_model.io.safe_text",
            "cppcc_model.text",
            "cppcc_model.io.atomic",
            "cppcc_model.io.safe_xlsx",
            "cppcc_model.service.app",
            "cppcc_model.service.requests",
        ),
    ),
    (
        "Plugins and the author's kit",
        (
            "cppcc_model.hookspecs",
            "cppcc_model.plugins",
            "cppcc_model.testing.golden",
            "cppcc_model.testing.conformance",
            "cppcc_model.testing.codes",
        ),
    ),
)
"""The documented modules, by part, in reading order (a module missing here is not public)."""

ROLE = re.compile(r":(?:py:)?(?:class|mod|func|meth|attr|data|exc|obj|const):`(?P<target>[^`]+)`")
LITERAL = re.compile(r"``(?P<code>[^`]+?)``")

SECTION_TITLES = {
    "parameters": "Args",
    "other parameters": "Other args",
    "raises": "Raises",
    "warns": "Warns",
    "returns": "Returns",
    "yields": "Yields",
    "receives": "Receives",
    "attributes": "Attributes",
    "examples": "Examples",
}


def page_of(module: str) -> str:
    """The file name of ``module``'s page, under ``docs/reference/api/``."""
    return f"{module}.md"


class Pages:
    """Renders the API pages; knows which object is documented on which page."""

    def __init__(self, package: griffe.Module) -> None:
        self.package = package
        self.modules = [name for _, names in MODULES for name in names]
        self.anchors: dict[str, tuple[str, str]] = {}
        """Each documented object's path: the page and the heading id it is documented under."""
        for module_name in self.modules:
            module = self.module(module_name)
            page = page_of(module_name)
            self.anchors[module.path] = (page, module.path)
            for member in self.documented(module):
                self.anchors[member.path] = (page, member.path)
                if member.is_class:
                    for child in self.class_members(member):
                        self.anchors[child.path] = (page, child.path)
            for name, target in self.adopted(module):
                # documented on this page, under the name it is imported by
                anchor = f"{module_name}.{name}"
                self.anchors[anchor] = (page, anchor)
                self.anchors.setdefault(target.path, (page, anchor))
                if target.is_class:
                    for child in self.class_members(target):
                        self.anchors[child.path] = (page, child.path)

    def module(self, name: str) -> griffe.Module:
        """The loaded module called ``name``."""
        found = self.package if name == self.package.path else self.package[name[12:]]
        assert isinstance(found, griffe.Module), name
        return found

    @staticmethod
    def documented(module: griffe.Module) -> list[griffe.Object]:
        """The public objects ``module`` defines (its ``__all__`` when it has one), by line."""
        exports = set(module.exports or ())
        found = [
            member
            for name, member in module.members.items()
            if not member.is_alias
            and not name.startswith("_")
            and (name in exports if exports else True)
            and (member.is_class or member.is_function or member.docstring is not None)
        ]
        return sorted(found, key=lambda m: m.lineno or 0)  # type: ignore[return-value]

    def adopted(self, module: griffe.Module) -> list[tuple[str, griffe.Object]]:
        """Names ``module`` re-exports from a module that has no page: documented here."""
        found = []
        for name in sorted(module.exports or ()):
            member = module.members.get(name)
            if member is None or not member.is_alias:
                continue
            try:
                target = member.final_target
            except Exception:  # an alias that does not resolve
                continue
            if target.module.path not in self.modules:
                found.append((name, target))
        return found

    @staticmethod
    def class_members(cls: griffe.Object) -> list[griffe.Object]:
        """A class's public methods and properties (not its fields), by line."""
        found = [
            member
            for name, member in cls.members.items()
            if not member.is_alias
            and not name.startswith("_")
            and member.is_function
            and member.docstring is not None
        ]
        return sorted(found, key=lambda m: m.lineno or 0)  # type: ignore[return-value]

    # ------------------------------------------------------------------ text

    def link(self, path: str, shown: str, here: str) -> str:
        """``shown`` as code, linked to ``path``'s section when it is documented."""
        found = self.anchors.get(path)
        if found is None:
            return f"`{shown}`"
        page, anchor = found
        target = f"#{anchor}" if page == here else f"{page}#{anchor}"
        return f"[`{shown}`]({target})"

    def qualify(self, obj: griffe.Object, target: str) -> str:
        """The full dotted path ``target`` names from ``obj``'s scope (itself when unresolved)."""
        if target.startswith("cppcc_model"):
            return self.canonical(target)
        head, _, rest = target.partition(".")
        try:
            base = obj.resolve(head)
        except Exception:  # griffe's NameResolutionError, or an import it did not load
            return target
        return self.canonical(f"{base}.{rest}" if rest else base)

    def canonical(self, path: str) -> str:
        """The documented path of the object ``path`` names (a re-export's target, or itself)."""
        if path in self.anchors:
            return path
        try:
            found = self.package.modules_collection.get_member(path)
        except Exception:  # not loaded: a standard-library or third-party name
            return path
        try:
            target = str(found.final_target.path) if found.is_alias else str(found.path)
        except Exception:  # an alias that does not resolve
            return path
        if target in self.anchors:
            return target
        return target

    def text(self, obj: griffe.Object, text: str, here: str) -> str:
        """Docstring text as Markdown: roles become links, reST literals become code."""

        def role(match: re.Match[str]) -> str:
            written = match["target"].strip()
            target = written.lstrip("~")
            shown = target.rsplit(".", 1)[-1] if written.startswith("~") else target
            return self.link(self.qualify(obj, target), shown, here)

        text = ROLE.sub(role, text)
        text = LITERAL.sub(lambda m: f"`{m['code']}`", text)
        # reST's literal block marker: "text::" then an indented block.
        return re.sub(r"::\n", ":\n", text)

    def docstring(
        self, obj: griffe.Object, here: str, skip: frozenset[str] = frozenset()
    ) -> list[str]:
        """The Markdown of ``obj``'s docstring, section by section (but the ``skip`` kinds)."""
        if obj.docstring is None:
            return []
        lines: list[str] = []
        for section in obj.docstring.parse("google"):
            kind = section.kind.value
            if kind in skip:
                continue
            if kind == "text":
                lines += [self.text(obj, str(section.value), here), ""]
                continue
            if kind in ("admonition",):
                value = section.value
                title = getattr(value, "annotation", None) or section.title or "Note"
                body = self.text(obj, getattr(value, "description", ""), here)
                lines += [f"**{title}:** {body}", ""]
                continue
            title = section.title or SECTION_TITLES.get(kind, kind.title())
            lines += [f"**{title}:**", ""]
            if kind == "examples":
                for sub_kind, value in section.value:
                    if sub_kind.value == "examples":
                        lines += ["```pycon", value, "```"]
                    else:
                        lines.append(self.text(obj, value, here))
                lines.append("")
                continue
            items = section.value if isinstance(section.value, list) else [section.value]
            for item in items:
                lines.append(self.item(obj, item, here))
            lines.append("")
        return lines

    def item(self, obj: griffe.Object, item: object, here: str) -> str:
        """One entry of a parameters, returns, raises or attributes section."""
        name = getattr(item, "name", "") or ""
        annotation = getattr(item, "annotation", None)
        description = self.text(obj, str(getattr(item, "description", "") or ""), here)
        description = " ".join(line.strip() for line in description.splitlines())
        if name:
            head = f"`{name}`"
            if annotation:
                head += f" (`{annotation}`)"
        elif annotation:
            head = self.link(self.qualify(obj, str(annotation)), str(annotation), here)
        else:
            return f"- {description}"
        return f"- {head}: {description}" if description else f"- {head}"

    # ------------------------------------------------------------- signatures

    @staticmethod
    def is_attrs(cls: griffe.Object) -> bool:
        """Whether ``cls`` is declared with ``@attrs.frozen`` / ``define`` / ``attr.s``."""
        return any(
            str(d.value).split("(")[0]
            in {"attrs.frozen", "attrs.define", "attr.s", "attrs.mutable"}
            for d in cls.decorators
        )

    @staticmethod
    def fields(cls: griffe.Object) -> list[tuple[str, str, str | None]]:
        """An attrs class's fields: name, type and default (``None``: required)."""
        found = []
        for name, member in cls.members.items():
            if member.is_alias or not member.is_attribute:
                continue
            if "instance-attribute" not in member.labels or name.startswith("_"):
                continue
            annotation = str(member.annotation) if member.annotation is not None else ""
            if annotation.startswith("ClassVar"):
                continue
            default = Pages.default(member)
            found.append((name, annotation, default, member.lineno or 0))
        found.sort(key=lambda f: f[3])
        return [(name, annotation, default) for name, annotation, default, _ in found]

    @staticmethod
    def default(member: griffe.Object) -> str | None:
        """A field's default as written in the source (``None``: the field is required)."""
        value = member.value  # type: ignore[union-attr]
        if value is None:
            return None
        if isinstance(value, griffe.ExprCall) and str(value.function) in {
            "attrs.field",
            "attr.ib",
            "field",
        }:
            for argument in value.arguments:
                if isinstance(argument, griffe.ExprKeyword):
                    if argument.name == "default":
                        return str(argument.value)
                    if argument.name == "factory":
                        return f"{argument.value}()"
            return None
        return str(value)

    def signature(self, obj: griffe.Object) -> str | None:
        """A function's or an attrs class's call signature, as Python."""
        if obj.is_function:
            params = ", ".join(self.parameter(p) for p in obj.parameters)  # type: ignore[attr-defined]
            returns = obj.returns  # type: ignore[attr-defined]
            arrow = f" -> {returns}" if returns is not None else ""
            return f"{obj.name}({params}){arrow}"
        if obj.is_class and self.is_attrs(obj):
            fields = self.fields(obj)
            rendered = [
                f"{name}: {annotation}" + (f" = {default}" if default is not None else "")
                for name, annotation, default in fields
            ]
            return f"{obj.name}({', '.join(rendered)})"
        if obj.is_class and "__init__" in obj.members and not obj.members["__init__"].is_alias:
            init = obj.members["__init__"]
            params = [p for p in init.parameters if p.name != "self"]  # type: ignore[attr-defined]
            return f"{obj.name}({', '.join(self.parameter(p) for p in params)})"
        return None

    @staticmethod
    def parameter(parameter: griffe.Parameter) -> str:
        """One parameter as written (``*args``, ``name: type = default``)."""
        kind = parameter.kind.value
        star = {"variadic positional": "*", "variadic keyword": "**"}.get(kind, "")
        text = f"{star}{parameter.name}"
        if parameter.annotation is not None:
            text += f": {parameter.annotation}"
        if parameter.default is not None:
            text += f" = {parameter.default}" if parameter.annotation else f"={parameter.default}"
        return text

    @staticmethod
    def wrap(signature: str) -> str:
        """A long signature with one parameter a line, as ruff format would lay it out."""
        if len(signature) <= 96:
            return signature
        head, _, rest = signature.partition("(")
        body, _, tail = rest.rpartition(")")
        parts, depth, start = [], 0, 0
        for index, char in enumerate(body):
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
            elif char == "," and depth == 0:
                parts.append(body[start:index].strip())
                start = index + 1
        parts.append(body[start:].strip())
        inner = "".join(f"    {part},\n" for part in parts if part)
        return f"{head}(\n{inner}){tail}"

    # ------------------------------------------------------------------ pages

    def kind(self, obj: griffe.Object) -> str:
        """What ``obj`` is, in a few words."""
        if obj.is_class:
            bases = [str(b) for b in obj.bases]  # type: ignore[attr-defined]
            what = "attrs class" if self.is_attrs(obj) else "class"
            return f"{what}" + (f" ({', '.join(bases)})" if bases else "")
        if obj.is_function:
            labels = obj.labels
            if "property" in labels:
                return "property"
            if "classmethod" in labels:
                return "class method"
            if "staticmethod" in labels:
                return "static method"
            return "method" if obj.parent is not None and obj.parent.is_class else "function"
        return "constant"

    def section(
        self, obj: griffe.Object, level: int, here: str, title: str, anchor: str | None = None
    ) -> list[str]:
        """The heading, signature and documentation of one object."""
        anchor = anchor or obj.path
        lines = [f"{'#' * level} {title} {{ #{anchor} }}", "", f"*{self.kind(obj)}*", ""]
        signature = self.signature(obj) if "property" not in obj.labels else None
        if signature is not None:
            lines += ["```python no-run", self.wrap(signature), "```", ""]
        elif obj.is_attribute:
            annotation = f": {obj.annotation}" if obj.annotation is not None else ""  # type: ignore[attr-defined]
            value = str(obj.value) if obj.value is not None else "…"  # type: ignore[attr-defined]
            if len(value) > 90:
                value = value[:87] + "…"
            lines += ["```python no-run", f"{obj.name}{annotation} = {value}", "```", ""]
        fields = self.fields(obj) if obj.is_class and self.is_attrs(obj) else []
        lines += self.docstring(
            obj, here, skip=frozenset({"attributes"}) if fields else frozenset()
        )
        if fields:
            meanings = self.attribute_meanings(obj, here)
            lines += ["| field | type | default | meaning |", "|---|---|---|---|"]
            for name, annotation, default in fields:
                shown = "*required*" if default is None else f"`{_cell(default)}`"
                meaning = _cell(meanings.get(name, ""))
                lines.append(f"| `{name}` | `{_cell(annotation)}` | {shown} | {meaning} |")
            lines.append("")
        return lines

    def attribute_meanings(self, obj: griffe.Object, here: str) -> dict[str, str]:
        """What the class docstring's ``Attributes:`` section says of each field."""
        if obj.docstring is None:
            return {}
        meanings: dict[str, str] = {}
        for section in obj.docstring.parse("google"):
            if section.kind.value != "attributes":
                continue
            for item in section.value:
                text = self.text(obj, str(item.description or ""), here)
                meanings[item.name] = " ".join(line.strip() for line in text.splitlines())
        for name, member in obj.members.items():
            if name not in meanings and not member.is_alias and member.docstring is not None:
                text = self.text(obj, member.docstring.value, here)
                meanings[name] = " ".join(line.strip() for line in text.splitlines())
        return meanings

    def page(self, module_name: str) -> str:
        """The Markdown page of one module."""
        module = self.module(module_name)
        here = page_of(module_name)
        lines = [f"# `{module_name}` {{ #{module_name} }}", ""]
        lines += self.docstring(module, here)
        aliases = self.exported_aliases(module)
        if aliases:
            lines += [
                "## Re-exported names",
                "",
                "Importable from here; each is documented where it is defined.",
                "",
                "| name | defined in |",
                "|---|---|",
            ]
            for name, target in aliases:
                # An autorefs anchor, so `[X][this.module.X]` in the docs finds the definition.
                anchors = [f"{module_name}.{name}"]
                defined = self.package.modules_collection.get_member(target)
                if defined.is_class:  # its methods, under the name they are imported by
                    anchors += [
                        f"{module_name}.{name}.{m.name}" for m in self.class_members(defined)
                    ]
                anchor = "".join(f"[](){{ #{a} }}" for a in anchors)
                lines.append(f"| {anchor}{self.link(target, name, here)} | `{target}` |")
            lines.append("")
        for name, target in self.adopted(module):
            lines += self.section(target, 2, here, name, anchor=f"{module_name}.{name}")
            if target.is_class:
                for member in self.class_members(target):
                    lines += self.section(member, 3, here, f"{name}.{member.name}")
        for obj in self.documented(module):
            lines += self.section(obj, 2, here, obj.name)
            if obj.is_class:
                for member in self.class_members(obj):
                    lines += self.section(member, 3, here, f"{obj.name}.{member.name}")
        return _tidy(lines)

    def exported_aliases(self, module: griffe.Module) -> list[tuple[str, str]]:
        """The names ``module`` re-exports from elsewhere, with where each is defined."""
        found = []
        for name in sorted(module.exports or ()):
            member = module.members.get(name)
            if member is None or not member.is_alias:
                continue
            target = self.canonical(f"{module.path}.{name}")
            if target in self.anchors:
                found.append((name, target))
        return found

    def index(self) -> str:
        """``docs/reference/api.md``: what the API reference holds, module by module."""
        lines = [
            "# API reference",
            "",
            "<!-- Generated by scripts/generate_reference.py from the code; do not edit. -->",
            "",
            "Everything listed here is public and follows semantic versioning; names starting",
            "with an underscore are not. One page per module, generated from the docstrings and",
            "committed, so it reads the same in the repository and on the site. Every",
            "enumeration's ids, Chinese labels and aliases are tabled in",
            "[Enumerations](enumerations.md); the building blocks of rule sets, by family, in",
            "[Building blocks](blocks.md); what each error means in [Errors](errors.md); the",
            "plugin hooks in [Hooks](hooks.md).",
            "",
        ]
        for part, names in MODULES:
            lines += [f"## {part}", "", "| module | what it is |", "|---|---|"]
            for name in names:
                module = self.module(name)
                summary = ""
                if module.docstring is not None:
                    summary = module.docstring.value.strip().split("\n\n", 1)[0]
                    summary = " ".join(self.text(module, summary, "").split())
                    summary = summary.replace("](cppcc_model.", "](api/cppcc_model.")
                lines.append(f"| [`{name}`](api/{page_of(name)}) | {_cell(summary)} |")
            lines.append("")
        return _tidy(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _tidy(lines: Iterable[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def _load_hook(name: str) -> ModuleType:
    path = ROOT / "docs" / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_reference_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ENUM_TABLES = re.compile(r"(<!-- enum-tables -->\n)(.*?)(<!-- /enum-tables -->)", re.DOTALL)


def enumerations_page(current: str) -> str:
    """``enumerations.md`` with the tables between its markers generated anew."""
    tables = _load_hook("enum_tables").render()
    if not ENUM_TABLES.search(current):
        raise SystemExit("docs/reference/enumerations.md has no <!-- enum-tables --> markers")
    return ENUM_TABLES.sub(lambda m: f"{m[1]}\n{tables}\n{m[3]}", current)


ERROR_CODES = re.compile(r"(<!-- error-codes -->\n)(.*?)(<!-- /error-codes -->)", re.DOTALL)


def _template(text: str) -> str:
    """A message template for a table cell: placeholders in italics, braces as they read."""
    text = re.sub(r"\{t_([a-z_]+)\}", r"*\1*", text)
    text = re.sub(r"\{([a-z_]+)\}", r"*\1*", text)
    return _cell(text.replace("{{", "{").replace("}}", "}").replace("`", "\\`"))


def error_codes(current: str) -> str:
    """``errors.md`` with the table of every code generated anew between its markers."""
    sys.path.insert(0, str(SRC))
    from cppcc_model.catalogue import AREAS, MESSAGES

    lines: list[str] = []
    for area in AREAS:
        entries = [entry for entry in MESSAGES if entry.code and entry.code[0] == area.letter]
        lines += [
            f"### {area.letter} — {area.en} ({area.zh})",
            "",
            f"{area.covers[0].upper()}{area.covers[1:]}.",
            "",
        ]
        lines += ["| code | message | 中文 | value |", "|---|---|---|---|"]
        for entry in entries:
            value = f"*{entry.value_name}*" if entry.value_name else ""
            lines.append(
                f"| `{entry.code}` | {_template(entry.en)} | {_template(entry.zh)} | {value} |"
            )
        lines.append("")
    if not ERROR_CODES.search(current):
        raise SystemExit("docs/reference/errors.md has no <!-- error-codes --> markers")
    table = _tidy(lines)
    return ERROR_CODES.sub(lambda m: f"{m[1]}\n{table}\n{m[3]}", current)


def blocks_page(pages: Pages) -> str:
    """``docs/reference/blocks.md``: every building block by family, with its signature."""
    sys.path.insert(0, str(SRC))
    import cppcc_model.rules
    from cppcc_model.rules.outline import block_families

    families = block_families(cppcc_model.rules)
    lines = [
        "# Building blocks",
        "",
        "<!-- Generated by scripts/generate_reference.py from the code; do not edit. -->",
        "",
        "Every block a rule set is written with, by family, with its signature and its meaning;",
        "the [rule pages](../rules/index.md) explain them with the clauses they express, and",
        "`cppcc rules blocks` prints this list. Each name links to its full documentation.",
        "",
    ]
    for family, entries in families.items():
        lines += [f"## {family}", ""]
        for name, meaning in entries:
            exported = getattr(cppcc_model.rules, name, None) or getattr(
                cppcc_model.assess.groups, name
            )
            path = f"{exported.__module__}.{exported.__qualname__}"
            obj = pages.package.modules_collection.get_member(path)
            signature = pages.signature(obj)
            link = pages.link(path, name, "../blocks.md").replace("](", "](api/", 1)
            meaning = pages.text(obj, meaning, "../blocks.md").replace("](", "](api/")
            lines += [f"### {name}", "", f"{link} — {_cell(meaning)}", ""]
            if signature is not None:
                lines += ["```python no-run", pages.wrap(signature), "```", ""]
    return _tidy(lines)


def generate() -> dict[Path, str]:
    """Every generated page: its path and its text."""
    package = griffe.load("cppcc_model", search_paths=[str(SRC)], docstring_parser="google")
    assert isinstance(package, griffe.Module)
    pages = Pages(package)
    out: dict[Path, str] = {REFERENCE / "api.md": pages.index()}
    for name in pages.modules:
        out[API / page_of(name)] = pages.page(name)
    out[REFERENCE / "blocks.md"] = blocks_page(pages)
    enumerations = REFERENCE / "enumerations.md"
    out[enumerations] = enumerations_page(enumerations.read_text(encoding="utf-8"))
    errors = REFERENCE / "errors.md"
    out[errors] = error_codes(errors.read_text(encoding="utf-8"))
    return out


def stale(pages: dict[Path, str]) -> list[Path]:
    """The generated pages whose committed file differs, and committed pages no longer made."""
    found = [
        path
        for path, text in pages.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    found += sorted(p for p in API.glob("*.md") if p not in pages)
    return found


def main(argv: list[str] | None = None) -> int:
    """Write the pages, or with ``--check`` list the stale ones and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale pages")
    args = parser.parse_args(argv)
    pages = generate()
    if args.check:
        outdated = stale(pages)
        for path in outdated:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if outdated else 0
    API.mkdir(parents=True, exist_ok=True)
    for path in API.glob("*.md"):
        if path not in pages:
            path.unlink()
    for path, text in pages.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages under {REFERENCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
