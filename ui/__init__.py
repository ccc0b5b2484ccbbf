"""The look: template tags for money and dates, the base layout's context, shared templates."""
