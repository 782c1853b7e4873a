"""Unit attribution phrases → (lead units, responsible units). Table-driven."""

import pytest

from fazhi.parsing.units import (
    looks_like_unit,
    parse_labelled,
    parse_unit_clauses,
    split_units,
    trailing_attribution,
)

CLAUSES = [
    # no role verb: everyone responsible
    ("区司法局、区财政局", [], ["区司法局", "区财政局"]),
    ("区政务服务局牵头,区发改局、区审改办配合", ["区政务服务局"], ["区发改局", "区审改办"]),
    ("市委依法治市办、市委组织部分别牵头", ["市委依法治市办", "市委组织部"], []),
    (
        "市司法局、市委政法委共同牵头,市综合执法局、各行政执法机关",
        ["市司法局", "市委政法委"],
        ["市综合执法局", "各行政执法机关"],
    ),
    ("市工商质监局牵头负责", ["市工商质监局"], []),
    ("市交通局负责,各有关部门配合", [], ["市交通局", "各有关部门"]),
    ("区司法局会同区财政局办理", [], ["区司法局", "区财政局"]),
    (
        "区发改局牵头,区财政局、区水务局等部门,区国投公司配合",
        ["区发改局"],
        ["区财政局", "区水务局", "区国投公司"],
    ),
    ("其他部门、各街道按职责分别负责", [], ["其他部门", "各街道"]),
    ("区市场监管局、区司法局等部门以及各街道按职责分别负责", [], ["区市场监管局", "区司法局", "各街道"]),
    ("各县(市、区)人民政府、各开发区管委会", [], ["各县(市、区)人民政府", "各开发区管委会"]),
    ("区司法局(牵头)、区财政局、区法院", ["区司法局"], ["区财政局", "区法院"]),
    # a synonym-spun verb after 牵头 still marks the lead
    ("省发展改革委牵头卖力", ["省发展改革委"], []),
]


@pytest.mark.parametrize("text,lead,resp", CLAUSES)
def test_unit_clauses_give_roles_as_printed(text, lead, resp):
    att, share = parse_unit_clauses(text)
    assert att.lead == lead
    assert att.responsible == resp
    assert share >= 0.6


def test_first_listed_rule_makes_the_first_unit_lead_only_without_role_verbs():
    att, _ = parse_unit_clauses("市委依法治市办、市委组织部、市委编办,列第一位的为牵头单位,下同")
    assert att.states_first_listed_rule
    assert att.lead == ["市委依法治市办"]
    assert att.responsible == ["市委组织部", "市委编办"]
    att, _ = parse_unit_clauses("市委编办、市行政服务中心", first_listed=True)
    assert (att.lead, att.responsible) == (["市委编办"], ["市行政服务中心"])
    att, _ = parse_unit_clauses("市委办、市府办分别牵头,市大数据发展中心", first_listed=True)
    assert (att.lead, att.responsible) == (["市委办", "市府办"], ["市大数据发展中心"])


LABELLED = [
    (
        "牵头单位:区政务服务办;责任部门:其他部门、各街道按职责分别负责",
        ["区政务服务办"],
        ["其他部门", "各街道"],
        None,
    ),
    ("牵头单位:市商务局  责任单位:市编办、市发改委", ["市商务局"], ["市编办", "市发改委"], None),
    (
        "牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)",
        ["区卫健局"],
        ["区疫情防控指挥部成员单位", "各街办(新区)"],
        None,
    ),
    ("牵头责任单位:市发展改革委。", ["市发展改革委"], [], None),
    ("牵头负责领导:金力。", [], [], None),
    ("责任单位:区发展和改革局;完成时限:2024年6月底", [], ["区发展和改革局"], "2024年6月底"),
    ("责责任部门:其他部门、各街道", [], ["其他部门", "各街道"], None),
]


@pytest.mark.parametrize("text,lead,resp,deadline", LABELLED)
def test_labelled_fields(text, lead, resp, deadline):
    att = parse_labelled(text)
    assert att is not None
    assert (att.lead, att.responsible, att.deadline_text) == (lead, resp, deadline)


def test_labelled_list_with_first_listed_rule_in_a_trailing_bracket():
    att = parse_labelled("责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)")
    assert att.lead == ["市经信局"]
    assert att.responsible == ["市财政局", "市税务局"]


TRAILING = [
    ("落实述法制度。(市委依法治市办、市委组织部分别牵头)", ["市委依法治市办", "市委组织部"], []),
    ("推进政务服务一网通办。(区政务服务局牵头,区发改局配合)", ["区政务服务局"], ["区发改局"]),
    ("规范执法行为。区司法局牵头,各街道配合。", ["区司法局"], ["各街道"]),
    ("以上工作由市城管办、公安交警局负责,各区政府配合。", [], ["市城管办", "公安交警局", "各区政府"]),
    (
        "实施期限至2021年12月31日。(市人力资源社会保障局、市医保局负责)",
        [],
        ["市人力资源社会保障局", "市医保局"],
    ),
]


@pytest.mark.parametrize("text,lead,resp", TRAILING)
def test_trailing_attributions(text, lead, resp):
    att, start = trailing_attribution(text, first_listed=False)
    assert att is not None
    assert (att.lead, att.responsible) == (lead, resp)
    assert start < len(text)


@pytest.mark.parametrize(
    "text",
    [
        "按照统一部署(以下简称《目录》)",
        "开展法治讲座。各街道要积极配合。",
        "提高全社会对应急预案的知晓率。",
        "扩大上线服务单位范围(涉及水土保持项目)",
    ],
)
def test_text_that_is_not_an_attribution(text):
    att, _ = trailing_attribution(text, first_listed=False)
    assert att is None


@pytest.mark.parametrize(
    "text,units",
    [
        ("县司法局 县信访局", ["县司法局", "县信访局"]),
        ("区各部门,各街道", ["区各部门", "各街道"]),
        ("中新苏滁高新区管委会等", ["中新苏滁高新区管委会"]),
        ("各县(市、区)党委和人民政府", ["各县(市、区)党委和人民政府"]),
    ],
)
def test_split_units(text, units):
    assert split_units(text) == units


@pytest.mark.parametrize(
    "name", ["区委依法治区办", "滁州海关", "水务集团", "各街道", "公安红桥分局", "市人行"]
)
def test_unit_names_look_like_units(name):
    assert looks_like_unit(name)


@pytest.mark.parametrize("text", ["建设美丽牧场", "2024年底", "下同", "提高效率。"])
def test_other_phrases_do_not_look_like_units(text):
    assert not looks_like_unit(text)


@pytest.mark.parametrize(
    "text",
    [
        "列第一位的为牵头单位,下同",
        "排名第一的为牵头单位",
        "列在首位的单位为牵头单位",
        "首个部门为牵头部门",
        "列第一位者为工作牵头单位或汇总单位",
    ],
)
def test_ways_of_stating_the_first_listed_rule(text):
    from fazhi.parsing.units import states_first_listed_rule

    assert states_first_listed_rule(text)
