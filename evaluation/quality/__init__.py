"""Outcome quality: satisfaction with the published result, greedy against Equal Shares, money per place."""
