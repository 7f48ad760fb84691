"""Renderers: each turns a result into text (or a rich renderable) and nothing more."""
