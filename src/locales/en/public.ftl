# public pages
results-count = { $n ->
    [one] { $n } result
   *[other] { $n } results
}
home-territory = Territory: { $territory }. This node publishes the experiences, good practices and project sheets of its territory and receives those of the territories it follows.
search-item = Search the items
home-search-placeholder = e.g. compost, useful effects, food…
search-button = Search
home-figures = In figures
home-public-items =
    { $n ->
    [one] public item:
    *[other] public items:
    }
home-local-items = { $n } written here
home-replicated-items =
    , { $n } replicated from { $origins ->
    [one] { $origins } other node
    *[other] { $origins } other nodes
    }
home-whole-catalogue = The whole catalogue
home-overdue =
    { $n ->
    [one] { $n } local item is past its review date.
    *[other] { $n } local items are past their review date.
    }
nothing-yet = Nothing yet.
home-all-territories = See all territories
home-latest = Latest items
home-no-items = No item published yet.
catalogue-unknown-kind = The type “{ $value }” is unknown; this filter is ignored.
catalogue-unknown-code = "{ $value }" is not a known code for the { $parameter } filter: this filter is ignored. Pick a value in the filters column.
catalogue-invalid-date = “{ $value }” is not a date (YYYY-MM-DD); this filter is ignored.
facet-kind = Item type
facet-territory = Territory
facet-pillar = Circular economy pillar
facet-domain = Activity domain
facet-resource = Resource
facet-place = Place
unspecified = Not specified
filter-search = Search: “{ $q }”
filter-facet = { $facet }: { $value }
filter-updated-from = Updated since { $date }
filter-updated-to = Updated until { $date }
catalogue-heading = Catalogue of items
catalogue-search-label = Search the catalogue
catalogue-search-placeholder = e.g. compost, industrial ecology, Ariège…
catalogue-updated-from = Updated since
catalogue-updated-to = until
catalogue-clear = Clear all
catalogue-active-filters = Active filters
catalogue-active-filters-hint = Active filters (click to remove)
catalogue-remove-filter = (remove this filter)
catalogue-facets = Refine by facet
catalogue-no-value = No value.
results-count-about = about { $n } results
results-by-relevance = , by relevance
results-newest-first = , newest first
catalogue-follow = Follow:
catalogue-feed-all = Atom feed of the whole catalogue
catalogue-export = Export the whole public catalogue:
catalogue-export-csv = spreadsheet (CSV)
catalogue-export-semicolon = “;” separator
catalogue-map = Map of the items found, by département
catalogue-empty = No item matches. Try other words or
catalogue-empty-clear = remove the filters
pagination = Pagination
page-previous = Previous page
page-of = Page { $page } of { $pages }
page-next = Next page
home-by-kind = By item type
home-by-pillar = By circular economy pillar
home-by-territory = By territory
vocabularies-heading = Controlled vocabularies
vocabularies-intro = Items use stable codes, the same on every node of the network. Each list is also available as JSON
vocabularies-caption = Available lists
vocabularies-list = List
vocabularies-technical-name = Technical name
vocabularies-terms = Terms
vocabulary-all = All vocabularies
vocabulary-technical-name = Technical name:
vocabulary-as-json = as JSON:
vocabulary-label = Label
vocabulary-note = Note
pillar-group-supply = Supply from economic actors
pillar-group-demand = Consumer demand and behaviour
pillar-group-waste = Waste management
vocabulary-immaterial = immaterial resource
feed-link-project-sheets = Atom feed: project sheets
feed-link-good-practices = Atom feed: good practices
feed-link-experiences = Atom feed: experience reports
feed-link-territory = Atom feed: territory { $name }
feed-link-search = Atom feed: search “{ $q }”
feed-link-pillar = Atom feed: pillar { $label }

## messages written in Rust
page-feed-title-everything = all items
page-feed-title-territory = territory: { $name }
page-feed-title-pillar = pillar: { $label }
page-feed-title-search = { $title }, search “{ $q }”
page-feed-kind-project_sheet = project sheets
page-feed-kind-good_practice = good practices
page-feed-kind-experience = experience reports
page-feed-invalid_parameter = parameter { $path }: { $message }
