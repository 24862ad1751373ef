"""Properties: no input makes the reader raise, and any valid set of values survives the round trip."""
import re
import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.reporting.excel import build_template, read_upload
from chidao.reporting.excel.checks.check_too_large import LIMIT

from .sample import sample_spec

SPEC = sample_spec()
TEMPLATE = build_template(SPEC)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(st.binary(max_size=4096))
@SLOW
def test_random_bytes_never_raise_and_give_exactly_one_file_error(data):
    result = read_upload(data, SPEC)
    assert len(result.errors) == 1
    assert (result.errors[0].sheet, result.errors[0].cell) == ("", "")
    assert result.values == {} and result.narratives == {}


@given(st.lists(st.tuples(st.integers(0, len(TEMPLATE) - 1), st.integers(0, 255)), min_size=1, max_size=8))
@SLOW
def test_a_damaged_template_never_raises(flips):
    data = bytearray(TEMPLATE)
    for position, byte in flips:
        data[position] = byte
    result = read_upload(bytes(data), SPEC)
    assert result.ok or result.errors


def _value(whole: bool):
    if whole:
        return st.none() | st.integers(0, int(LIMIT)).map(Decimal)
    return st.none() | st.decimals(0, LIMIT, places=2, allow_nan=False, allow_infinity=False)


VALUES = st.fixed_dictionaries({(row.code, column.code): _value(row.whole)
                                for row in SPEC.rows for column in row.columns})
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.just("\n"), max_size=300)
NARRATIVES = st.fixed_dictionaries({n.code: TEXT for n in SPEC.narratives})


@given(VALUES, NARRATIVES)
@SLOW
def test_any_valid_values_and_narratives_round_trip(values, narratives):
    result = read_upload(build_template(SPEC, values, narratives), SPEC)
    assert result.errors == []
    assert result.values == values
    assert result.narratives == {code: _trimmed(text) for code, text in narratives.items()}


def _trimmed(text: str) -> str:
    """What the reader promises for narratives: NFC, white space and invisible characters off both ends."""
    edge = "[\\s\u200b\u200c\u200d\u2060\ufeff]*"
    return re.fullmatch(f"{edge}(.*?){edge}", unicodedata.normalize("NFC", text), re.DOTALL)[1]
