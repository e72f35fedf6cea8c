# network pages
