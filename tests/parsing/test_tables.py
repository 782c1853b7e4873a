"""Ledger tables: pipe rows, one cell per line, space-separated rows."""

from fazhi.parsing import parse_lines, parse_text


def _ledger(plan):
    return [(t.number, t.heading_path, t.lead_units, t.responsible_units, t.deadline) for t in plan.tasks]


def test_pipe_rows_from_a_structured_reader_with_repeated_merged_cells():
    lines = [
        "某县2024年法治政府建设任务清单",
        "| 一级指标 | 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |",
        "| 一、依法履职 | 1 | 全面推行权责清单制度,动态调整。 | 县委编办 | 县直各部门 | 2024年6月底前 |",
        "| 一、依法履职 | 2 | 深化放管服改革,网上可办率不低于90%。 | 县政务服务中心 | 各乡镇 | 2024年12月底 |",
        "| 二、规范执法 | 3 | 落实行政执法三项制度。 | 县司法局 | 县直各执法部门、各乡镇 | 持续推进 |",
    ]
    plan = parse_lines(lines)
    assert _ledger(plan) == [
        ("1", ["一、依法履职"], ["县委编办"], ["县直各部门"], "2024-06-30"),
        ("2", ["一、依法履职"], ["县政务服务中心"], ["各乡镇"], "2024-12-31"),
        ("3", ["二、规范执法"], ["县司法局"], ["县直各执法部门", "各乡镇"], None),
    ]
    assert plan.tasks[2].deadline_text == "持续推进"
    assert [t.text for t in plan.tasks[1].targets] == ["不低于90%"]


def test_one_cell_per_line_with_a_unit_cell_spanning_following_rows():
    doc = """序号
主要任务
牵头、责任部门
一、依法全面履行政府职能
1.推行权责清单
1
动态调整权责清单。
牵头单位:区委编办;责任部门:其他部门、各街道按职责分别负责
2
编制并公布权责清单。
2.优化营商环境
3
严格执行优化营商环境条例。
牵头部门:区发展改革委
区政府办;
责任部门:区市场监管局
"""
    assert _ledger(parse_text(doc)) == [
        ("1", ["一、依法全面履行政府职能", "1.推行权责清单"], ["区委编办"], ["其他部门", "各街道"], None),
        ("2", ["一、依法全面履行政府职能", "1.推行权责清单"], ["区委编办"], ["其他部门", "各街道"], None),
        (
            "3",
            ["一、依法全面履行政府职能", "2.优化营商环境"],
            ["区发展改革委", "区政府办"],
            ["区市场监管局"],
            None,
        ),
    ]


def test_an_integer_value_cell_is_not_taken_for_the_next_row_number():
    doc = """序号
考核内容
年度目标
责任部门
8
家禽出栏
1
县农业农村局
9
水产品产量
42
县海洋渔业局
10
美丽牧场
0
县农业农村局
"""
    assert [t.number for t in parse_text(doc).tasks] == ["8", "9", "10"]


def test_space_separated_rows_take_units_from_the_trailing_columns():
    doc = """序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位
1 加强水资源保 护 严守红线 实施双控行动。 市水利局 市发展改革委、农业局等 各县(市、区)人民政府
"""
    assert _ledger(parse_text(doc)) == [
        ("1", [], ["市水利局"], ["市发展改革委", "农业局", "各县(市、区)人民政府"], None)
    ]


def test_a_trailing_scoring_column_is_not_a_responsible_unit():
    doc = "序号\n考核内容\n责任部门\n评分部门\n1\n粮食播种面积\n县农业农村局\n县海洋渔业局\n市农业农村局\n"
    assert _ledger(parse_text(doc)) == [("1", [], [], ["县农业农村局", "县海洋渔业局"], None)]


ONE_LINE_ROWS = [
    ("1", ["区司法局"], ["区各部门"], "2023-10-31"),
    ("2", ["区司法局"], ["区各行政执法部门"], "2023-12-31"),
    ("3", ["区政府办"], ["区司法局", "各街道"], "2023-03-31"),
]


def _one_line(sep):
    cells = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    cells += ["1", "开展示范创建,完善创建台账。", "区司法局", "区各部门", "2023年10月底"]
    cells += ["2", "推行行政执法三项制度,公示率达到100%。", "区司法局", "区各行政执法部门", "2023年12月底"]
    cells += ["3", "规范重大行政决策程序。", "区政府办", "区司法局、各街道", "2023年3月底"]
    return "某区2023年重点任务分工\n" + sep.join(cells) + "\n"


def test_a_whole_table_on_one_pipe_line():
    plan = parse_text(_one_line(" | "))
    assert [(t.number, t.lead_units, t.responsible_units, t.deadline) for t in plan.tasks] == ONE_LINE_ROWS


def test_a_whole_table_on_one_space_separated_line():
    plan = parse_text(_one_line(" "))
    assert [(t.number, t.lead_units, t.responsible_units, t.deadline) for t in plan.tasks] == ONE_LINE_ROWS


def test_numbered_pipe_rows_without_a_header_are_a_ledger_with_responsible_units():
    doc = "某县2024年工作要点\n| 1 | 开展专题学习。 | 县委依法治县办 | 2024年6月底 |\n| 2 | 加强行政复议。 | 县司法局、县信访局 | 长期坚持 |\n"
    plan = parse_text(doc)
    assert [(t.number, t.lead_units, t.responsible_units, t.deadline) for t in plan.tasks] == [
        ("1", [], ["县委依法治县办"], "2024-06-30"),
        ("2", [], ["县司法局", "县信访局"], None),
    ]


def test_positional_rows_keep_empty_cells_in_their_columns():
    lines = [
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "| 1 | 编制决策事项目录。 | | 区政府办 | 2024年3月底 |",
    ]
    t = parse_lines(lines).tasks[0]
    assert (t.lead_units, t.responsible_units, t.deadline) == ([], ["区政府办"], "2024-03-31")


def test_row_numbers_printed_with_a_dot():
    doc = "序号\n工作任务\n责任单位\n1.\n开展执法检查。\n区司法局\n2.\n开展普法宣传。\n各街道\n"
    assert [(t.number, t.responsible_units) for t in parse_text(doc).tasks] == [
        ("1", ["区司法局"]),
        ("2", ["各街道"]),
    ]


def test_category_rows_merged_across_the_table_set_the_heading_of_the_rows_below():
    lines = [
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "| 一、深化放管服改革 |",
        "| 1 | 推行证明事项告知承诺制。 | 区司法局 | 区各部门 | 2024年6月底 |",
        "二、规范行政执法",
        "| 2 | 落实行政执法三项制度。 | 区司法局 | 区各执法部门 | 长期坚持 |",
    ]
    plan = parse_lines(lines)
    assert [(t.number, t.heading_path, t.lead_units) for t in plan.tasks] == [
        ("1", ["一、深化放管服改革"], ["区司法局"]),
        ("2", ["二、规范行政执法"], ["区司法局"]),
    ]


def test_without_a_number_column_a_numbered_task_cell_is_the_task():
    lines = [
        "| 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "| 一、深化改革 | 1.推行证明事项告知承诺制 | 区司法局 | 区各部门 | 2024年6月底 |",
        "| 5.优化营商环境 | 区发改委 | 各街道 | 2024年12月底 |",
    ]
    plan = parse_lines(lines)
    assert [(t.number, t.heading_path, t.lead_units, t.responsible_units) for t in plan.tasks] == [
        ("1", ["一、深化改革"], ["区司法局"], ["区各部门"]),
        ("5", ["一、深化改革"], ["区发改委"], ["各街道"]),
    ]


def test_numbered_space_separated_rows_without_a_header():
    doc = (
        "某县2024年依法行政重点工作\n"
        "1 深入学习贯彻习近平法治思想,开展专题学习 县委依法治县办 2024年6月底\n"
        "2 推进严格规范公正文明执法 县司法局 县直各执法部门 2024年12月底\n"
    )
    plan = parse_text(doc)
    assert [(t.number, t.lead_units, t.responsible_units, t.deadline) for t in plan.tasks] == [
        ("1", [], ["县委依法治县办"], "2024-06-30"),
        ("2", [], ["县司法局", "县直各执法部门"], "2024-12-31"),
    ]


def test_a_single_numbered_line_with_spaces_is_not_a_table():
    plan = parse_text("1 开展执法检查 县司法局\n其他说明文字。\n")
    assert plan.tasks == []


def test_a_header_note_states_the_first_listed_rule_for_the_column():
    lines = [
        "| 序号 | 工作任务 | 责任单位(列第一位的为牵头单位) | 完成时限 |",
        "| 1 | 开展执法检查。 | 区司法局、区市场监管局 | 2024年6月底 |",
    ]
    t = parse_lines(lines).tasks[0]
    assert (t.lead_units, t.responsible_units) == (["区司法局"], ["区市场监管局"])


def test_a_task_cell_that_carries_its_own_labels():
    lines = [
        "| 序号 | 工作任务 | 完成时限 |",
        "| 1 | 开展执法检查。(牵头单位:区司法局;配合单位:各街道) | 2024年6月底 |",
    ]
    t = parse_lines(lines).tasks[0]
    assert (t.lead_units, t.responsible_units, t.deadline) == (["区司法局"], ["各街道"], "2024-06-30")
    assert t.content == "开展执法检查。"
