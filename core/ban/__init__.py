"""What the ban means for this user: sourced texts chosen by region, date and machine."""
