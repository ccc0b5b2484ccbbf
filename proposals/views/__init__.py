"""Views for plans, by topic: public pages, the wizard, own plans, invitations, support and discussion."""
