"""Fixtures of the reliability tests: the good workbook, made once per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reliability._support import good_workbook


@pytest.fixture(scope="session")
def good_book_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good fixture as one workbook, written once; copy it before changing it."""
    return good_workbook(tmp_path_factory.mktemp("template") / "book.xlsx")


@pytest.fixture
def fresh_book(good_book_template: Path) -> Callable[[Path], Path]:
    """A function copying the good workbook to ``folder/book.xlsx``."""

    def make(folder: Path) -> Path:
        target = folder / "book.xlsx"
        shutil.copyfile(good_book_template, target)
        return target

    return make
