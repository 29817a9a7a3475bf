"""Locale formats Django does not ship: Kazakh (``kk``)."""
