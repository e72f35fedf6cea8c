# The administration of peers (/admin/pairs).
admin-title = Pairs du réseau
admin-intro = Les nœuds qui suivent ce territoire, ceux qu'il suit, et l'état des échanges avec chacun. Vue d'ensemble publique :
admin-public-overview-link = le réseau
admin-read-only = Vous pouvez consulter cette page ; seuls les administrateurs du nœud peuvent suivre, ne plus suivre ou répondre aux abonnés.
admin-only = Cette action est réservée aux administrateurs du nœud.

# Following a node
admin-follow-heading = Suivre un nœud
admin-follow-label = Identifiant ou adresse du nœud
admin-follow-hint-example = Par exemple
admin-follow-hint-or = ou
admin-follow-hint-copied = Ses fiches seront copiées ici une fois le suivi accepté.
admin-follow-button = Suivre
admin-follow-empty = Indiquez l'identifiant d'un nœud (territoire@hote) ou l'adresse de son acteur (https://…).
admin-follow-malformed = Cet identifiant n'a pas la forme attendue : territoire@hote ou https://hote/actor, sans espace.
admin-follow-unresolvable = Aucun nœud n'a répondu pour « { $target } ». Vérifiez l'identifiant (territoire@hote) et que ce nœud est en ligne.
admin-follow-unreachable = L'adresse « { $target } » ne mène pas à un nœud joignable (ou ce n'est pas un acteur ActivityPub). Vérifiez-la et réessayez.
admin-follow-self = Un nœud ne peut pas se suivre lui-même.
admin-follow-not-found = Aucun nœud trouvé pour « { $target } ».
admin-missing-actor = Le formulaire ne précise pas de quel pair il s'agit.
admin-choose-decision = Choisissez d'accepter ou de refuser cet abonné.

# Followed nodes and followers
admin-following = Nœuds suivis
admin-following-none = Ce nœud ne suit encore aucun autre nœud.
admin-followers = Abonnés
admin-followers-none = Aucun nœud ne suit encore ce territoire.
admin-col-node = Nœud
admin-col-state = État
admin-col-since = Depuis
admin-col-relay = Relais
admin-col-actions = Actions
admin-col-answer = Réponse
admin-accepted-on = accepté le { $date }
admin-relay-on = activé
admin-relay-off = désactivé
admin-relay-enable = Activer le relais
admin-relay-disable = Désactiver le relais
# Hidden after a button, for screen readers.
admin-for-peer = pour { $name }
admin-unfollow = Ne plus suivre
admin-relay-explanation = En mode relais, ce nœud repartage à ses propres abonnés tout ce qu'il reçoit du nœud suivi.
admin-accept = Accepter
admin-reject = Refuser
admin-state-accepted = accepté
admin-state-awaiting-your-answer = en attente de votre réponse
admin-state-awaiting-acceptance = en attente d'acceptation
admin-state-rejected = refusé

# Delivery queues
admin-queues = File de livraison par pair
admin-queues-none = Aucune livraison pour l'instant.
admin-col-peer = Pair
admin-col-pending = En attente
admin-col-delivered = Livrées
admin-col-failed = Abandonnées
admin-col-last-success = Dernier succès
admin-col-consecutive-failures = Échecs consécutifs
admin-col-next-retry = Prochain essai
admin-col-circuit-open-until = Circuit ouvert jusqu'au
admin-last-error = Dernière erreur : { $error }
admin-circuit-closed = fermé
admin-never = jamais

# Catch-up with followed nodes
admin-syncs = Synchronisation avec les nœuds suivis
admin-syncs-none = Aucune synchronisation pour l'instant : elle commence quand un suivi est accepté.
admin-col-progress = Progression
admin-col-last-sync = Dernière synchronisation
admin-error = Erreur : { $error }
admin-sync-progress-label = Progression de la synchronisation avec { $name }
admin-sync-progress = { $seen } / { $total } activités
admin-sync-seen = { $seen } activités lues
admin-sync-pending = en attente
admin-sync-running = en cours
admin-sync-done = terminée
admin-sync-failed = en échec

# Notices after an action
admin-notice-follow-sent = Demande de suivi envoyée à { $actor } : elle reste « en attente d'acceptation » jusqu'à la réponse de ce nœud.
admin-notice-unfollowed = Ce nœud ne suit plus { $actor } ; le pair en est informé.
admin-notice-follower-accepted = Abonné accepté : { $actor } recevra désormais les publications de ce nœud.
admin-notice-follower-rejected = Demande refusée : { $actor } en est informé.
admin-notice-relay-on = Mode relais activé pour { $actor } : ce qui en arrive sera repartagé aux abonnés de ce nœud.
admin-notice-relay-off = Mode relais désactivé pour { $actor }.
admin-notice-peer-gone = Ce pair ne figure plus dans la liste (la page a été actualisée).
admin-notice-unreachable = La réponse n'a pas pu être préparée : le nœud de ce pair est peut-être injoignable. Réessayez plus tard ; le détail est dans le journal du serveur.
audit-action-item-create = Fiche créée
audit-action-item-publish = Fiche publiée
audit-action-item-update = Fiche modifiée
audit-action-item-retract = Fiche retirée
audit-action-item-reshare = Fiche repartagée
audit-action-peer-follow = Nœud suivi
audit-action-peer-unfollow = Nœud plus suivi
audit-action-peer-approve = Abonné accepté
audit-action-peer-reject = Abonné refusé
audit-action-peer-relay = Mode relais modifié
audit-action-token-create = Jeton d'API créé
audit-action-token-revoke = Jeton d'API révoqué
audit-action-account-create = Compte créé
audit-action-account-update = Compte modifié
audit-action-session-login = Connexion
audit-action-session-login-failed = Connexion refusée
audit-action-other = Autre action
audit-title = Journal d'audit
audit-link = Journal d'audit : qui a modifié quoi
audit-back-to-peers = Pairs du réseau
audit-intro = Qui a modifié quoi sur ce nœud : fiches, abonnements, jetons d'API, comptes et connexions. Les plus récentes d'abord.
audit-action = Action
audit-all-actions = Toutes les actions
audit-actor = Auteur
audit-actor-hint = Par exemple
audit-filter = Filtrer
audit-empty = Aucune entrée ne correspond.
audit-target = Cible
audit-detail = Détail
audit-older = Entrées plus anciennes
identity-title = Logo et bannière du territoire
identity-intro = Le logo s'affiche en tête des fiches du territoire ; logo et bannière accompagnent son profil sur le fédivers (icon et image de l'acteur). Images JPEG, PNG ou WebP, réenregistrées sans leurs métadonnées.
identity-logo = Logo
identity-banner = Bannière
identity-current = Image actuelle
identity-none = Aucune image pour l'instant.
identity-file = Image
identity-upload = Enregistrer l'image
identity-saved = Image enregistrée.
