"""Asserting a refusal by its stable code, not by its wording.

Every error the library raises on purpose carries a code (``V004``) and, where it names one, the
offending value (:attr:`~cppcc_model.errors.CppccError.code`,
:attr:`~cppcc_model.errors.CppccError.value`). A test that matches the English of a message
breaks when the message is reworded, and says nothing about what the message means; a test that
asserts the code holds as long as the meaning does. :func:`raises_code` is
``pytest.raises(…, match=…)`` for codes::

    from cppcc_model.errors import InvalidValueError
    from cppcc_model.testing.codes import raises_code

    with raises_code(InvalidValueError, "V004", value="m 1"):
        Member(id="m 1", name="张三", sector_id="cpc")

``docs/reference/errors.md`` lists every code with its meaning in English and Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from cppcc_model.errors import CppccError, Problem

__all__ = ["Caught", "codes_of", "raises_code"]

E = TypeVar("E", bound=CppccError)


class Caught(Generic[E]):
    """The error :func:`raises_code` caught, once the ``with`` block has ended."""

    def __init__(self) -> None:
        self._error: E | None = None

    @property
    def value(self) -> E:
        """The error raised in the block (as ``pytest.raises(…).value``)."""
        if self._error is None:
            raise AssertionError("the block has not raised (yet)")
        return self._error


@contextmanager
def raises_code(error_type: type[E], code: str, *, value: str | None = None) -> Iterator[Caught[E]]:
    """Assert that the block raises ``error_type`` with the stable ``code``.

    Args:
        error_type: the class of error expected (a subclass of
            :class:`~cppcc_model.errors.CppccError`); a subclass of it is accepted too.
        code: the code the error's message must have (``V004``); for an error that gathers
            problems (:class:`~cppcc_model.errors.ProblemsError`), its own code, not theirs.
        value: the offending value the message must name, when given.

    Yields:
        A :class:`Caught` whose ``value`` is the error, once the block has ended.

    Raises:
        AssertionError: the block raised nothing, or an error of another class, code or value.
    """
    caught: Caught[E] = Caught()
    try:
        yield caught
    except error_type as error:
        if error.code != code:
            raise AssertionError(
                f"expected code {code}, got {error.code} from {type(error).__name__}: {error}"
            ) from error
        if value is not None and error.value != value:
            raise AssertionError(
                f"expected the value {value!r}, got {error.value!r} from {error.code}: {error}"
            ) from error
        caught._error = error
    else:
        raise AssertionError(f"expected {error_type.__name__} {code}; nothing was raised")


def codes_of(problems: Iterable[Problem]) -> list[str | None]:
    """The code of each problem, in order (``None`` for a message not registered)."""
    return [problem.code for problem in problems]
