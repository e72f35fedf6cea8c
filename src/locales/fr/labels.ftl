## The content model's labels: kinds, lifecycles, the six registers of a business model.

kind-project_sheet = Fiche projet
kind-good_practice = Bonne pratique
kind-experience = Retour d'expérience

lifecycle-draft = Brouillon
lifecycle-published = Publié
lifecycle-archived = Archivé
lifecycle-withdrawn = Retiré

register-value_proposition = Proposition de valeur
register-resources = Ressources matérielles et immatérielles
register-organisation = Organisation
register-contracting = Contractualisation
register-funding_and_value_sharing = Financement et partage de la valeur
register-governance = Gouvernance
