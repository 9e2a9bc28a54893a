from __future__ import annotations

import pytest

from tillid.reports.wording import WORDS


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_interface_text_exists_in_danish_english_and_swedish(key: str) -> None:
    assert set(WORDS[key]) == {"da", "en", "sv"}
    assert all(text.strip() for text in WORDS[key].values())
