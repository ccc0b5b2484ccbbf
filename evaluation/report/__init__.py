"""The learning report: per edition and across a municipality's editions, as a page and as a PDF."""
