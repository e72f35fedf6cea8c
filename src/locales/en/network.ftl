# network pages
network-kinds-chart = Items by territory and type
network-kinds-chart-description = One bar per territory, split by item type (project sheet, good practice, experience report).
network-pillars-chart = Items by circular economy pillar, across the network
network-pillars-chart-description = One bar per pillar: the number of items in the network that relate to it (an item may relate to several pillars).
sync-never = never synchronised
sync-pending = pending
sync-running = running
sync-done = up to date
sync-failed = failed
health-failing = failing
health-sync-failed = synchronisation failed
health-late = late
health-no-contact = no contact yet
health-ok = healthy
never = never
network-no-lag = none
network-intro = The territories this node knows: its own and those it follows or has received items from.
network-computed = Figures computed on { $date } from the public items held here.
network-as-json = The same figures are available as
network-territories =
    { $n ->
    [one] territory
    *[other] territories
    }
network-items-new =
    { $n ->
    [one] { $n } item
    *[other] { $n } items
    }, { $new } new this week.
network-by-territory = Items by territory
network-no-territory = No territory yet: publish an item or follow another node.
network-by-territory-caption = Public items by territory and type
network-new-this-week = New this week
network-this-node = this node
network-its-items = its items
network-node = node
network-of = of { $name }
network-whole = Whole network
network-pillars-caption = Items by pillar and territory (an item may relate to several pillars)
network-pillar = Pillar
network-this-week = This week
network-nothing-this-week = No item published or updated in the last seven days.
network-this-week-intro = Items published or updated in the last seven days, newest first.
network-lineage = Lineage between territories
network-no-lineage = No item held here declares yet that it is inspired by an item from another territory.
network-lineage-caption = Practices born in one territory and adapted in another
network-inspired-by = Inspired by (territory of origin)
network-direction = direction
network-items = Items
network-health = Health of peers
network-no-peer = This node does not exchange with any other node yet.
network-health-intro = The delivery queue from this node to each peer and the last synchronisation of its items.
network-health-caption = State of exchanges with each peer
network-peer = Peer
network-last-delivery = Last successful delivery
network-last-sync = Last synchronisation
network-pending = Pending
network-queue-lag = Queue lag
network-failures = Consecutive failures
chart-see-table = (the figures are repeated in the table below)

## Coordination part of the network page
coordination-heading = Coordination view
coordination-intro = Where the network stands, for all of France or one region: the map, the regions, the themes, what was published over the last 24 months and the overdue reviews. Every table downloads as CSV.
coordination-region = Region
coordination-whole-country = All of France
coordination-apply = Show
coordination-scope-country = All of France: { $n } public items.
coordination-scope-region = { $region }: { $n } public items.
coordination-loading = The figures are being prepared (a few seconds after the node starts): reload the page in a moment.
coordination-map = Map of items by département
coordination-regions = By region
coordination-regions-caption = Public items by region and kind (an item located in two regions counts in each)
coordination-months = Items published per month (last 24 months)
coordination-overdue = Overdue reviews, by territory
coordination-overdue-caption = Published items whose planned review date has passed
coordination-no-overdue = No overdue review.
coordination-chart-description = Horizontal bars: the number of public items for each value; the table that follows gives the same figures.
coordination-csv = Download as CSV
coordination-value = Value
coordination-items = Items
map-title = Map of items by département
map-legend = Legend: number of items per département
map-legend-none = no item
map-legend-range = { $from } to { $to }
map-area-title = { $name }: { $n ->
    [0] no item
    [one] { $n } item
   *[other] { $n } items
}
map-table = The same figures as a table
map-empty = No item located in a département.
map-departement = Département
map-locator = Where the item lies
coordination-show-table = Show the table
coordination-funding = Funding, by type and programme
coordination-funding-caption = Funding lines of public items (projects and experience reports), by funding type and programme
coordination-no-funding = No funding line.
coordination-funding-type = Funding type
coordination-programme = Programme
coordination-amount = Amount
coordination-lines = Lines
coordination-no-programme = no programme given
coordination-no-funding-type = type not given
network-lineage-graph = Lineage graph: each arrow goes from the territory that inspired to the one that adapted, thicker when there are more items
coordination-month = Month
coordination-other-regions = Other regions, or none
coordination-months-description = Stacked horizontal bars: for each month, the items first published, by region; the table that follows gives the same figures.
