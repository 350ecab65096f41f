"""The ``cppcc`` command group: global options, exit codes, and one clear message per error.

Exit codes (documented in docs/reference/cli.md):

===  ===========================================================================================
0    success
1    internal error: a bug in cppcc-model or a plugin raised something unexpected (``--debug``
     shows the traceback; please report it)
2    bad input or usage: an invalid dataset, an unknown option, member or rule set, a malformed
     rule file, an output that cannot be written
3    a check failed: ``cppcc check`` found a member (or group) below a required minimum
4    a plugin failed: a plugin could not load under ``--plugin-strict``, or a rule raised while
     scoring
===  ===========================================================================================
"""

from __future__ import annotations

import enum
import importlib
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import click

if TYPE_CHECKING:
    from cppcc_model.messages import Lang
    from cppcc_model.plugins import Plugins, PluginWarning

__all__ = [
    "CliContext",
    "CppccGroup",
    "ExitCode",
    "LazyCommand",
    "PluginLoader",
    "cli_context",
    "exit_code_of",
]


class ExitCode(enum.IntEnum):
    """The exit status of ``cppcc``."""

    OK = 0
    INTERNAL_ERROR = 1
    BAD_INPUT = 2
    CHECK_FAILED = 3
    PLUGIN_ERROR = 4


PluginLoader = Callable[[bool], "Plugins"]
"""Loads the plugins; its argument says whether a failing plugin is an error (strict)."""


def _choose_lang(explicit: str | None) -> str:
    from cppcc_model.messages import choose_lang

    return choose_lang(explicit)


def say(key: str, **values: object) -> str:
    """The command's own words ``key`` in the running command's language."""
    from cppcc_model.messages import say as saying

    return saying(key, _lang(cli_context()), **values)


def _lang(obj: object) -> Lang:
    return "en" if isinstance(obj, CliContext) and obj.lang == "en" else "zh"


def _load_installed(strict: bool) -> Plugins:
    from cppcc_model.plugins import load_plugins

    return load_plugins(strict=strict)


class CliContext:
    """The global options of one ``cppcc`` run, passed to every sub-command as ``ctx.obj``.

    ``loader`` loads the plugins (installed entry points by default); a program embedding the
    command may pass its own loader as ``obj`` to :meth:`click.Group.main`. ``lang`` defaults
    to the language :func:`cppcc_model.messages.choose_lang` chooses. Immutable, compared by
    value. (A plain class, not attrs: ``cppcc --help`` then does not import attrs.)
    """

    __slots__ = ("debug", "lang", "loader", "strict")

    debug: bool
    strict: bool
    loader: PluginLoader
    lang: str

    def __init__(
        self,
        debug: bool = False,
        strict: bool = False,
        loader: PluginLoader = _load_installed,
        lang: str | None = None,
    ) -> None:
        """Set the options (``lang`` chosen from the environment when not given)."""
        fields = (debug, strict, loader, _choose_lang(None) if lang is None else lang)
        for name, value in zip(("debug", "strict", "loader", "lang"), fields, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse: the options of a run do not change."""
        raise AttributeError(f"CliContext is immutable; cannot set {name!r}")

    def _fields(self) -> tuple[bool, bool, PluginLoader, str]:
        return (self.debug, self.strict, self.loader, self.lang)

    def __eq__(self, other: object) -> bool:
        """Equal options."""
        if not isinstance(other, CliContext):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        """The options' hash."""
        return hash(self._fields())

    def __repr__(self) -> str:
        """``CliContext(debug=…, strict=…, loader=…, lang=…)``."""
        return (
            f"CliContext(debug={self.debug!r}, strict={self.strict!r}, "
            f"loader={self.loader!r}, lang={self.lang!r})"
        )

    def plugins(self) -> Plugins:
        """Load the plugins; each warning about a skipped plugin is one line on stderr."""
        from cppcc_model.messages import say as saying
        from cppcc_model.plugins import PluginWarning

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PluginWarning)
            plugins = self.loader(self.strict)
        lang: Lang = "en" if self.lang == "en" else "zh"
        for warning in caught:
            if isinstance(warning.message, PluginWarning):
                text = _skipped(warning.message, lang)
                click.echo(saying("warning", lang, text=text), err=True)
            else:
                warnings.showwarning(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
        return plugins


def _skipped(warning: PluginWarning, lang: Lang) -> str:
    """A skipped plugin's warning in ``lang``: which plugin, and why with its code and hint."""
    from cppcc_model.messages import render_error
    from cppcc_model.messages import say as saying

    if warning.error is None:
        return str(warning)
    why = render_error(warning.error, lang)
    return saying("plugin_skipped", lang, name=warning.plugin, text=why)


def cli_context() -> CliContext:
    """The :class:`CliContext` of the running command."""
    obj = click.get_current_context().find_root().obj
    if isinstance(obj, CliContext):
        return obj
    return CliContext()


def exit_code_of(error: BaseException) -> ExitCode:
    """The exit code an error ends the command with."""
    from cppcc_model.assess.engine import RuleEvaluationError
    from cppcc_model.errors import CppccError
    from cppcc_model.plugins import PluginError

    if isinstance(error, PluginError | RuleEvaluationError):
        return ExitCode.PLUGIN_ERROR
    if isinstance(error, CppccError):
        return ExitCode.BAD_INPUT
    return ExitCode.INTERNAL_ERROR


class LazyCommand(NamedTuple):
    """A sub-command imported only when it is run (or its own ``--help`` is asked for).

    A named tuple rather than an attrs class, so listing the commands imports no attrs.

    Attributes:
        target: where the click command lives, as ``"package.module:attribute"``.
        summary: the one-line help ``cppcc --help`` lists, so listing imports nothing; a test
            checks it equals the command's own short help.
        subcommands: further ``"module:attribute"`` commands attached to a command group when it
            is loaded (a group whose sub-commands live in other modules).
    """

    target: str
    summary: str
    subcommands: Sequence[str] = ()

    def load(self) -> click.Command:
        """Import the command (and attach its sub-commands)."""
        command = _import(self.target)
        if self.subcommands and isinstance(command, click.Group):
            for target in self.subcommands:
                sub = _import(target)
                if sub.name not in command.commands:
                    command.add_command(sub)
        return command


def _import(target: str) -> click.Command:
    module_name, _, attribute = target.partition(":")
    command = getattr(importlib.import_module(module_name), attribute)
    if not isinstance(command, click.Command):  # pragma: no cover - a wrong map entry
        raise TypeError(f"{target} is not a click command")
    return command


class CppccGroup(click.Group):
    """A click group that loads its commands on demand and turns every error into one message.

    Commands named in ``lazy_commands`` are imported only when they run, so ``cppcc --help``
    and a single command pay only for what they use (click's "lazily loading subcommands").
    """

    def __init__(
        self,
        *args: Any,
        lazy_commands: Mapping[str, LazyCommand] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, LazyCommand] = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, the loaded and the lazy ones, sorted."""
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called ``cmd_name``, imported now if it is lazy."""
        lazy = self.lazy_commands.get(cmd_name)
        if lazy is not None and cmd_name not in self.commands:
            self.add_command(lazy.load(), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their one-line help, importing none of the lazy ones."""
        rows: list[tuple[str, str]] = []
        for name in self.list_commands(ctx):
            lazy = self.lazy_commands.get(name)
            if lazy is not None and name not in self.commands:
                rows.append((name, lazy.summary))
                continue
            command = self.commands.get(name)
            if command is None or command.hidden:
                continue
            rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the sub-command; report a :class:`CppccError` as a message, never a traceback."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:
            debug = bool(ctx.params.get("debug")) or (
                isinstance(ctx.obj, CliContext) and ctx.obj.debug
            )
            if debug:
                import traceback  # only --debug shows one

                click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
            code = exit_code_of(error)
            from cppcc_model.errors import CppccError
            from cppcc_model.messages import render_error
            from cppcc_model.messages import say as saying

            lang = _lang(ctx.obj)
            if code is ExitCode.INTERNAL_ERROR or not isinstance(error, CppccError):
                click.echo(
                    saying("internal", lang, kind=type(error).__name__, text=error), err=True
                )
            else:
                click.echo(saying("error", lang, text=render_error(error, lang)), err=True)
            ctx.exit(int(code))


def stderr_is_terminal() -> bool:
    """Whether stderr is an interactive terminal (progress bars are shown only then)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def flush() -> None:
    """Flush stdout (before an exit code that a script may act on)."""
    sys.stdout.flush()
