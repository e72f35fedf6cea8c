# item pages
