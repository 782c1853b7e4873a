"""Match unit names as printed in a plan to the registry.

Order of attempts, first hit wins:
1. exact: the unit's full name or short name;
2. alias: one of the unit's recorded aliases;
3. group: a collective name (各街道, 区各部门) or one of its aliases;
4. normalised: both sides reduced to a key (place names and 区/市/县 prefixes dropped, long
   official forms shortened: 全面依法治区委员会办公室 → 依法治办, 办公室 → 办, 人民法院 → 法院);
5. otherwise fuzzy candidates (rapidfuzz on the keys) are offered, but nothing is chosen.

A name that reaches two units at the same step is "ambiguous"; it is never resolved silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Count, Q
from rapidfuzz import fuzz, process

from fazhi.parsing.normalize import to_simplified

# Long official forms → the short forms plans use. Applied in order, to both sides.
_REWRITES: list[tuple[str, str]] = [
    (r"全面依法治[区市县省国]委员会办公室", "依法治办"),
    (r"依法治[区市县省国]委员会办公室", "依法治办"),
    (r"依法治[区市县省国]办", "依法治办"),
    (r"人民政府", "政府"),
    (r"人民法院", "法院"),
    (r"人民检察院", "检察院"),
    (r"纪律检查委员会", "纪委"),
    (r"监察委员会", "监委"),
    (r"机构编制委员会办公室", "编办"),
    (r"网络安全和信息化委员会办公室", "网信办"),
    (r"政法委员会", "政法委"),
    (r"人力资源和社会保障", "人力社保"),
    (r"市场监督管理", "市场监管"),
    (r"发展和改革", "发展改革"),
    (r"卫生健康委员会", "卫健委"),
    (r"住房和城乡建设", "住建"),
    (r"文化和旅游", "文化旅游"),
    (r"规划和自然资源", "规自"),
    (r"生态环境", "生态"),
    (r"政务服务管理办公室", "政务服务办"),
    (r"办公室", "办"),
    (r"政府办", "府办"),
    (r"委员会", "委"),
]
_REWRITES_RE = [(re.compile(p), r) for p, r in _REWRITES]
_BRACKETS = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_LEVEL_PREFIX = re.compile(r"^(中共)?[区市县]")

FUZZY_CUTOFF = 55


def _printed_level(name: str) -> str:
    """区, 市 or 县 when a printed name starts with it (after 中共), else ""."""
    m = _LEVEL_PREFIX.match(name)
    return m.group(0)[-1] if m else ""


def clean(name: str) -> str:
    """Unicode-normalise, fold Traditional to Simplified (the parser reports names as printed)
    and drop whitespace: the form compared for exact matches."""
    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", name or "")))


def normalise(name: str, place_names: Iterable[str] = ()) -> str:
    """The comparison key of a unit name (see module docstring, step 4)."""
    s = clean(name)
    s = _BRACKETS.sub("", s)
    for place in sorted(place_names, key=len, reverse=True):
        if place and len(place) >= 2:
            s = s.replace(place, "")
    s = _LEVEL_PREFIX.sub("", s)
    for pattern, repl in _REWRITES_RE:
        s = pattern.sub(repl, s)
    return s or clean(name)


@dataclass
class Candidate:
    kind: str  # "unit" or "group"
    id: int
    name: str
    score: int


@dataclass
class Match:
    """The outcome for one printed name. `kind`/`id` are set only when resolved."""

    name: str
    method: str  # exact, alias, group, normalised, ambiguous, none
    kind: str | None = None
    id: int | None = None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.kind is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Registry:
    """Units and groups of one jurisdiction (and those below it), loaded once for many matches."""

    def __init__(self, jurisdiction_ids: Iterable[int]) -> None:
        from fazhi.units.models import Jurisdiction, Unit, UnitAlias, UnitGroup

        ids = list(jurisdiction_ids)
        places: set[str] = set()
        # Place names of these jurisdictions and their ancestors (红桥区, 红桥, 天津市, 天津).
        # The level a jurisdiction's units print before their names: 区委…, 市司法局, 县法院.
        level_of: dict[int, str] = {}
        for j in Jurisdiction.objects.all().values("pk", "name", "short_name", "parent_id"):
            places.update({j["name"], j["short_name"]})
            level_of[j["pk"]] = j["name"][-1:] if j["name"][-1:] in "区市县" else ""
            if j["name"][-1:] in "区市县镇" and len(j["name"]) > 2:
                places.add(j["name"][:-1])
        self.places = {p for p in places if p}
        self.names: dict[int, str] = {}
        self.group_names: dict[int, str] = {}
        self._exact: dict[str, set[int]] = defaultdict(set)
        self._alias: dict[str, set[int]] = defaultdict(set)
        self._group: dict[str, set[int]] = defaultdict(set)
        self._unit_keys: dict[str, set[int]] = defaultdict(set)
        self._group_keys: dict[str, set[int]] = defaultdict(set)

        self.unit_level: dict[int, str] = {}
        self.group_level: dict[int, str] = {}
        for pk, name, short, jur_id in Unit.objects.filter(jurisdiction_id__in=ids, active=True).values_list(
            "pk", "name", "short_name", "jurisdiction_id"
        ):
            self.names[pk] = name
            self.unit_level[pk] = level_of.get(jur_id, "")
            for n in (name, short):
                if n:
                    self._exact[clean(n)].add(pk)
                    self._unit_keys[normalise(n, self.places)].add(pk)
        for pk, alias in UnitAlias.objects.filter(unit_id__in=self.names).values_list("unit_id", "name"):
            self._alias[clean(alias)].add(pk)
            self._unit_keys[normalise(alias, self.places)].add(pk)
        self.group_sizes: dict[int, int] = {}
        groups = UnitGroup.objects.filter(jurisdiction_id__in=ids).annotate(
            size=Count("members", filter=Q(members__active=True))
        )
        for pk, name, aliases, size, jur_id in groups.values_list(
            "pk", "name", "aliases", "size", "jurisdiction_id"
        ):
            self.group_names[pk] = name
            self.group_level[pk] = level_of.get(jur_id, "")
            self.group_sizes[pk] = size
            for n in [name, *(aliases or [])]:
                self._group[clean(n)].add(pk)
                self._group_keys[normalise(n, self.places)].add(pk)
        self._fuzzy_keys = list(self._unit_keys)

    def _unit_candidates(self, ids: Iterable[int], score: int) -> list[Candidate]:
        return sorted((Candidate("unit", pk, self.names[pk], score) for pk in ids), key=lambda c: c.name)

    def _resolve(self, name: str, method: str, kind: str, ids: set[int]) -> Match:
        if kind == "group":
            cands = [Candidate("group", pk, self.group_names[pk], 100) for pk in sorted(ids)]
        else:
            cands = self._unit_candidates(ids, 100)
        if len(ids) == 1:
            return Match(name, method, kind, next(iter(ids)), cands)
        return Match(name, "ambiguous", None, None, cands)

    def match(self, printed: str) -> Match:
        """Match one printed name (see the module docstring for the order of attempts)."""
        name = clean(printed)
        if ids := self._exact.get(name):
            return self._resolve(printed, "exact", "unit", ids)
        if ids := self._alias.get(name):
            return self._resolve(printed, "alias", "unit", ids)
        if ids := self._group.get(name):
            return self._resolve(printed, "group", "group", ids)
        key = normalise(name, self.places)
        # Normalised keys drop the 区/市/县 prefix, so a printed level must agree with the unit's:
        # 市委组织部 in a 区 plan is the city's department, not the district's 区委组织部.
        level = _printed_level(name)
        if ids := self._same_level(self._unit_keys.get(key), self.unit_level, level):
            return self._resolve(printed, "normalised", "unit", ids)
        if ids := self._same_level(self._group_keys.get(key), self.group_level, level):
            return self._resolve(printed, "group", "group", ids)
        return Match(printed, "none", None, None, self.suggest(printed))

    @staticmethod
    def _same_level(ids: set[int] | None, levels: dict[int, str], level: str) -> set[int]:
        if not ids or not level:
            return ids or set()
        return {pk for pk in ids if levels.get(pk, "") in ("", level)}

    def suggest(self, printed: str, limit: int = 5) -> list[Candidate]:
        """Fuzzy candidates for a name that matched nothing, best first."""
        key = normalise(printed, self.places)
        best: dict[int, int] = {}
        for found_key, score, _ in process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=FUZZY_CUTOFF
        ):
            for pk in self._unit_keys[found_key]:
                best[pk] = max(best.get(pk, 0), int(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self.names[kv[0]]))[:limit]
        return [Candidate("unit", pk, self.names[pk], score) for pk, score in ranked]
