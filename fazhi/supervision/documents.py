"""The 督办单 as a printable 公文 (GB/T 9704 Word document through fazhi.docgen.official).

`notice_document` turns a Notice into the plain OfficialDocument (every figure already text);
`notice_docx` writes it. Tested without Word (the dataclass) and with it (the bytes open).
"""

from __future__ import annotations

import io

from django.utils import timezone

from fazhi.docgen.official import OfficialDocument, Section, chinese_date, write_official_docx
from fazhi.supervision.models import Notice


def issuer_of(jurisdiction: object) -> str:
    """中共天桥区委全面依法治区委员会办公室: the office that signs, named after its jurisdiction."""
    name = str(jurisdiction)
    level = name[-1] if name and name[-1] in "区市县" else "区"
    return f"中共{name}委全面依法治{level}委员会办公室"


def notice_document(notice: Notice) -> OfficialDocument:
    assignment = notice.assignment
    task = assignment.task
    issued = timezone.localdate(notice.issued_at)
    deadline_text = chinese_date(assignment.deadline) if assignment.deadline else "（未定）"
    return OfficialDocument(
        title="督办通知单",
        doc_number=notice.code,
        issuer=issuer_of(notice.jurisdiction),
        date=issued,
        recipients=f"{notice.unit.name}：",
        opening=[
            f"你单位承担的“{task.plan.title}”第{task.number}项任务已超过完成时限（{deadline_text}），"
            "尚未完成。根据工作安排，现予督办。"
        ],
        sections=[
            Section("督办事项", [f"{task.number}. {task.display_title}", task.content or task.display_title]),
            Section("督办要求", [notice.requirement]),
            Section(
                "回复时限",
                [
                    f"请于{chinese_date(notice.reply_deadline)}前通过依法治区工作平台回复办理情况，"
                    "并上传相关佐证材料（文件、照片、会议纪要等）。逾期未回复的，将纳入约谈名单。"
                ],
            ),
        ],
    )


def notice_docx(notice: Notice) -> bytes:
    buffer = io.BytesIO()
    write_official_docx(notice_document(notice), buffer)
    return buffer.getvalue()
