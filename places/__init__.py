"""Where editions happen: municipality → districts (stadsdelen) → neighbourhoods."""
