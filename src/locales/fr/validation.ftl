## validation
