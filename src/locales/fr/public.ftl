# public pages
results-count = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
}
home-territory = Territoire : { $territory }. Ce nœud publie les expériences, bonnes pratiques et fiches projet de son territoire et reçoit celles des territoires qu'il suit.
search-item = Rechercher une fiche
home-search-placeholder = ex. compost, effets utiles, alimentation…
search-button = Rechercher
home-figures = En chiffres
home-public-items =
    { $n ->
    [one] fiche publique :
    *[other] fiches publiques :
    }
home-local-items =
    { $n ->
    [one] { $n } rédigée ici
    *[other] { $n } rédigées ici
    }
home-replicated-items =
    , { $n ->
    [one] { $n } répliquée
    *[other] { $n } répliquées
    } depuis { $origins ->
    [one] { $origins } autre nœud
    *[other] { $origins } autres nœuds
    }
home-whole-catalogue = Tout le catalogue
home-overdue =
    { $n ->
    [one] { $n } fiche locale a dépassé sa date de revue.
    *[other] { $n } fiches locales ont dépassé leur date de revue.
    }
nothing-yet = Rien pour l'instant.
home-all-territories = Voir tous les territoires
home-latest = Dernières fiches
home-no-items = Aucune fiche publiée pour l'instant.
catalogue-unknown-kind = Le type « { $value } » est inconnu ; ce filtre est ignoré.
catalogue-unknown-code = « { $value } » n'est pas un code connu pour le filtre { $parameter } : ce filtre est ignoré. Choisissez une valeur dans la colonne des filtres.
catalogue-invalid-date = « { $value } » n'est pas une date (AAAA-MM-JJ) ; ce filtre est ignoré.
facet-kind = Type de fiche
facet-territory = Territoire
facet-pillar = Pilier de l'économie circulaire
facet-domain = Domaine d'activité
facet-resource = Ressource
facet-place = Lieu
unspecified = Non précisé
filter-search = Recherche : « { $q } »
filter-facet = { $facet } : { $value }
filter-updated-from = Mis à jour depuis le { $date }
filter-updated-to = Mis à jour jusqu'au { $date }
catalogue-heading = Catalogue des fiches
catalogue-search-label = Rechercher dans le catalogue
catalogue-search-placeholder = ex. compost, écologie industrielle, Ariège…
catalogue-updated-from = Mis à jour depuis
catalogue-updated-to = jusqu'au
catalogue-clear = Tout effacer
catalogue-active-filters = Filtres actifs
catalogue-active-filters-hint = Filtres actifs (cliquer pour retirer)
catalogue-remove-filter = (retirer ce filtre)
catalogue-facets = Affiner par facette
catalogue-no-value = Aucune valeur.
results-count-about = environ { $n } résultats
results-by-relevance = , classés par pertinence
results-newest-first = , les plus récents d'abord
catalogue-follow = Suivre :
catalogue-feed-all = flux Atom de tout le catalogue
catalogue-export = Exporter tout le catalogue public :
catalogue-export-csv = tableur (CSV)
catalogue-export-semicolon = séparateur « ; »
catalogue-map = Carte des fiches trouvées, par département
catalogue-empty = Aucune fiche ne correspond. Essayez d'autres mots ou
catalogue-empty-clear = retirez les filtres
pagination = Pagination
page-previous = Page précédente
page-of = Page { $page } sur { $pages }
page-next = Page suivante
home-by-kind = Par type de fiche
home-by-pillar = Par pilier de l'économie circulaire
home-by-territory = Par territoire
vocabularies-heading = Vocabulaires contrôlés
vocabularies-intro = Les fiches utilisent des codes stables, identiques sur tous les nœuds du réseau. Chaque liste est aussi disponible en JSON
vocabularies-caption = Listes disponibles
vocabularies-list = Liste
vocabularies-technical-name = Nom technique
vocabularies-terms = Termes
vocabulary-all = Tous les vocabulaires
vocabulary-technical-name = Nom technique :
vocabulary-as-json = en JSON :
vocabulary-label = Libellé
vocabulary-note = Remarque
pillar-group-supply = Offre des acteurs économiques
pillar-group-demand = Demande et comportement des consommateurs
pillar-group-waste = Gestion des déchets
vocabulary-immaterial = ressource immatérielle
feed-link-project-sheets = Flux Atom : { $kind }
feed-link-good-practices = Flux Atom : { $kind }
feed-link-experiences = Flux Atom : { $kind }
feed-link-territory = Flux Atom : territoire { $name }
feed-link-search = Flux Atom : recherche « { $q } »
feed-link-pillar = Flux Atom : pilier { $label }

## messages written in Rust
page-feed-title-everything = toutes les fiches
page-feed-title-territory = territoire : { $name }
page-feed-title-pillar = pilier : { $label }
page-feed-title-search = { $title }, recherche « { $q } »
page-feed-kind-project_sheet = fiches projet
page-feed-kind-good_practice = bonnes pratiques
page-feed-kind-experience = retours d'expérience
page-feed-invalid_parameter = paramètre { $path } : { $message }
