"""Small framework pieces every app shares; no domain code lives here."""
