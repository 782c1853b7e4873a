import pytest
from reader_builders import CATEGORY, LEAD, ROW_1, ROW_2, SUB_1, SUB_2, TASK_1, TITLE

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import read_bytes

PAGE = f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{TITLE}_天桥区人民政府</title>
<style>p {{ text-indent: 2em }}</style>
<script>var visits = "浏览次数脚本";</script>
</head><body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></div>
<header><div>天桥区人民政府门户网站</div></header>
<ul class="menu"><li>机构设置</li><li>政策文件</li></ul>
<div class="article">
  <h1>{TITLE}</h1>
  <div class="info">发布日期:2024-06-18 浏览次数:<span id="count"></span> 【打印本页】</div>
  <p>&nbsp;&nbsp;一、总体要求</p>
  <p>{TASK_1[:20]}
     {TASK_1[20:]}</p>
  <p>牵头单位:区委依法治区办<br>责任单位:区委办公室、区政府办公室<br/>完成时限:2024年9月底</p>
  <table border="1">
    <tr><th>一级指标</th><th>二级指标</th><th colspan="2">主要任务及牵头单位</th></tr>
    <tr><td rowspan="2">{CATEGORY}</td><td>{SUB_1}</td><td>{ROW_1}</td><td rowspan="2">{LEAD}</td></tr>
    <tr><td>{SUB_2}</td><td><p>{ROW_2[:10]}</p><p>{ROW_2[10:]}</p></td></tr>
    <tr><td></td><td></td><td></td><td></td></tr>
  </table>
  <p>二、目标任务</p>
</div>
<form><input name="q"><button>搜索</button></form>
<footer>版权所有:天桥区人民政府 网站标识码3701050001</footer>
</body></html>
"""

EXPECTED = [
    TITLE,
    "发布日期:2024-06-18 浏览次数: 【打印本页】",
    "一、总体要求",
    f"{TASK_1[:20]} {TASK_1[20:]}",
    "牵头单位:区委依法治区办",
    "责任单位:区委办公室、区政府办公室",
    "完成时限:2024年9月底",
    "| 一级指标 | 二级指标 | 主要任务及牵头单位 |",
    f"| {CATEGORY} | {SUB_1} | {ROW_1} | {LEAD} |",
    f"| {CATEGORY} | {SUB_2} | {ROW_2[:10]} {ROW_2[10:]} | {LEAD} |",
    "二、目标任务",
]


def test_a_gbk_page_declared_as_gb2312_reads_cleanly_with_tables_as_rows() -> None:
    raw = read_bytes(PAGE.encode("gbk"), "plan.html")
    assert raw.source_format == "html"
    assert raw.encoding == "gb18030"
    assert raw.lines == EXPECTED


def test_navigation_scripts_forms_and_page_footer_are_dropped_but_article_chrome_is_kept() -> None:
    text = "\n".join(read_bytes(PAGE.encode("gbk"), "plan.html").lines)
    for gone in ("首页", "机构设置", "浏览次数脚本", "搜索", "版权所有", "门户网站", "_天桥区人民政府"):
        assert gone not in text
    assert "浏览次数" in text  # the normaliser removes this, not the reader


def test_a_page_lying_about_its_charset_is_still_decoded() -> None:
    lying = PAGE.replace("charset=gb2312", "charset=utf-8").encode("gbk")
    assert read_bytes(lying, "plan.htm").lines == EXPECTED


def test_a_utf8_page_without_a_declaration() -> None:
    page = PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "")
    raw = read_bytes(page.encode("utf-8"), "plan.shtml")
    assert raw.lines == EXPECTED
    assert raw.encoding == "utf-8"


def test_an_html_page_saved_as_doc_is_read_as_html() -> None:
    assert read_bytes(PAGE.encode("gbk"), "方案.doc").source_format == "html"


def test_a_layout_table_wrapping_the_article_yields_paragraph_lines() -> None:
    body = "".join(f"<p>{t}</p>" for t in [TITLE, "一、总体要求", TASK_1 * 4, "二、目标任务"])
    page = f"<html><body><table><tr><td width=200>导航</td><td>{body}</td></tr></table></body></html>"
    lines = read_bytes(page.encode(), "p.html").lines
    assert lines == ["导航", TITLE, "一、总体要求", TASK_1 * 4, "二、目标任务"]


def test_a_short_row_under_a_rowspan_keeps_columns_aligned() -> None:
    page = """<html><body><table>
      <tr><td rowspan="3">一、依法全面履行政府职能</td><td>1</td><td rowspan="2">区司法局</td></tr>
      <tr><td>2</td></tr>
      <tr><td>3</td><td>区财政局</td></tr>
    </table></body></html>"""
    assert read_bytes(page.encode(), "t.html").lines == [
        "| 一、依法全面履行政府职能 | 1 | 区司法局 |",
        "| 一、依法全面履行政府职能 | 2 | 区司法局 |",
        "| 一、依法全面履行政府职能 | 3 | 区财政局 |",
    ]


def test_word_single_file_web_page_mht() -> None:
    html = f'<html><head><meta charset="gbk"></head><body><p>{TITLE}</p><p>一、总体要求</p></body></html>'
    mht = (
        (
            b"MIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
            b"------=_NextPart_01\r\n"
            b"Content-Location: file:///C:/plan.htm\r\n"
            b"Content-Transfer-Encoding: base64\r\n"
            b'Content-Type: text/html; charset="gbk"\r\n\r\n'
        )
        + __import__("base64").encodebytes(html.encode("gbk"))
        + b"\r\n------=_NextPart_01--\r\n"
    )
    raw = read_bytes(mht, "方案.doc")
    assert raw.lines == [TITLE, "一、总体要求"]


def test_a_page_with_no_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="没有正文"):
        read_bytes(b"<html><body><script>x()</script></body></html>", "empty.html")


def test_hidden_elements_are_not_text() -> None:
    page = """<html><body><p>一、总体要求</p>
      <div style="display: none">分享到微信</div><span hidden>隐藏</span>
      <p style="visibility:hidden">二维码</p><p>二、目标任务</p></body></html>"""
    assert read_bytes(page.encode(), "p.html").lines == ["一、总体要求", "二、目标任务"]
