"""Entry point for ``python -m pbrules``."""

from pbrules.cli import main

raise SystemExit(main())
