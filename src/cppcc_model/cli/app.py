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
import sys
import traceback
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import click

from cppcc_model.assess.engine import RuleEvaluationError
from cppcc_model.errors import CppccError
from cppcc_model.plugins import PluginError, Plugins, PluginWarning, load_plugins

__all__ = ["CliContext", "CppccGroup", "ExitCode", "PluginLoader", "cli_context", "exit_code_of"]


class ExitCode(enum.IntEnum):
    """The exit status of ``cppcc``."""

    OK = 0
    INTERNAL_ERROR = 1
    BAD_INPUT = 2
    CHECK_FAILED = 3
    PLUGIN_ERROR = 4


PluginLoader = Callable[[bool], Plugins]
"""Loads the plugins; its argument says whether a failing plugin is an error (strict)."""


def _load_installed(strict: bool) -> Plugins:
    return load_plugins(strict=strict)


@attrs.frozen
class CliContext:
    """The global options of one ``cppcc`` run, passed to every sub-command as ``ctx.obj``.

    ``loader`` loads the plugins (installed entry points by default); a program embedding the
    command may pass its own loader as ``obj`` to :meth:`click.Group.main`.
    """

    debug: bool = False
    strict: bool = False
    loader: PluginLoader = _load_installed

    def plugins(self) -> Plugins:
        """Load the plugins; each warning about a skipped plugin is one line on stderr."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PluginWarning)
            plugins = self.loader(self.strict)
        for warning in caught:
            if issubclass(warning.category, PluginWarning):
                click.echo(f"cppcc: warning: {warning.message}", err=True)
            else:
                warnings.showwarning(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
        return plugins


def cli_context() -> CliContext:
    """The :class:`CliContext` of the running command."""
    obj = click.get_current_context().find_root().obj
    if isinstance(obj, CliContext):
        return obj
    return CliContext()


def exit_code_of(error: BaseException) -> ExitCode:
    """The exit code an error ends the command with."""
    if isinstance(error, PluginError | RuleEvaluationError):
        return ExitCode.PLUGIN_ERROR
    if isinstance(error, CppccError):
        return ExitCode.BAD_INPUT
    return ExitCode.INTERNAL_ERROR


class CppccGroup(click.Group):
    """A click group that turns every error into one message on stderr and an exit code."""

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
                click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
            code = exit_code_of(error)
            if code is ExitCode.INTERNAL_ERROR:
                click.echo(
                    f"cppcc: internal error: {type(error).__name__}: {error}\n"
                    "  this is a bug; run again with --debug and report the traceback",
                    err=True,
                )
            else:
                click.echo(f"cppcc: error: {error}", err=True)
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
