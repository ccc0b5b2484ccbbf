"""The panel draw: quotas, the selection under a recorded seed, publication and replacements."""
