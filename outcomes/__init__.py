"""Django side of pbrules: ballots become elections, are counted under the rule, and the result kept."""
