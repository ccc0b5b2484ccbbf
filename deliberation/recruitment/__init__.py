"""Panel recruitment: the features a panel is stratified on, invitations, sign-ups and the pool."""
