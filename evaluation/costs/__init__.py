"""The cost of running an edition: staff hours and money per line, entered by the district's officials."""
