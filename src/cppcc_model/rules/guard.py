"""Calling a plugin's escape-hatch function under guard.

A :class:`~cppcc_model.rules.values.Function` runs code the library did not write, once per
fact, inside the engine. :func:`call_plugin_function` runs it so that whatever it does becomes
a :class:`~cppcc_model.errors.RuleEvaluationError` naming the function (the engine adds the
plugin, rule set, clause and member), which ``cppcc`` reports with exit code 4:

* an exception, including ``SystemExit`` (a plugin calling ``sys.exit()``) — never a silent
  exit of the whole command;
* running longer than the time limit: :data:`TIME_LIMIT_VARIABLE` (``CPPCC_RULE_TIMEOUT``)
  in seconds, default :data:`DEFAULT_TIME_LIMIT`; ``0`` turns the limit off. A watchdog
  thread interrupts the main thread (as Ctrl-C would) when a call passes the limit, so the
  limit holds in the main thread of a process whose Ctrl-C handling is Python's own (as in
  ``cppcc``) or ignored (a process a shell started in the background, ``cmd &`` or ``nohup``:
  Python's own handling is put in place for the call and the ignoring restored after it); a
  process with a Ctrl-C handler of its own keeps it and runs without a limit; a call made in
  another thread runs without one. Python delivers the interrupt
  between bytecodes: a single huge C-level operation (``10 ** 10 ** 9``) is stopped only when
  it returns, and a function that catches the interrupt itself and carries on is reported
  when it returns;
* changing the fact it was given (facts are frozen; ``object.__setattr__`` gets past that, so
  the fact is compared before and after the call);
* returning anything but an exact number — a float, ``NaN``, ``None``, a boolean, text that is
  no number, or a number too large to present (:func:`cppcc_model.numbers.exact`).

:func:`cppcc_model.rules.plugin_code.runs_plugin_code` tells whether scoring under a rule set
can run such code at all.
"""

from __future__ import annotations

import _thread
import math
import operator
import os
import signal
import threading
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.errors import CppccError, RuleEvaluationError
from cppcc_model.numbers import exact

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "TIME_LIMIT_VARIABLE",
    "RuleTimeout",
    "call_plugin_function",
    "time_limit",
]

TIME_LIMIT_VARIABLE = "CPPCC_RULE_TIMEOUT"
"""The environment variable that sets the time limit of one call, in seconds (0: none)."""

DEFAULT_TIME_LIMIT = 10.0
"""Seconds one call of a plugin function may take when :data:`TIME_LIMIT_VARIABLE` is unset."""

_HINT = "fix the rule (or report it to the plugin's authors); block the plugin meanwhile"


class RuleTimeout(BaseException):
    """A plugin function ran past its time limit (turned into a RuleEvaluationError)."""


def time_limit() -> float:
    """The time limit of one plugin call in seconds (``0.0``: no limit), from the environment.

    Raises:
        RuleEvaluationError: when ``CPPCC_RULE_TIMEOUT`` is not a number of seconds.

    """
    raw = os.environ.get(TIME_LIMIT_VARIABLE, "")
    cached = _LIMITS.get(raw)
    if cached is not None:
        return cached
    _LIMITS[raw] = seconds = _parse_limit(raw)
    return seconds


_LIMITS: dict[str, float] = {}


def _parse_limit(given: str) -> float:
    raw = given.strip()
    if not raw:
        return DEFAULT_TIME_LIMIT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise RuleEvaluationError(
            f"{TIME_LIMIT_VARIABLE}={raw!r} is not a number of seconds",
            hint=f"set {TIME_LIMIT_VARIABLE} to a number of seconds such as 30, or 0 for none",
        )
    return seconds


class _Watchdog:
    """A daemon thread that interrupts the main thread when a guarded call runs too long.

    The main thread only notes when a call starts and ends (two lock round trips); the
    watchdog looks every :data:`_POLL` seconds and, past the limit, raises ``KeyboardInterrupt``
    in the main thread (:func:`_thread.interrupt_main`), which :func:`call_plugin_function`
    turns into a located error. A real Ctrl-C is told apart by the ``expired`` flag.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.started: float | None = None
        self.limit = 0.0
        self.expired = False
        self.thread: threading.Thread | None = None

    def usable(self) -> bool:
        return _thread.get_ident() == _MAIN_THREAD

    def start(self, limit: float) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._watch, name="cppcc-rule-timer", daemon=True)
            self.thread.start()
        with self.lock:
            self.started = time.monotonic()
            self.limit = limit
            self.expired = False

    def stop(self) -> bool:
        """End the watch; whether the limit was passed (a pending interrupt is absorbed)."""
        with self.lock:
            self.started = None
            expired = self.expired
        if expired:
            _absorb_interrupt()
        return expired

    def _watch(self) -> None:
        while True:
            time.sleep(_POLL)
            with self.lock:
                if (
                    self.started is not None
                    and not self.expired
                    and time.monotonic() - self.started > self.limit
                ):
                    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
                        continue  # Ctrl-C is handled otherwise: an interrupt would not arrive
                    self.expired = True
                    _thread.interrupt_main()


_POLL = 0.05
_WATCHDOG = _Watchdog()
_MAIN_THREAD = threading.main_thread().ident


def _interrupts_ignored() -> bool:
    """Whether SIGINT is ignored (a process a shell started in the background)."""
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def _absorb_interrupt() -> None:
    """Let an interrupt the watchdog already sent arrive here, where it is expected."""
    try:
        for _ in range(1000):
            time.sleep(0)
    except KeyboardInterrupt:
        pass


_GETTERS: dict[type, Callable[[object], tuple[Any, ...]]] = {}


def _snapshot(fact: object) -> tuple[Any, ...] | None:
    kind = type(fact)
    getter = _GETTERS.get(kind)
    if getter is None:
        if not attrs.has(kind):
            return None
        names = [field.name for field in attrs.fields(kind)]
        getter = operator.attrgetter(*names) if len(names) > 1 else _one(names[0])
        _GETTERS[kind] = getter
    return getter(fact)


def _one(name: str) -> Callable[[object], tuple[Any, ...]]:
    return lambda fact: (getattr(fact, name),)


def call_plugin_function(
    function: Callable[[Any], object], fact: object, name: str, *, seconds: float | None = None
) -> Fraction:
    """``function(fact)`` as exact points, or a :class:`RuleEvaluationError` naming ``name``.

    ``seconds`` overrides the time limit from the environment (:func:`time_limit`).
    """
    limit = time_limit() if seconds is None else seconds
    before = _snapshot(fact)
    watched = limit > 0 and _WATCHDOG.usable()
    ignored = watched and _interrupts_ignored()
    if ignored:  # a process started in the background (``cmd &``, nohup): let the limit hold
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        if watched:
            _WATCHDOG.start(limit)
        try:
            returned = function(fact)
        except KeyboardInterrupt:
            if watched and _WATCHDOG.stop():
                raise RuleTimeout from None
            raise
        if watched and _WATCHDOG.stop():  # the plugin caught the interrupt and carried on
            raise RuleTimeout
    except RuleTimeout:
        raise RuleEvaluationError(
            f"function {name!r} ran longer than {limit:g} seconds and was stopped",
            hint=f"fix the rule; or raise the limit with {TIME_LIMIT_VARIABLE}=SECONDS (0 for "
            "none) if the rule is genuinely slow",
        ) from None
    except SystemExit as exit_:
        raise RuleEvaluationError(
            f"function {name!r} tried to end the program (SystemExit {exit_.code!r})",
            hint=_HINT,
        ) from None
    except CppccError:
        raise
    except BaseException as error:
        if watched:
            _WATCHDOG.stop()
        if not isinstance(error, Exception):  # KeyboardInterrupt from the user, GeneratorExit
            raise

        raise RuleEvaluationError(
            f"function {name!r} failed: {type(error).__name__}: {error}", hint=_HINT
        ) from error
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    if before is not None and _snapshot(fact) != before:
        raise RuleEvaluationError(
            f"function {name!r} changed the fact it was given (record "
            f"{getattr(fact, 'record_id', '?')!r}); a rule may only read it",
            hint=_HINT,
        )
    try:
        return exact(returned, what=f"the value returned by function {name!r}")
    except CppccError as error:
        raise RuleEvaluationError(
            f"{error.message} (it returned {type(returned).__name__})",
            hint="a function must return an exact number: an int, a Fraction, a Decimal or text "
            'such as "12.5"',
        ) from None
