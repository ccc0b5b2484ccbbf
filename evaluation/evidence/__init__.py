"""The precomputed figures of an edition: one JSON document per edition (``EditionEvidence``), assembled
from one section per part of the learning programme, refreshed hourly, on request and when stale."""

from .compute import compute_evidence
from .sections import EVIDENCE_VERSION, SECTIONS

__all__ = ["EVIDENCE_VERSION", "SECTIONS", "compute_evidence"]
