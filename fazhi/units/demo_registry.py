"""The demo unit registry: the three districts of seed plans 000 (天桥区), 002 (龙泉市), 003 (红桥区).

Each unit is (full name, short name as plans print it, kind, aliases, group keys). Full names
carry the place name; short names are what the seed plans print, so most names match exactly,
some by alias and some only after normalisation (区政府办 ↔ 区政府办公室; 公安红桥分局 ↔ 区公安分局).
"""

from __future__ import annotations

from typing import Any

P, G, T, C, R, OT = "party", "government", "town", "court", "procuratorate", "other"

# Group keys used below: dept = 区各部门 / 其他部门, law = 各行政执法机关, town = 各街道 / 各乡镇(街道)


def _units(prefix: str, rows: list[tuple[str, str, str, list[str], str]]) -> list[dict[str, Any]]:
    return [
        {
            "name": prefix + full,
            "short_name": short,
            "kind": kind,
            "aliases": aliases,
            "groups": groups.split(),
        }
        for full, short, kind, aliases, groups in rows
    ]


TIANQIAO_STREETS = [
    "天桥东街", "北村", "南村", "堤口路", "北坦", "制锦市", "宝华街", "官扎营",
    "纬北路", "药山", "北园", "泺口", "工人新村北村", "桑梓店", "大桥",
]  # fmt: skip
HONGQIAO_STREETS = [
    "西于庄",
    "咸阳北路",
    "丁字沽",
    "西沽",
    "三条石",
    "邵公庄",
    "芥园",
    "铃铛阁",
    "和苑",
    "双环邨",
]
LONGQUAN_TOWNS = [
    "龙渊街道", "西街街道", "剑池街道", "八都镇", "上垟镇", "小梅镇", "查田镇", "屏南镇", "安仁镇",
    "锦溪镇", "住龙镇", "兰巨乡", "宝溪乡", "竹垟畲族乡", "道太乡", "岩樟乡", "城北乡", "龙南乡", "塔石乡",
]  # fmt: skip

REGISTRY: list[dict[str, Any]] = [
    {
        "name": "天桥区",
        "short_name": "天桥",
        "parent": ("济南市", "济南"),
        "groups": {
            "dept": ("区各部门", ["各部门", "区直各部门", "其他部门"]),
            "law": ("区各行政执法部门(单位)", ["各行政执法机关", "各行政执法部门", "区各行政执法部门"]),
            "town": ("各街道", ["各街道办事处", "街道"]),
        },
        "units": _units(
            "天桥区",
            [
                ("委全面依法治区委员会办公室", "区委依法治区办", P, ["依法治区办"], "dept"),
                ("委办公室", "区委办公室", P, ["区委办"], "dept"),
                ("委宣传部", "区委宣传部", P, [], "dept"),
                ("委政法委员会", "区委政法委", P, [], "dept"),
                ("委组织部", "区委组织部", P, [], "dept"),
                ("委党校", "区委党校", P, ["区委党校(行政学院)"], "dept"),
                ("人民政府办公室", "区政府办公室", G, [], "dept"),
                ("司法局", "区司法局", G, [], "dept"),
                ("应急管理局", "区应急局", G, [], "dept law"),
                ("公安分局", "区公安分局", G, [], "dept law"),
                ("市场监督管理局", "区市场监管局", G, [], "dept law"),
                ("综合行政执法局", "区综合执法局", G, ["区城管局"], "dept law"),
                ("教育和体育局", "区教体局", G, [], "dept law"),
                ("卫生健康局", "区卫健局", G, [], "dept law"),
                ("财政局", "区财政局", G, [], "dept"),
                ("人民法院", "区法院", C, [], ""),
                ("人民检察院", "区检察院", R, [], ""),
            ]
            + [(s + "街道办事处", s + "街道", T, [], "town") for s in TIANQIAO_STREETS],
        ),
    },
    {
        "name": "龙泉市",
        "short_name": "龙泉",
        "parent": ("丽水市", "丽水"),
        "groups": {
            "law": ("各行政执法机关", ["市各行政执法机关", "各行政执法部门"]),
            "town": ("各乡镇(街道)", ["各乡镇街道", "乡镇(街道)", "各乡镇、街道"]),
            "dept": ("市级各部门", ["各部门", "市各部门"]),
        },
        "units": _units(
            "龙泉市",
            [
                ("委全面依法治市委员会办公室", "市委依法治市办", P, [], "dept"),
                ("委办公室", "市委办", P, [], "dept"),
                ("委组织部", "市委组织部", P, [], "dept"),
                ("委宣传部", "市委宣传部", P, [], "dept"),
                ("委政法委员会", "市委政法委", P, [], "dept"),
                ("委机构编制委员会办公室", "市委编办", P, [], "dept"),
                ("委巡察工作领导小组办公室", "市委巡察办", P, [], "dept"),
                ("纪委市监委机关", "市纪委市监委机关", P, ["市纪委监委"], "dept"),
                ("人大常委会办公室", "市人大办", OT, [], ""),
                ("政协办公室", "市政协办", OT, [], ""),
                ("人民政府办公室", "市政府办公室", G, ["市府办"], "dept"),
                ("司法局", "市司法局", G, [], "dept"),
                ("公安局", "市公安局", G, [], "dept law"),
                ("人力资源和社会保障局", "市人力社保局", G, [], "dept law"),
                ("民政局", "市民政局", G, [], "dept law"),
                ("农业农村局", "市农业农村局", G, [], "dept law"),
                ("市场监督管理局", "市市场监管局", G, [], "dept law"),
                ("综合行政执法局", "市综合执法局", G, [], "dept law"),
                ("经济商务局", "市经济商务局", G, [], "dept law"),
                ("信访局", "市信访局", G, [], "dept"),
                ("大数据发展中心", "市大数据发展中心", OT, [], "dept"),
                ("行政服务中心", "市行政服务中心", OT, [], "dept"),
                ("人民法院", "市法院", C, [], ""),
                ("人民检察院", "市检察院", R, [], ""),
            ]
            + [(t, t, T, [], "town") for t in LONGQUAN_TOWNS],
        ),
    },
    {
        "name": "红桥区",
        "short_name": "红桥",
        "parent": ("天津市", "天津"),
        "groups": {
            "dept": ("其他部门", ["区各部门", "各部门"]),
            "town": ("各街道", ["各街道办事处"]),
        },
        "units": _units(
            "红桥区",
            [
                ("委组织部", "区委组织部", P, [], "dept"),
                ("委机构编制委员会办公室", "区委编办", P, [], "dept"),
                ("委网络安全和信息化委员会办公室", "区委网信办", P, [], "dept"),
                ("委党校", "区委党校", P, [], "dept"),
                ("纪委监委", "区纪委监委", P, [], "dept"),
                ("人民政府办公室", "区政府办公室", G, [], "dept"),
                ("政务服务办公室", "区政务服务办", G, [], "dept"),
                ("发展和改革委员会", "区发展改革委", G, [], "dept"),
                ("司法局", "区司法局", G, [], "dept"),
                ("财政局", "区财政局", G, [], "dept"),
                ("审计局", "区审计局", G, [], "dept"),
                ("教育局", "区教育局", G, [], "dept"),
                ("民政局", "区民政局", G, [], "dept"),
                ("人力资源和社会保障局", "区人力社保局", G, [], "dept"),
                ("生态环境局", "区生态环境局", G, [], "dept"),
                ("文化和旅游局", "区文化旅游局", G, [], "dept"),
                ("卫生健康委员会", "区卫健委", G, [], "dept"),
                ("市场监督管理局", "区市场监管局", G, [], "dept"),
                ("信访办公室", "区信访办", G, [], "dept"),
                ("网格化管理中心", "区网格化管理中心", G, [], "dept"),
                ("公安分局", "区公安分局", G, [], "dept"),
                ("规划和自然资源局红桥分局", "规划资源红桥分局", G, ["规自分局"], "dept"),
            ]
            + [(s + "街道办事处", s + "街道", T, [], "town") for s in HONGQIAO_STREETS],
        ),
    },
]
