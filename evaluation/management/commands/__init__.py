"""``manage.py`` commands of evaluation."""
