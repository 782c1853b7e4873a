"""Settings helpers read the environment strictly and name the variable when a value is bad."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from fazhi.settings import env_bool, env_int, env_list


def test_env_helpers_read_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAZHI_T_BOOL", "yes")
    monkeypatch.setenv("FAZHI_T_INT", "42")
    monkeypatch.setenv("FAZHI_T_LIST", "a.example, b.example,")
    assert env_bool("FAZHI_T_BOOL", False) is True
    assert env_int("FAZHI_T_INT", 1) == 42
    assert env_list("FAZHI_T_LIST", "") == ["a.example", "b.example"]
    assert env_int("FAZHI_T_MISSING", 7) == 7


@pytest.mark.parametrize(("helper", "value"), [(env_bool, "maybe"), (env_int, "twenty")])
def test_a_bad_value_stops_start_up_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, helper, value
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FAZHI_T_BAD", value)
    with pytest.raises(ImproperlyConfigured, match="FAZHI_T_BAD"):
        helper("FAZHI_T_BAD", 0)
