"""Builders for reader fixtures, shared by the tests and conftest.py.

Documents are generated in code from seed text, so each test shows exactly what its input holds;
only the PDF is also committed (tests/fixtures/docs/), for machines without LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DOCS = FIXTURES / "docs"

TITLE = "天桥区法治建设品质提升实施方案"
INTRO = (
    "为深入贯彻落实党中央决策部署和省市工作要求,压实工作责任,凝聚强大合力,全面提升区域发展竞争力,"
    "现就法治建设品质提升制定如下实施方案。"
)
TASK_1 = (
    "1.领导干部带头学法。将习近平法治思想作为区委理论学习中心组、区政府常务会议专题学法的重点内容,"
    "并进行学习交流。每年分别举办至少2次法治专题讲座。"
)
CATEGORY = "一、依法全面履行政府职能"
SUB_1 = "1.全面推行行政审批制度改革"
SUB_2 = "2.推行权责清单制度"
ROW_1 = "主动公开全部行政审批事项清单,行政审批事项在法定期限内完成并不断压缩办理时限。"
ROW_2 = "全面清理证明事项,取消无法律法规依据的证明事项,对保留事项实行清单管理。"
ROW_3 = "编制并对外公布权责清单,明确法律依据、实施主体、监督方式等事项并随法律法规变化动态调整。"
LEAD = "牵头单位:区政务服务办"
RESP = "责任部门:其他部门、各街道按职责分别负责"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXTBOX_XML = f"""
<w:r xmlns:w="{_W}"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wps:txbx><w:txbxContent>
        <w:p><w:r><w:t>{{text}}</w:t></w:r></w:p>
      </w:txbxContent></wps:txbx></w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>{{text}}</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def build_plan_docx(textbox: str | None = None) -> bytes:
    """A plan: title, paragraphs, a ledger table (merged category cell, merged header), more text."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_heading(TITLE, level=1)
    d.add_paragraph(INTRO)
    d.add_paragraph("一、总体要求")
    table = d.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = "一级指标"
    header[1].text = "二级指标"
    header[2].merge(header[3]).text = "主要任务及牵头、责任部门"  # horizontal merge
    body = [(SUB_1, ROW_1), (SUB_1, ROW_2), (SUB_2, ROW_3)]
    for i, (sub, task) in enumerate(body, start=1):
        cells = table.rows[i].cells
        cells[1].text = sub
        cells[2].text = task
        cells[3].text = LEAD
        cells[3].add_paragraph(RESP)  # a second paragraph in the cell: joined with one space
    table.cell(1, 0).merge(table.cell(3, 0)).text = CATEGORY  # vertical merge over three rows
    p = d.add_paragraph("二、目标任务")
    p.add_run().add_break()  # a manual line break: the next text is its own line
    p.add_run("(一)深入学习贯彻习近平法治思想")
    d.add_paragraph(TASK_1)
    if textbox:
        anchor = d.add_paragraph("完成时限:2024年9月底")
        anchor._p.append(parse_xml(_TEXTBOX_XML.replace("{text}", textbox)))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build_ledger_xlsx() -> bytes:
    """A 台账 like seed 003: title merged across, categories merged down, one hidden sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务台账"
    ws["B1"] = "红桥区2020年法治政府建设年度计划任务台账"
    ws.merge_cells("B1:F1")
    ws.append([None, "一级指标", "二级指标", "序号", "主要任务", "牵头、责任部门"])
    ws.append([None, CATEGORY, SUB_1, 1.0, ROW_1, LEAD + "\n" + RESP])
    ws.append([None, None, None, 2.0, ROW_2, None])
    ws.append([None, None, SUB_2, 3, ROW_3, "牵头部门:区委编办"])
    ws.merge_cells("B3:B5")
    ws.merge_cells("C3:C4")
    ws.merge_cells("F3:F4")
    ws.append([])  # an empty row is skipped
    ws.append([None, "完成时限", dt.datetime(2020, 12, 31), "出庭应诉率", 1, 0.9697])
    ws["E7"].number_format = "0%"
    ws["F7"].number_format = "0.00%"
    hidden = wb.create_sheet("单位清单")
    hidden.append(["区司法局"])
    hidden.sheet_state = "hidden"
    last = wb.create_sheet("说明")
    last.append(["本台账由区委依法治区办汇总"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def soffice_path() -> str | None:
    return shutil.which("soffice")


def soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice (private profile); returns the output file."""
    soffice = soffice_path()
    assert soffice is not None
    profile = (outdir / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )
    out = outdir / (src.stem + "." + target.split(":")[0])
    assert out.is_file(), f"LibreOffice produced no {out.name}"
    return out
