"""The panel's work sessions: plan and record them, invite presenters, ask and answer questions."""
