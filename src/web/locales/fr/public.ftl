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
