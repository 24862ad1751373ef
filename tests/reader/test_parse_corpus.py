"""Regression guard: the reader scored on the labelled corpus (tests/fixtures/corpus) with the corpus's own
score.py must stay above the acceptance bounds: overall >= 0.95, labelled assignees >= 0.80, labelled reporting
>= 0.85 (python3 score.py labels PRED --min 0.95 --min-labelled assignees=0.8 --min-labelled reporting=0.85)."""
import importlib.util
import json
from pathlib import Path

import pytest

from chidao.documents.reader import parse
from chidao.documents.reader.parse import KEYS

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


@pytest.fixture(autouse=True)
def _test_settings():
    """Pure Python: shadow tests/conftest.py's Django settings fixture."""


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(scorer, tmp_path_factory):
    out = tmp_path_factory.mktemp("predictions")
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        result = parse(path.read_text(encoding="utf-8"))
        (out / f"{path.stem}.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return scorer.score(CORPUS / "labels", out)


def test_corpus_is_complete():
    docs = {p.stem for p in (CORPUS / "docs").glob("*.txt")}
    labels = {p.stem for p in (CORPUS / "labels").glob("*.json")}
    assert docs == labels and len(docs) >= 30


def test_overall_score(scores):
    alls, _, n = scores
    overall = sum(alls.values()) / len(alls)
    assert overall >= 0.95, alls


def test_labelled_assignees(scores):
    _, labelled, _ = scores
    assert labelled["assignees"][0] >= 0.80


def test_labelled_reporting(scores):
    _, labelled, _ = scores
    assert labelled["reporting"][0] >= 0.85


@pytest.mark.parametrize("field", ["number", "symbol", "date", "place", "recipients", "cited_documents"])
def test_header_fields_stay_near_perfect(scores, field):
    # fields the layout rules of NĐ 30/2020 fix precisely: a drop here is a regression, not noise
    alls, _, _ = scores
    assert alls[field] >= 0.95, (field, alls[field])


def test_every_prediction_has_every_key():
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        result = parse(path.read_text(encoding="utf-8"))
        assert list(result) == KEYS, path.name
        assert not any(w["code"] == "internal_error" for w in result["warnings"]), path.name
