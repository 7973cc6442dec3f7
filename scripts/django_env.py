"""Django set up for the stand-alone scripts in this folder (run as `python scripts/NAME.py`)."""

import os
import sys
from pathlib import Path


def setup(default_settings):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    import django

    django.setup()
