import pytest

from chidao.reporting import services
from chidao.reporting.catalogue import load_catalogue
from chidao.reporting.models import ReportingRegime


@pytest.fixture
def regime(cast):
    """The 6-month regime of the cast's directive for 2013: Health and Police report to the province via the lead."""
    form = load_catalogue()[0]
    regime = ReportingRegime.objects.create(name="Báo cáo 6 tháng", frequency="6 tháng", recipient=cast.province,
                                            via=cast.lead, form=form, first_year=2013, last_year=2013)
    regime.agencies.add(cast.health, cast.police)
    services.ensure_periods(regime)
    services.ensure_reports(regime)
    return regime


@pytest.fixture
def health_report(regime, cast):
    return regime.periods.get().reports.get(agency=cast.health)
