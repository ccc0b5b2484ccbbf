"""The learning programme: population, participation, surveys, funnel, lessons, the report, open data."""
