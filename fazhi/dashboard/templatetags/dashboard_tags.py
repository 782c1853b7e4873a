from django import template

register = template.Library()


@register.filter
def pct(value: float | None) -> str:
    """A rate in percent (96.97 → "96.97%"); "—" when there is nothing to divide by."""
    if value is None:
        return "—"
    return f"{value:g}%"


@register.filter
def days_text(days: int | None) -> str:
    """Days left before a deadline, in words: 逾期 3 天 / 今天到期 / 剩 5 天."""
    if days is None:
        return "无时限"
    if days < 0:
        return f"逾期 {-days} 天"
    if days == 0:
        return "今天到期"
    return f"剩 {days} 天"
