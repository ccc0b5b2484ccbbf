"""The JSON API for kiosks and a city's own front end, with its OpenAPI schema."""
