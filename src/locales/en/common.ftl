# Shared by every page: the frame, the navigation, error pages.
feed-all-title = all items (Atom)
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-catalogue = Catalogue
nav-network = The network
nav-vocabularies = Vocabularies
nav-editor = Editors' area
signed-in-as = Signed in as
sign-out = Sign out
error-status = Error { $status }
error-back-home = Back to the home page
error-browse-catalogue = Browse the catalogue
error-not-found = Page not found
error-not-found-message = This page does not exist or is no longer public. Its territory may have withdrawn it.
error-retracted = Item withdrawn
error-retracted-message = This item was withdrawn on { $date } by the node { $node }. It is no longer published; its address stays reserved.
error-forbidden = Action refused
error-bad-request = Request not possible
error-internal = Server error
error-internal-message = An unexpected error occurred. It has been logged; please try again in a moment.

## Places of the administrative reference
place-level-country = Country
place-level-region = Region
place-level-departement = Department (département)
place-level-epci = Intermunicipal body (EPCI)
place-level-commune = Municipality (commune)
place-unknown-code = unknown code ({ $code })
error-unavailable = One moment
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }

## messages written in Rust
page-size-bytes = { $size } B
page-size-kilobytes = { $size } kB
page-size-megabytes = { $size } MB

## Formatting: periods, durations, points

format-period = from { $start } to { $end }
format-period-since = since { $start }
format-period-until = until { $end }
format-duration-under-a-minute = less than a minute
format-days-abbreviation = d
# The letter of the west in a point's longitude.
format-west = W
