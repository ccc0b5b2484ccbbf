"""The open data package: per edition one zip with a Frictionless ``datapackage.json``, CSV tables and the
published ballot files, without personal data (``selectors.open_data_package``)."""
