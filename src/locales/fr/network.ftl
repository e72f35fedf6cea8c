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

## Coordination part of the network page
coordination-heading = Vue de coordination
coordination-intro = Où en est le réseau, pour toute la France ou une région : la carte, les régions, les thèmes, les publications des 24 derniers mois et les revues en retard. Chaque tableau se télécharge en CSV.
coordination-region = Région
coordination-whole-country = Toute la France
coordination-apply = Afficher
coordination-scope-country = Toute la France : { $n } fiches publiques.
coordination-scope-region = { $region } : { $n } fiches publiques.
coordination-loading = Les chiffres se préparent (quelques secondes après le démarrage du nœud) : rechargez la page dans un instant.
coordination-map = Carte des fiches par département
coordination-regions = Par région
coordination-regions-caption = Fiches publiques par région et par type (une fiche située dans deux régions compte dans chacune)
coordination-months = Fiches publiées par mois (24 derniers mois)
coordination-overdue = Revues en retard, par territoire
coordination-overdue-caption = Fiches publiées dont la date de revue prévue est passée
coordination-no-overdue = Aucune revue en retard.
coordination-chart-description = Barres horizontales : nombre de fiches publiques pour chaque valeur ; le tableau qui suit donne les mêmes chiffres.
coordination-csv = Télécharger en CSV
coordination-value = Valeur
coordination-items = Fiches
map-title = Carte des fiches par département
map-legend = Légende : nombre de fiches par département
map-legend-none = aucune fiche
map-legend-range = de { $from } à { $to }
map-area-title = { $name } : { $n ->
    [0] aucune fiche
    [one] { $n } fiche
   *[other] { $n } fiches
}
map-table = Les mêmes chiffres en tableau
map-empty = Aucune fiche située dans un département.
map-departement = Département
map-locator = Où se situe la fiche
coordination-show-table = Voir le tableau
coordination-funding = Financements, par type et par programme
coordination-funding-caption = Lignes de financement des fiches publiques (projets et retours d'expérience), par type de financement et programme
coordination-no-funding = Aucune ligne de financement.
coordination-funding-type = Type de financement
coordination-programme = Programme
coordination-amount = Montant
coordination-lines = Lignes
coordination-no-programme = sans programme indiqué
coordination-no-funding-type = type non indiqué
network-lineage-graph = Graphe des filiations : chaque flèche va du territoire qui a inspiré à celui qui a adapté, plus épaisse quand les fiches sont nombreuses
coordination-month = Mois
coordination-other-regions = Autres régions, ou sans région
coordination-months-description = Barres horizontales empilées : pour chaque mois, les fiches publiées pour la première fois, par région ; le tableau qui suit donne les mêmes chiffres.
