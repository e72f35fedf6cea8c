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
