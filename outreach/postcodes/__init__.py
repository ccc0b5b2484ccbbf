"""The postcode table's officials' side and its lookup: import (all or nothing, audited) and "find
your neighbourhood", which falls back on the district's voting address lists where no table exists.

The table itself lives in ``places.postcodes`` (below the plan form that reads its streets); this
package sits where the CSV reader, the permission checks, the audit log and the address lists are.
"""
