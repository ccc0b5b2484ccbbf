"""Settings per environment: base (shared), dev (the demo), test (pytest) and prod."""
