"""Who may see which evidence file: whoever may see its owner.

Each app that owns evidence registers its owner model and a function giving the owner objects a
user may see (built on fazhi.accounts.access), from its AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from fazhi.evidence.models import EvidenceFile

_OWNERS: dict[str, Callable[[Any], QuerySet]] = {}


def register_owner(model_label: str, visible: Callable[[Any], QuerySet]) -> None:
    """Evidence owned by objects of `model_label` ("app_label.Model") is visible where
    `visible(user)` (the owner objects that user may see) includes its owner."""
    _OWNERS[model_label] = visible


def visible_evidence(user: Any) -> QuerySet:
    """The evidence files a user may download: those whose owner they may see."""
    q = Q(pk__in=[])
    for label, visible in _OWNERS.items():
        owner_type = ContentType.objects.get_for_model(apps.get_model(label))
        q |= Q(owner_type=owner_type, owner_id__in=visible(user).values("pk"))
    return EvidenceFile.objects.filter(q)
