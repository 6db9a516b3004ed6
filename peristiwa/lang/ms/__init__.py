"""Malay language resources (abbreviations for the sentence splitter, later lexicons)."""
