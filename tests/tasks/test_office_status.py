import datetime as dt

import pytest

from chidao.tasks.models import OfficeStatus, Task

from ..factories import TaskFactory

TODAY = dt.date(2013, 12, 20)
DUE = dt.date(2013, 12, 15)


@pytest.mark.parametrize("state,due,completed_on,expected", [
    pytest.param("done", DUE, dt.date(2013, 12, 10), OfficeStatus.DONE_ON_TIME, id="done-before-due"),
    pytest.param("done", DUE, DUE, OfficeStatus.DONE_ON_TIME, id="done-on-due-day"),
    pytest.param("done", DUE, dt.date(2013, 12, 16), OfficeStatus.DONE_LATE, id="done-after-due"),
    pytest.param("done", None, dt.date(2013, 12, 16), OfficeStatus.DONE_ON_TIME, id="done-no-due"),
    pytest.param("open", DUE, None, OfficeStatus.OPEN_OVERDUE, id="open-past-due"),
    pytest.param("reported", DUE, dt.date(2013, 12, 14), OfficeStatus.OPEN_OVERDUE, id="awaiting-confirmation"),
    pytest.param("open", dt.date(2013, 12, 20), None, OfficeStatus.OPEN_WITHIN, id="open-due-today"),
    pytest.param("open", None, None, OfficeStatus.OPEN_WITHIN, id="open-no-due"),
])
def test_office_status_in_python_and_in_sql_agree(db, state, due, completed_on, expected):
    task = TaskFactory(state=state, due_date=due, completed_on=completed_on)
    assert task.office_status(TODAY) == expected
    assert Task.objects.with_office_status(TODAY).get(pk=task.pk).office_status == expected
