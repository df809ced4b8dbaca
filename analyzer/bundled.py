"""Where the dashboard app and the example seeds are: the source tree, or inside the package.

A source checkout (and an editable install) has ``dashboards/`` and ``seeds/`` beside the
``analyzer`` package; a wheel carries copies in ``analyzer/_bundled/`` (see ``setup.py``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_path(name: str) -> Path:
    """``dashboards`` or ``seeds``: the checkout's folder when there is one, else the bundled copy."""
    checkout = _PACKAGE.parent / name
    return checkout if checkout.is_dir() else _PACKAGE / "_bundled" / name


#: The example collection ``framescope dashboard`` serves without paths.
BUNDLED_SEEDS = bundled_path("seeds")
#: The Streamlit app ``framescope dashboard`` runs.
DASHBOARD_APP = bundled_path("dashboards") / "app.py"
