"""The editors' web view (`toolkit serve`): browse and search the glossary, curate a concept,
read an article in every language side by side with its findings, transliterate live.

>>> from toolkit.web import editing_allowed
>>> editing_allowed("127.0.0.1", read_only=False, allow_edit=False)
True
"""

from __future__ import annotations

from toolkit.web.app import create_app
from toolkit.web.security import editing_allowed, is_loopback

__all__ = ["create_app", "editing_allowed", "is_loopback"]
