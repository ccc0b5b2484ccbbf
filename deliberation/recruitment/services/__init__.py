"""The recruitment services: features and population figures, invitation letters, sign-ups, pool files."""
