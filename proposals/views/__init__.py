"""Views for plans, by topic: public list, submission, support and discussion."""
