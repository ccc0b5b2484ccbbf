"""Postcodes: which neighbourhood a postcode (and house number) lies in, from a table officials import.

The table is district content, kept here below everything that reads it (the plan's address step,
the home page's "find your neighbourhood"). Officials import it through ``outreach.postcodes``,
which reads the file, authorises and audits; this package holds the rows, their form and the reads.
"""
