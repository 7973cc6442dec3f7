# Dates as the plan's English text writes them: "30 December 2022".
DATE_FORMAT = "j F Y"
