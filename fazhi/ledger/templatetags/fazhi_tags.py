from django import template
from django.utils.html import format_html

from fazhi.ledger.status import COLOURS, Light

register = template.Library()


@register.simple_tag
def light_badge(light: str) -> str:
    """The traffic-light badge of a status (colours from ledger.status)."""
    light = Light(light)
    return format_html('<span class="light" style="background:{}">{}</span>', COLOURS[light], light.label)


@register.filter
def role_label(role: str) -> str:
    return {"lead": "牵头", "responsible": "责任"}.get(role, role)


@register.filter
def get_item(mapping: dict, key: str) -> str:
    return mapping.get(key, key)


@register.filter
def person(user: object) -> str:
    """A user as people know them: the full name (张联络员), else the login name, else —."""
    if not user:
        return "—"
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", user))
