from django import template
from django.utils.html import format_html

from fazhi.progress.models import STATE_COLOURS, STATUS_COLOURS, State, Status

register = template.Library()


@register.simple_tag
def report_status_badge(status: str) -> str:
    """进展状态 (未启动/推进中/已完成/无法按期完成) as a coloured badge."""
    value = Status(status)
    return format_html(
        '<span class="light" style="background:{}">{}</span>', STATUS_COLOURS[value], value.label
    )


@register.simple_tag
def report_state_badge(state: str) -> str:
    """审核状态 (草稿/待审核/已退回/已通过) as a coloured badge."""
    value = State(state)
    return format_html(
        '<span class="light" style="background:{}">{}</span>', STATE_COLOURS[value], value.label
    )
