"""Evidence files (留痕): uploads checked by content, stored outside the web root, served by a
permission-checked view. Shared by progress reports and supervision.

The API other apps use:

``fazhi.evidence.models.EvidenceFile``
    One stored file: ``original_name`` (sanitised), ``kind`` (pdf/docx/xlsx/doc/jpg/png),
    ``content_type`` as detected, ``size``, ``sha256``, ``uploaded_by``/``uploaded_at`` and a
    generic ``owner`` (any model instance: a progress report, a 督办单 reply, a 整改 item).

``fazhi.evidence.services.validate_upload(uploaded_file) -> DetectedFile``
    Checks the name, size, content (magic bytes; the extension must agree) and, for docx/xlsx,
    the zip structure and a zip-bomb guard. Raises ``django.core.exceptions.ValidationError``
    with a Chinese message; reads nothing to disk.

``fazhi.evidence.services.store_evidence(uploaded_file, user, *, owner) -> EvidenceFile``
    Validates, then writes the bytes under ``settings.FAZHI_EVIDENCE_ROOT`` as
    ``YYYY/MM/<uuid4>.<ext>`` and creates the row. Nothing is stored when validation fails.

``fazhi.evidence.services.discard_evidence(evidence)``
    Deletes the row and its file.

``fazhi.evidence.access.register_owner("app_label.Model", visible)``
    Call it from your AppConfig.ready(): ``visible(user)`` returns the owner objects that user may
    see (a queryset from your access helpers). ``visible_evidence(user)`` is the union over every
    registered owner type; the download view (url name ``evidence-download``, args ``[pk]``)
    answers 404 for anything outside it.
"""
