# The administration of peers (/admin/pairs).
admin-title = Network peers
admin-intro = The nodes that follow this territory, those it follows, and the state of exchanges with each. Public overview:
admin-public-overview-link = the network
admin-read-only = You can view this page; only the node's administrators can follow, unfollow or answer followers.
admin-only = This action is reserved for the node's administrators.

# Following a node
admin-follow-heading = Follow a node
admin-follow-label = Handle or address of the node
admin-follow-hint-example = For example
admin-follow-hint-or = or
admin-follow-hint-copied = Its items will be copied here once the follow is accepted.
admin-follow-button = Follow
admin-follow-empty = Enter a node's handle (territory@host) or the address of its actor (https://…).
admin-follow-malformed = This handle does not have the expected form: territory@host or https://host/actor, without spaces.
admin-follow-unresolvable = No node answered for “{ $target }”. Check the handle (territory@host) and that the node is online.
admin-follow-unreachable = The address “{ $target }” does not lead to a reachable node (or it is not an ActivityPub actor). Check it and try again.
admin-follow-self = A node cannot follow itself.
admin-follow-not-found = No node found for “{ $target }”.
admin-missing-actor = The form does not say which peer it is about.
admin-choose-decision = Choose whether to accept or reject this follower.

# Followed nodes and followers
admin-following = Following
admin-following-none = This node does not follow any other node yet.
admin-followers = Followers
admin-followers-none = No node follows this territory yet.
admin-col-node = Node
admin-col-state = State
admin-col-since = Since
admin-col-relay = Relay
admin-col-actions = Actions
admin-col-answer = Answer
admin-accepted-on = accepted { $date }
admin-relay-on = on
admin-relay-off = off
admin-relay-enable = Turn relay on
admin-relay-disable = Turn relay off
# Hidden after a button, for screen readers.
admin-for-peer = for { $name }
admin-unfollow = Unfollow
admin-relay-explanation = In relay mode, this node re-shares with its own followers everything it receives from the followed node.
admin-accept = Accept
admin-reject = Reject
admin-state-accepted = accepted
admin-state-awaiting-your-answer = awaiting your answer
admin-state-awaiting-acceptance = awaiting acceptance
admin-state-rejected = rejected

# Delivery queues
admin-queues = Delivery queue per peer
admin-queues-none = No deliveries yet.
admin-col-peer = Peer
admin-col-pending = Pending
admin-col-delivered = Delivered
admin-col-failed = Abandoned
admin-col-last-success = Last success
admin-col-consecutive-failures = Consecutive failures
admin-col-next-retry = Next attempt
admin-col-circuit-open-until = Circuit open until
admin-last-error = Last error: { $error }
admin-circuit-closed = closed
admin-never = never

# Catch-up with followed nodes
admin-syncs = Synchronisation with followed nodes
admin-syncs-none = No synchronisation yet: it starts when a follow is accepted.
admin-col-progress = Progress
admin-col-last-sync = Last synchronisation
admin-error = Error: { $error }
admin-sync-progress-label = Progress of the synchronisation with { $name }
admin-sync-progress = { $seen } / { $total } activities
admin-sync-seen = { $seen } activities read
admin-sync-pending = pending
admin-sync-running = running
admin-sync-done = done
admin-sync-failed = failed

# Notices after an action
admin-notice-follow-sent = Follow request sent to { $actor }: it stays “awaiting acceptance” until that node answers.
admin-notice-unfollowed = This node no longer follows { $actor }; the peer has been told.
admin-notice-follower-accepted = Follower accepted: { $actor } will now receive this node's publications.
admin-notice-follower-rejected = Request rejected: { $actor } has been told.
admin-notice-relay-on = Relay mode on for { $actor }: what arrives from it will be re-shared with this node's followers.
admin-notice-relay-off = Relay mode off for { $actor }.
admin-notice-peer-gone = This peer is no longer in the list (the page has been refreshed).
admin-notice-unreachable = The answer could not be prepared: this peer's node may be unreachable. Try again later; the details are in the server log.
audit-action-item-create = Item created
audit-action-item-publish = Item published
audit-action-item-update = Item updated
audit-action-item-retract = Item withdrawn
audit-action-item-reshare = Item reshared
audit-action-peer-follow = Node followed
audit-action-peer-unfollow = Node unfollowed
audit-action-peer-approve = Follower accepted
audit-action-peer-reject = Follower refused
audit-action-peer-relay = Relay mode changed
audit-action-token-create = API token created
audit-action-token-revoke = API token revoked
audit-action-account-create = Account created
audit-action-account-update = Account updated
audit-action-session-login = Sign-in
audit-action-session-login-failed = Sign-in refused
audit-action-other = Other action
audit-title = Audit log
audit-link = Audit log: who changed what
audit-back-to-peers = Peers of the network
audit-intro = Who changed what on this node: items, follows, API tokens, accounts and sign-ins. Newest first.
audit-action = Action
audit-all-actions = All actions
audit-actor = Actor
audit-actor-hint = For example
audit-filter = Filter
audit-empty = No entry matches.
audit-target = Target
audit-detail = Detail
audit-older = Older entries
identity-title = Territory logo and banner
identity-intro = The logo is shown at the top of the territory's items; logo and banner go with its profile on the fediverse (the actor's icon and image). JPEG, PNG or WebP pictures, saved again without their metadata.
identity-logo = Logo
identity-banner = Banner
identity-current = Current picture
identity-none = No picture yet.
identity-file = Picture
identity-upload = Save the picture
identity-saved = Picture saved.
