"""The citizens' panel: recruitment, the stratified draw (sortition-algorithms), members and replacements."""
