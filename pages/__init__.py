"""The public site's own pages: home, how it works, accessibility statement, error pages."""
