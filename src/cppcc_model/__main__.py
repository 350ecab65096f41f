"""``python -m cppcc_model`` runs the ``cppcc`` command (useful where scripts are not on PATH)."""

import sys

from cppcc_model.cli import main

sys.exit(main())
