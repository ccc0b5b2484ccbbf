"""The reference population: a district's residents by neighbourhood, age band and gender, from CSV."""
