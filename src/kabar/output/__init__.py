"""Render Reports for people (terminal text, HTML) and programs (JSON Lines)."""
