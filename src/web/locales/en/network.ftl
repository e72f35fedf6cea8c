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
sync-unknown = unknown
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
