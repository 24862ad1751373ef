"""What the task and report workflows share: a transition as data, its refusal, and the guarded step.

No Django import: `advance` works on whatever queryset it is given.
"""
from dataclasses import dataclass


class TransitionRefused(Exception):
    """The step is not allowed (who, state, missing note) or another click took it first; str() is for the user."""


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    actors: str  # "agency": the object's own agency; "lead": the lead agency's coordinator (and administrators)
    note_required: bool
    label: object


def advance(queryset, pk: int, field: str, transition: Transition, **changes) -> bool:
    """Compare-and-set: move the row from a source state to the target; False when another request won the race."""
    won = queryset.filter(pk=pk, **{f"{field}__in": transition.sources}).update(**{field: transition.target},
                                                                               **changes)
    return won == 1
