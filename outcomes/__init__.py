"""Django side of pbrules: the ballots become elections, are counted under the rule, and the result is kept."""
