"""The demo's management commands: load_demo."""
