"""Tests of the development track: ideas, coaching, workshops."""
