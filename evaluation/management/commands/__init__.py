"""``manage.py`` commands of the learning programme: refresh the figures, invite to surveys."""
