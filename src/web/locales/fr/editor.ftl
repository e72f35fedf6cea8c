# editor pages
