"""Checks on an uploaded workbook, one per module, each returning a list of CellError; run in stages."""
from .check_agency import check_agency
from .check_file import check_file, not_xlsx
from .check_form import check_form
from .check_formula_errors import check_formula_errors
from .check_names import check_names
from .check_narrative_length import check_narrative_length
from .check_negative import check_negative
from .check_not_a_number import check_not_a_number
from .check_period import check_period
from .check_template_names import check_template_names
from .check_too_large import check_too_large
from .check_version import check_version
from .check_whole import check_whole

__all__ = ["check_file", "not_xlsx", "STAGES"]

# Each stage runs only when the ones before it found nothing: a file of another form or an old version gets
# that one error, not a hundred cell errors about rows that do not match. The last stage checks the cells.
STAGES = (
    (check_template_names,),
    (check_form,),
    (check_version,),
    (check_agency, check_period),
    (check_names, check_formula_errors, check_not_a_number, check_negative, check_whole, check_too_large,
     check_narrative_length),
)
