"""Notification channels: in-app (always), email (Django's backend), group-robot webhook.

In-app rows are written in the caller's transaction. Email and webhook go out after it commits
and never raise: a failed channel is logged and the job or request carries on.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction

from fazhi.supervision.models import Notification

log = logging.getLogger(__name__)

WEBHOOK_TIMEOUT_SECONDS = 5
# Group robots limit a message's length (钉钉 20000 bytes, 企业微信 2048 bytes of text).
WEBHOOK_MAX_CHARS = 1800


def notify(
    *,
    kind: str,
    text: str,
    link: str = "",
    users: Iterable[Any] = (),
    units: Iterable[Any] = (),
    email: bool = True,
) -> list[Notification]:
    """In-app notifications for `users` and `units` now; an email to them after commit."""
    rows = [Notification(recipient_user=user, kind=kind, text=text, link=link) for user in users]
    rows += [Notification(recipient_unit=unit, kind=kind, text=text, link=link) for unit in units]
    created = Notification.objects.bulk_create(rows)
    if email and created:
        user_ids = [n.recipient_user_id for n in created if n.recipient_user_id]
        unit_ids = [n.recipient_unit_id for n in created if n.recipient_unit_id]
        subject = f"【依法治区工作平台】{Notification.Kind(kind).label}"
        transaction.on_commit(lambda: send_email(subject, _with_link(text, link), user_ids, unit_ids))
    return created


def _with_link(text: str, link: str) -> str:
    return f"{text}\n\n{settings.FAZHI_SITE_URL.rstrip('/')}{link}" if link else text


def recipients(user_ids: Iterable[int] = (), unit_ids: Iterable[int] = ()) -> list[str]:
    """The email addresses of these users and of every active liaison of these units."""
    from django.db.models import Q

    query = Q(pk__in=list(user_ids)) | Q(profile__unit_id__in=list(unit_ids), profile__role="liaison")
    users = get_user_model().objects.filter(query, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_email(subject: str, body: str, user_ids: Iterable[int] = (), unit_ids: Iterable[int] = ()) -> int:
    """Send one email to every recipient (Bcc, so units do not see each other); 0 on failure."""
    to = recipients(user_ids, unit_ids)
    if not to:
        return 0
    try:
        return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, bcc=to).send()
    except Exception:  # a mail server problem must not break the job or the request
        log.exception("email to %d recipients failed: %s", len(to), subject)
        return 0


def webhook_payload(text: str, kind: str | None = None) -> dict[str, Any]:
    """The JSON a 钉钉 or 企业微信 group robot accepts for a plain text message."""
    kind = kind or settings.FAZHI_WEBHOOK_KIND
    content = text if len(text) <= WEBHOOK_MAX_CHARS else text[: WEBHOOK_MAX_CHARS - 1] + "…"
    if kind in ("dingtalk", "wecom"):
        # Both robots take the same shape for text (钉钉 also accepts "at"; not used here).
        return {"msgtype": "text", "text": {"content": content}}
    raise ValueError(f"unknown webhook kind {kind!r}")


def post_webhook(text: str) -> bool:
    """POST `text` to the configured group robot; False (and a log line) when it fails or is off."""
    url = settings.FAZHI_WEBHOOK_URL
    if not url:
        return False
    body = json.dumps(webhook_payload(text), ensure_ascii=False).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json; charset=utf-8"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:
            answer = response.read(4096)
    except Exception:  # network, HTTP status, timeout: logged, never fatal
        log.exception("webhook %s failed", settings.FAZHI_WEBHOOK_KIND)
        return False
    # Both robots answer HTTP 200 with {"errcode": 0, ...}; another errcode is a refusal.
    try:
        errcode = json.loads(answer or b"{}").get("errcode", 0)
    except ValueError:
        errcode = 0
    if errcode:
        log.error("webhook %s refused the message: %s", settings.FAZHI_WEBHOOK_KIND, answer[:200])
        return False
    return True


def post_webhook_on_commit(text: str) -> None:
    if settings.FAZHI_WEBHOOK_URL:
        transaction.on_commit(lambda: post_webhook(text))
