from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def vn_number(value):
    """1234567 → "1.234.567", 9.6 → "9,6", 15.00 → "15"; anything else unchanged (None → "")."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return value
    if number == number.to_integral_value():
        return f"{int(number):,}".replace(",", ".")
    text = f"{number.normalize():,f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
