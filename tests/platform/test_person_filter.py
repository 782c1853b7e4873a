"""Pages name people as colleagues know them (the full name), not by login."""

from django.contrib.auth.models import User

from fazhi.ledger.templatetags.fazhi_tags import person


def test_a_user_with_a_full_name_is_shown_by_it():
    assert person(User(username="liaison_sfj", first_name="张联络员")) == "张联络员"


def test_a_user_without_a_name_is_shown_by_login_and_nobody_as_a_dash():
    assert person(User(username="office")) == "office"
    assert person(None) == "—"
