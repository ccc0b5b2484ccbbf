"""Completion: the initiators' final report, and the district accepting it or returning it with a note."""
