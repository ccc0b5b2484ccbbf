"""The demo: a realistic Amsterdam data set loaded by `make demo` (management command load_demo)."""
