# network pages
network-kinds-chart = Fiches par territoire et par type
network-kinds-chart-description = Une barre par territoire, découpée selon le type de fiche (fiche projet, bonne pratique, retour d'expérience).
network-pillars-chart = Fiches par pilier de l'économie circulaire, dans tout le réseau
network-pillars-chart-description = Une barre par pilier : le nombre de fiches du réseau qui s'y rattachent (une fiche peut relever de plusieurs piliers).
sync-never = jamais synchronisé
sync-pending = en attente
sync-running = en cours
sync-done = à jour
sync-failed = en échec
sync-unknown = inconnu
health-failing = en difficulté
health-sync-failed = synchronisation en échec
health-late = en retard
health-no-contact = pas encore de contact
health-ok = en bonne santé
never = jamais
network-no-lag = aucun
network-intro = Les territoires que ce nœud connaît : les siens et ceux qu'il suit ou dont il a reçu des fiches.
network-computed = Chiffres calculés le { $date } sur les fiches publiques détenues ici.
network-as-json = Les mêmes chiffres existent en
network-territories =
    { $n ->
    [one] territoire
    *[other] territoires
    }
network-items-new =
    { $n ->
    [one] { $n } fiche
    *[other] { $n } fiches
    }, dont { $new ->
    [one] { $new } nouvelle
    *[other] { $new } nouvelles
    } cette semaine.
network-by-territory = Fiches par territoire
network-no-territory = Aucun territoire pour l'instant : publiez une fiche ou suivez un autre nœud.
network-by-territory-caption = Fiches publiques par territoire et par type
network-new-this-week = Nouvelles cette semaine
network-this-node = ce nœud
network-its-items = ses fiches
network-node = nœud
network-of = de { $name }
network-whole = Tout le réseau
network-pillars-caption = Fiches par pilier et par territoire (une fiche peut relever de plusieurs piliers)
network-pillar = Pilier
network-this-week = Cette semaine
network-nothing-this-week = Aucune fiche publiée ou mise à jour ces sept derniers jours.
network-this-week-intro = Les fiches publiées ou mises à jour ces sept derniers jours, les plus récentes d'abord.
network-lineage = Filiation entre territoires
network-no-lineage = Aucune fiche détenue ici ne déclare encore s'inspirer d'une fiche d'un autre territoire.
network-lineage-caption = Pratiques nées dans un territoire et adaptées dans un autre
network-inspired-by = Inspiré par (territoire d'origine)
network-direction = sens
network-items = Fiches
network-health = Santé des pairs
network-no-peer = Ce nœud n'échange encore avec aucun autre nœud.
network-health-intro = La file de livraison de ce nœud vers chaque pair et la dernière synchronisation de ses fiches.
network-health-caption = État des échanges avec chaque pair
network-peer = Pair
network-last-delivery = Dernière livraison réussie
network-last-sync = Dernière synchronisation
network-pending = En attente
network-queue-lag = Retard de la file
network-failures = Échecs consécutifs
chart-see-table = (les chiffres sont repris dans le tableau ci-dessous)
