"""Fixtures: the sample report and chase letter, fresh for each test (tests may change them)."""
import pytest

from chidao.consolidation.outputs.content import ChaseLetter, ProvincialReport

from .sample import make_letter, make_report


@pytest.fixture
def report() -> ProvincialReport:
    return make_report()


@pytest.fixture
def letter() -> ChaseLetter:
    return make_letter()
