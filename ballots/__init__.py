"""The ballot both decision models use: its sections, formats and rules, its form and its partials."""
