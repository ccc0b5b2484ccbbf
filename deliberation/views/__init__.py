"""The panel's pages: the facilitator's draw and quota pages, and the public panel page."""
