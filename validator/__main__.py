"""``python -m validator``."""

import sys

from .cli import main

sys.exit(main())
