"""Downloading evidence: only through this permission-checked view, never from a web root."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from fazhi.accounts.access import member_required
from fazhi.evidence.access import visible_evidence


@member_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    """The file as an attachment with its original name; 404 outside the user's scope."""
    evidence = get_object_or_404(visible_evidence(request.user), pk=pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("文件已不存在") from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
