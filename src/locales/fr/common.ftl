# Shared by every page: the frame, the navigation, error pages.
feed-all-title = toutes les fiches (Atom)
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-catalogue = Catalogue
nav-network = Le réseau
nav-vocabularies = Vocabulaires
nav-editor = Espace éditeur
signed-in-as = Connecté·e :
sign-out = Se déconnecter
error-status = Erreur { $status }
error-back-home = Retour à l'accueil
error-browse-catalogue = Parcourir le catalogue
error-not-found = Page introuvable
error-not-found-message = Cette page n'existe pas ou n'est plus publique. Elle a peut-être été retirée par son territoire.
error-retracted = Fiche retirée
error-retracted-message = Cette fiche a été retirée le { $date } par le nœud { $node }. Elle n'est plus publiée ; son adresse reste réservée.
error-forbidden = Action refusée
error-bad-request = Demande impossible
error-internal = Erreur du serveur
error-internal-message = Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez dans un moment.

## Places of the administrative reference
place-level-country = Pays
place-level-region = Région
place-level-departement = Département
place-level-epci = Intercommunalité (EPCI)
place-level-commune = Commune
place-unknown-code = code inconnu ({ $code })
error-unavailable = Un instant
month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
} { $year }

## messages written in Rust
page-size-bytes = { $size } o
page-size-kilobytes = { $size } ko
page-size-megabytes = { $size } Mo

## Formatting: periods, durations, points

format-period = de { $start } à { $end }
format-period-since = depuis { $start }
format-period-until = jusqu'à { $end }
format-duration-under-a-minute = moins d'une minute
format-days-abbreviation = j
# The letter of the west in a point's longitude.
format-west = O
