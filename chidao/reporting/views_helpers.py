from chidao.tasks.models import Task


def report_tasks(report):
    """The agency's tasks under the directive whose duty this report answers."""
    return Task.objects.filter(directive__reporting_duties__regimes=report.period.regime,
                               agency=report.agency).distinct().order_by("id")
