"""A district's help at hand: its helpdesk and the places where residents get help in person."""
