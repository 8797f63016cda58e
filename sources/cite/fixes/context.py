"""Rendering state, per thread: Django may serve requests in threads, and citeproc-py keeps
state on the parsed style (each style is used under its own lock, see engine._style)."""

import threading

state = threading.local()


def get(name, default):
    """The thread's value of `name`, set to `default()` on first use."""
    if not hasattr(state, name):
        setattr(state, name, default())
    return getattr(state, name)
